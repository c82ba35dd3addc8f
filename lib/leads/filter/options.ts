import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { managesLeads, WORKSPACE_ROLES } from "../access";

/**
 * The choices of the inbox's filter form. Staff only ever see their own leads and the pool, so
 * their owner list is themselves; managers choose among the active users.
 */
export async function inboxFilterOptions(db: Database, viewer: Viewer | null) {
  assertRole(viewer, WORKSPACE_ROLES, "read the lead inbox");
  const [stages, owners, parks, listings, sources, lostReasons] = await Promise.all([
    db.stage.findMany({
      orderBy: { position: "asc" },
      select: { key: true, name: true, nameEn: true, category: true },
    }),
    managesLeads(viewer)
      ? db.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } })
      : Promise.resolve([{ id: viewer.id, name: viewer.name }]),
    db.park.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, nameEn: true } }),
    db.listing.findMany({
      orderBy: [{ parkId: "asc" }, { title: "asc" }],
      select: { id: true, title: true, titleEn: true },
    }),
    distinctSources(db),
    db.lostReason.findMany({
      where: { active: true },
      orderBy: { position: "asc" },
      select: { key: true, name: true, nameEn: true, askPark: true },
    }),
  ]);
  return { stages, owners, parks, listings, sources, lostReasons };
}
export type InboxFilterOptions = Awaited<ReturnType<typeof inboxFilterOptions>>;

/**
 * The distinct lead sources, hopping through Lead_source_idx one value at a time (a "loose index
 * scan"): a handful of index probes, where SELECT DISTINCT would read the index of every lead.
 */
async function distinctSources(db: Database): Promise<string[]> {
  const rows = await db.$queryRaw<{ source: string }[]>`
    WITH RECURSIVE s AS (
      (SELECT "source" FROM "Lead" ORDER BY "source" LIMIT 1)
      UNION ALL
      SELECT (SELECT "source" FROM "Lead" WHERE "source" > s."source" ORDER BY "source" LIMIT 1) FROM s
        WHERE s."source" IS NOT NULL
    )
    SELECT "source" FROM s WHERE "source" IS NOT NULL LIMIT 200`;
  return rows.map((row) => row.source);
}
