import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";

/** Every park with its own yardsticks (null: the workspace's), for the admin's delivery settings. */
export async function parkYardsticks(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "read the delivery rules");
  const parks = await db.park.findMany({
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, nameEn: true, benchmarkTaxPerMu: true, benchmarkOutputPerMu: true },
  });
  return parks.map((park) => ({
    id: park.id,
    name: park.name,
    nameEn: park.nameEn,
    taxPerMu: park.benchmarkTaxPerMu?.toString() ?? null,
    outputPerMu: park.benchmarkOutputPerMu?.toString() ?? null,
  }));
}
