import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { areaInSqm } from "../../listings/units";
import { syncListings } from "../listing-sync";
import { moveUnits } from "../status";
import { parseUnitRow } from "./row";
import type { ImportedUnit, UnitImportField } from "./schema";

/*
 * The units kind's own part of the importer's steps (lib/leads/import runs the job, chunk by chunk,
 * in its transactions): reading and matching rows at analysis, writing them, undoing them.
 *
 * A row matches an existing unit by its building's name within the job's park and its number; a
 * merge updates the unit's area, floor, prices and status (空置/不可租售) where the row gives them —
 * the status only while the unit is vacant or unavailable: a held, signed or occupied unit keeps its
 * own, which belongs to its lead. A created unit's building is found by name or created with the
 * first row's building attributes; an existing building's attributes are left as they are.
 */

type Tx = Prisma.TransactionClient;

const keyOf = (building: string, number: string) => `${building}\u0000${number}`;

export interface UnitAnalysisJob {
  id: string;
  parkId: string;
  headers: string[];
  mapping: Record<string, UnitImportField>;
  setsFloorPrice: boolean;
}

/** Units of the park by building name + number, for the rows given. */
async function existingUnits(db: Pick<Database, "unit">, parkId: string, values: ImportedUnit[]) {
  if (values.length === 0) return new Map<string, string>();
  const units = await db.unit.findMany({
    where: { parkId, building: { name: { in: [...new Set(values.map((value) => value.building))] } } },
    select: { id: true, number: true, building: { select: { name: true } } },
  });
  return new Map(units.map((unit) => [keyOf(unit.building.name, unit.number), unit.id]));
}

/**
 * A chunk of rows read, matched and proposed, as ImportRow data. `seen` (building + number → the first
 * row with it) carries across chunks: a repeat within the file is proposed as a skip.
 */
export async function analyseUnitRows(
  db: Pick<Database, "unit">,
  job: UnitAnalysisJob,
  rows: { rowNumber: number; cells: string[] }[],
  seen: Map<string, number>,
): Promise<Prisma.ImportRowCreateManyInput[]> {
  const parsed = rows.map((row) =>
    parseUnitRow(row.cells, job.mapping, { headers: job.headers, setsFloorPrice: job.setsFloorPrice }),
  );
  const existing = await existingUnits(
    db,
    job.parkId,
    parsed.flatMap((row) => (row.ok ? [row.values] : [])),
  );
  return rows.map((row, index) => {
    const result = parsed[index];
    const base = { jobId: job.id, rowNumber: row.rowNumber, cells: row.cells };
    if (!result.ok) return { ...base, values: Prisma.DbNull, errors: result.errors, proposal: "SKIP" };
    const key = keyOf(result.values.building, result.values.number);
    const earlier = seen.get(key);
    if (earlier === undefined) seen.set(key, row.rowNumber);
    const match = existing.get(key) ?? null;
    return {
      ...base,
      values: result.values as unknown as Prisma.InputJsonValue,
      errors: Prisma.DbNull,
      matchUnitId: match,
      proposal: earlier !== undefined ? "SKIP" : match ? "MERGE" : "CREATE",
      reason: earlier !== undefined ? `repeatOf:${earlier}` : null,
    };
  });
}

/** The building + number keys of rows already analysed (a runner carrying on an unfinished analysis). */
export function unitKeyOf(values: { building?: unknown; number?: unknown } | null): string | null {
  return values && typeof values.building === "string" && typeof values.number === "string"
    ? keyOf(values.building, values.number)
    : null;
}

export interface UnitPendingRow {
  id: string;
  rowNumber: number;
  values: ImportedUnit | null;
  proposal: "CREATE" | "MERGE" | "SKIP";
  decision: "CREATE" | "MERGE" | "SKIP" | null;
  matchUnitId: string | null;
}

export interface UnitOutcome {
  id: string;
  result: "CREATED" | "MERGED" | "SKIPPED" | "FAILED";
  unitId: string | null;
  reason: string | null;
  before: Prisma.InputJsonValue | null;
}

/** What a merge changed, as it was: undo puts it back. `createdBuildingId` marks the building a created unit made. */
interface UnitBefore {
  area?: string;
  areaUnit?: "SQM" | "MU";
  areaSqm?: string;
  floor?: number | null;
  listPrice?: string | null;
  floorPrice?: string | null;
  priceUnit?: string | null;
  /** the status before the row moved it, and the one it moved to */
  status?: { from: string; to: string };
  createdBuildingId?: string;
}

const UNIT_FIELDS = {
  id: true,
  status: true,
  area: true,
  areaUnit: true,
  areaSqm: true,
  floor: true,
  listPrice: true,
  floorPrice: true,
  priceUnit: true,
  listingId: true,
} satisfies Prisma.UnitSelect;

