import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { parkYardsticksSchema } from "./schema";

export type ParkYardsticksResult = { ok: true; changed: boolean } | { ok: false; fieldErrors: FieldErrors };

type Value = string | null;

/**
 * Sets a park's own 亩均 yardsticks, admins only (they are the delivery rules, like the settings section); a
 * blank one falls back to the workspace's. Audited on the park with the values before and after. The row is
 * locked for the change, so two admins saving at once each audit a true "before".
 */
export async function saveParkYardsticks(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<ParkYardsticksResult> {
  assertRole(viewer, ["ADMIN"], "change the delivery rules");
  const parsed = parkYardsticksSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { parkId, taxPerMu, outputPerMu } = parsed.data;
  return db.$transaction(async (tx): Promise<ParkYardsticksResult> => {
    const [park] = await tx.$queryRaw<{ tax: Value; output: Value }[]>`
      SELECT "benchmarkTaxPerMu"::text AS "tax", "benchmarkOutputPerMu"::text AS "output"
      FROM "Park" WHERE "id" = ${parkId} FOR UPDATE`;
    if (!park) return { ok: false, fieldErrors: { parkId: "notFound" } };
    const same = (before: Value, after: Value) =>
      before === null || after === null ? before === after : Number(before) === Number(after);
    const changes: Record<string, [Value, Value]> = {};
    if (!same(park.tax, taxPerMu)) changes.benchmarkTaxPerMu = [park.tax, taxPerMu];
    if (!same(park.output, outputPerMu)) changes.benchmarkOutputPerMu = [park.output, outputPerMu];
    if (Object.keys(changes).length === 0) return { ok: true, changed: false };
    await tx.park.update({
      where: { id: parkId },
      data: { benchmarkTaxPerMu: taxPerMu, benchmarkOutputPerMu: outputPerMu },
    });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "park.yardsticks",
      entityType: "Park",
      entityId: parkId,
      details: changes,
    });
    return { ok: true, changed: true };
  });
}