/** Writes one chunk of rows in the caller's transaction; one outcome per row. */
export async function applyUnitRows(
  tx: Tx,
  job: { parkId: string; actorId: string },
  rows: UnitPendingRow[],
  now: Date,
): Promise<UnitOutcome[]> {
  const outcomes: UnitOutcome[] = [];
  const buildings = new Map(
    (
      await tx.building.findMany({
        where: { parkId: job.parkId, name: { in: rows.flatMap((row) => (row.values ? [row.values.building] : [])) } },
        select: { id: true, name: true },
      })
    ).map((building) => [building.name, building.id]),
  );
  const listings: (string | null)[] = [];
  for (const row of rows) {
    const action = row.decision ?? row.proposal;
    const values = row.values;
    if (action === "SKIP" || !values) {
      outcomes.push({ id: row.id, result: "SKIPPED", unitId: null, reason: null, before: null });
      continue;
    }
    const buildingId = buildings.get(values.building);
    const current = buildingId
      ? await tx.unit.findUnique({
          where: { buildingId_number: { buildingId, number: values.number } },
          select: { id: true },
        })
      : null;
    let target: string | null = null;
    if (action === "MERGE") {
      target = row.matchUnitId && (await tx.unit.count({ where: { id: row.matchUnitId } })) ? row.matchUnitId : null;
      if (!target) {
        outcomes.push({ id: row.id, result: "FAILED", unitId: null, reason: "unitGone", before: null });
        continue;
      }
    } else if (current && row.decision === null) {
      // Created since the preview (by hand, or by an earlier row): the proposal becomes a merge.
      target = current.id;
    } else if (current) {
      outcomes.push({ id: row.id, result: "FAILED", unitId: null, reason: "unitTaken", before: null });
      continue;
    }
    if (target) {
      const merged = await mergeUnit(tx, target, values, job.actorId, now);
      listings.push(merged.listingId);
      outcomes.push({
        id: row.id,
        result: "MERGED",
        unitId: target,
        reason: merged.statusKept ? "unitStatusKept" : null,
        before: merged.before as Prisma.InputJsonValue,
      });
      continue;
    }
    let createdBuildingId: string | undefined;
    let building = buildingId;
    if (!building) {
      building = await createBuilding(tx, job.parkId, values);
      buildings.set(values.building, building);
      createdBuildingId = building;
    }
    const unitId = await createUnit(tx, { parkId: job.parkId, buildingId: building }, values, job.actorId, now);
    outcomes.push({
      id: row.id,
      result: "CREATED",
      unitId,
      reason: null,
      before: createdBuildingId ? { createdBuildingId } : null,
    });
  }
  await syncListings(tx, listings);
  return outcomes;
}

async function createBuilding(tx: Tx, parkId: string, values: ImportedUnit): Promise<string> {
  const last = await tx.building.aggregate({ where: { parkId }, _max: { position: true } });
  const building = await tx.building.create({
    data: {
      parkId,
      name: values.building,
      kind: values.kind ?? (values.areaUnit === "MU" ? "LAND" : "FACTORY"),
      storeys: values.storeys,
      structure: values.structure,
      floorHeightM: values.floorHeightM,
      floorLoadKgPerSqm: values.floorLoadKgPerSqm,
      powerKva: values.powerKva,
      completionYear: values.completionYear,
      propertyTermYears: values.propertyTermYears,
      position: (last._max.position ?? -1) + 1,
    },
    select: { id: true },
  });
  return building.id;
}

async function createUnit(
  tx: Tx,
  where: { parkId: string; buildingId: string },
  values: ImportedUnit,
  actorId: string,
  now: Date,
): Promise<string> {
  const id = newId(now.getTime());
  const status = values.status ?? "VACANT";
  await tx.unit.create({
    data: {
      id,
      ...where,
      floor: values.floor,
      number: values.number,
      area: values.area,
      areaUnit: values.areaUnit,
      areaSqm: areaInSqm(values.area, values.areaUnit).toFixed(2),
      listPrice: values.listPrice,
      floorPrice: values.floorPrice,
      priceUnit: values.priceUnit,
      status,
      statusChangedAt: now,
    },
  });
  // A new unit's first history row: its status from the day it was registered.
  await tx.unitStatusChange.create({
    data: { id: newId(now.getTime()), unitId: id, fromStatus: null, toStatus: status, actorId, changedAt: now },
  });
  return id;
}

async function mergeUnit(tx: Tx, unitId: string, values: ImportedUnit, actorId: string, now: Date) {
  const [unit] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Unit" WHERE "id" = ${unitId} FOR UPDATE`;
  const current = await tx.unit.findUniqueOrThrow({ where: { id: unit.id }, select: UNIT_FIELDS });
  const before: UnitBefore = {};
  const data: Prisma.UnitUpdateInput = {};
  const area = areaInSqm(values.area, values.areaUnit).toFixed(2);
  if (!current.area.equals(values.area) || current.areaUnit !== values.areaUnit) {
    Object.assign(before, {
      area: current.area.toString(),
      areaUnit: current.areaUnit,
      areaSqm: current.areaSqm.toString(),
    });
    Object.assign(data, { area: values.area, areaUnit: values.areaUnit, areaSqm: area });
  }
  if (values.floor !== null && values.floor !== current.floor) {
    before.floor = current.floor;
    data.floor = values.floor;
  }
  const decimalOf = (value: Prisma.Decimal | null) => (value === null ? null : value.toString());
  const differs = (value: Prisma.Decimal | null, next: string) => value === null || !value.equals(next);
  if (values.listPrice !== null && differs(current.listPrice, values.listPrice)) {
    before.listPrice = decimalOf(current.listPrice);
    data.listPrice = values.listPrice;
  }
  if (values.floorPrice !== null && differs(current.floorPrice, values.floorPrice)) {
    before.floorPrice = decimalOf(current.floorPrice);
    data.floorPrice = values.floorPrice;
  }
  if (values.priceUnit !== null && values.priceUnit !== current.priceUnit) {
    before.priceUnit = current.priceUnit;
    data.priceUnit = values.priceUnit;
  }
  if (Object.keys(data).length > 0) {
    await tx.unit.update({ where: { id: unitId }, data: { ...data, version: { increment: 1 } } });
  }
  const free = current.status === "VACANT" || current.status === "UNAVAILABLE";
  if (values.status && free && values.status !== current.status) {
    await moveUnits(tx, { unitIds: [unitId], from: [current.status], to: values.status, leadId: null, actorId, now });
    before.status = { from: current.status, to: values.status };
  }
  return {
    before,
    listingId: current.listingId,
    statusKept: Boolean(values.status && !free && values.status !== current.status),
  };
}

/**
 * Undoes a units import's rows in the caller's transaction: created units nobody has touched since
 * (still in their first status, never held, on no listing) are deleted, with the buildings the import
 * created that are left empty; merged units get back what the row changed, their status only if it is
 * still the one the row set.
 */
export async function undoUnitRows(
  tx: Tx,
  jobId: string,
  actorId: string,
  now: Date,
): Promise<{ removed: number; kept: number; reverted: number }> {
  const created = await tx.importRow.findMany({
    where: { jobId, result: "CREATED", unitId: { not: null } },
    select: { unitId: true, before: true },
  });
  const createdIds = created.map((row) => row.unitId!);
  const untouched = await tx.$queryRaw<{ id: string }[]>`
    SELECT u."id" FROM "Unit" u
    WHERE u."id" = ANY(${createdIds}::text[]) AND u."listingId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "UnitHold" h WHERE h."unitId" = u."id")
      AND (SELECT count(*) FROM "UnitStatusChange" c WHERE c."unitId" = u."id") = 1
    FOR UPDATE`;
  const removing = untouched.map((unit) => unit.id);
  await tx.unitStatusChange.deleteMany({ where: { unitId: { in: removing } } });
  await tx.unit.deleteMany({ where: { id: { in: removing } } });
  const buildings = created.flatMap((row) => {
    const before = row.before as UnitBefore | null;
    return before?.createdBuildingId ? [before.createdBuildingId] : [];
  });
  await tx.building.deleteMany({ where: { id: { in: buildings }, units: { none: {} } } });

  const merged = await tx.importRow.findMany({
    where: { jobId, result: "MERGED", unitId: { not: null } },
    select: { unitId: true, before: true },
    orderBy: { rowNumber: "desc" },
  });
  let reverted = 0;
  const listings: (string | null)[] = [];
  for (const row of merged) {
    const before = (row.before ?? {}) as UnitBefore;
    const unitId = row.unitId!;
    const { status, ...fields } = before;
    delete fields.createdBuildingId;
    const unit = await tx.unit.findUnique({ where: { id: unitId }, select: { listingId: true } });
    if (!unit) continue;
    let changed = false;
    if (Object.keys(fields).length > 0) {
      await tx.unit.update({
        where: { id: unitId },
        data: { ...(fields as Prisma.UnitUpdateInput), version: { increment: 1 } },
      });
      changed = true;
    }
    if (status) {
      const moved = await moveUnits(tx, {
        unitIds: [unitId],
        from: [status.to as "VACANT" | "UNAVAILABLE"],
        to: status.from as "VACANT" | "UNAVAILABLE",
        leadId: null,
        actorId,
        now,
      });
      changed ||= moved.length > 0;
    }
    if (changed) reverted += 1;
    listings.push(unit.listingId);
  }
  await syncListings(tx, listings);
  return { removed: removing.length, kept: createdIds.length - removing.length, reverted };
}
