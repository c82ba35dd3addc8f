import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { holdUnits, moveIn, releaseHold, renewHold } from "@/lib/inventory/holds/mutations";
import { unitsOfLead } from "@/lib/inventory/holds/queries";
import { workableLeadSql, workableLeadsWhere } from "@/lib/inventory/holds/lead-scope";
import { leadsVisibleSql, leadsVisibleTo } from "@/lib/leads/access";
import { archiveLead } from "@/lib/leads/archive/mutations";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { mergeLeads } from "@/lib/leads/merge/mutations";
import { moveLeadsStage, moveLeadStage, moveLeadStageByKey } from "@/lib/leads/stage/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { listingFigures, makeHoldPark, makeLead, makeUser, type HoldPark } from "../support/inventory-fixtures";

/*
 * Holding units for leads (lib/inventory/holds): the hold and its one winner, renewing within the
 * officers' limit, releasing by hand, signing with a won stage, moving in, and what a lost, archived,
 * erased or merged lead does to its units — with the listing's figures following every step.
 */
const SIGN = { signedArea: "2000", signedAreaUnit: "SQM", signedAnnualTax: "300" } as const;
const DAY_MS = 86_400_000;

function holdsSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    park = await makeHoldPark(opened.db, 4);
  });
  afterAll(async () => {
    await cleanup();
  });

  const unit = (id: string) => opened.db.unit.findUniqueOrThrow({ where: { id } });
  const holdOf = (unitId: string) =>
    opened.db.unitHold.findFirstOrThrow({ where: { unitId }, orderBy: { heldAt: "desc" } });
  const version = async (leadId: string) =>
    (await opened.db.lead.findUniqueOrThrow({ where: { id: leadId }, select: { version: true } })).version;
  const freshPark = () => makeHoldPark(opened.db, 4);

  it("states the lead pages' scope for every role", async () => {
    const db = opened.db;
    const owned = await makeLead(db, { ownerId: park.staff.id });
    const pooled = await makeLead(db, { ownerId: null });
    const others = await makeLead(db, { ownerId: park.otherStaff.id });
    const ids = [owned, pooled, others];
    for (const viewer of [park.staff, park.otherStaff, park.manager, park.admin]) {
      const byLeads = await db.$queryRaw<{ id: string }[]>`
        SELECT l."id" FROM "Lead" l WHERE l."id" = ANY(${ids}::text[]) AND ${leadsVisibleSql(viewer, "l")} ORDER BY 1`;
      const byInventory = await db.$queryRaw<{ id: string }[]>`
        SELECT l."id" FROM "Lead" l WHERE l."id" = ANY(${ids}::text[]) AND ${workableLeadSql(viewer, "l")} ORDER BY 1`;
      expect(byInventory).toEqual(byLeads);
      const where = (scope: object) => db.lead.count({ where: { id: { in: ids }, ...scope } });
      expect(await where(workableLeadsWhere(viewer))).toBe(await where(leadsVisibleTo(viewer)));
    }
  });

  it("[STAFF] holds two units for a lead: the listing is reserved, the hold recorded, the reminder planned", async () => {
    const db = opened.db;
    const leadId = await makeLead(db, { ownerId: park.staff.id });
    const before = Date.now();
    const result = await holdUnits(db, park.staff, { leadId, unitIds: [park.unitIds[0], park.unitIds[1]] });
    expect(result.ok).toBe(true);
    if (!result.ok || !("held" in result)) throw new Error("not held");
    const expiresAt = result.held[0].expiresAt.getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(7 * DAY_MS - 5);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(7 * DAY_MS);
    const held = await unit(park.unitIds[0]);
    expect(held).toMatchObject({ status: "HELD", leadId, heldById: park.staff.id });
    expect(held.heldUntil?.getTime()).toBe(expiresAt);
    expect(await listingFigures(db, park.listingId)).toEqual({ status: "AVAILABLE", free: "2000", area: "4000" });
    const hold = await holdOf(park.unitIds[0]);
    expect(hold).toMatchObject({ leadId, holderId: park.staff.id, renewals: 0, endedAt: null });
    const events = await db.outboxEvent.findMany({ where: { kind: "unit.hold_expiring", leadId } });
    expect(events).toHaveLength(2);
    const reminder = events.find((event) => (event.data as { holdId: string }).holdId === hold.id);
    expect(reminder?.dueAt.getTime()).toBe(expiresAt - DAY_MS);
    const audit = await db.auditEntry.findFirstOrThrow({ where: { action: "unit.hold", entityId: leadId } });
    expect(audit.details).toMatchObject({ units: ["3号楼 101", "3号楼 201"] });

    // All or none: one of two units taken holds nothing, and says who has it until when.
    const other = await makeLead(db, { ownerId: park.otherStaff.id, company: "海川精密" });
    const refused = await holdUnits(db, park.otherStaff, {
      leadId: other,
      unitIds: [park.unitIds[2], park.unitIds[0]],
    });
    expect(refused).toEqual({
      ok: false,
      taken: [
        {
          unitId: park.unitIds[0],
          label: "3号楼 101",
          status: "HELD",
          holderName: "张专员",
          leadCompany: "锐精机械有限公司",
          heldUntil: new Date(expiresAt),
        },
      ],
    });
    expect((await unit(park.unitIds[2])).status).toBe("VACANT");
    expect(await db.unitHold.count({ where: { leadId: other } })).toBe(0);
  });

  it("refuses a lead outside the officer's scope, a closed lead, an unknown unit and bad input", async () => {
    const db = opened.db;
    const p = await freshPark();
    const others = await makeLead(db, { ownerId: p.otherStaff.id });
    expect(await holdUnits(db, p.staff, { leadId: others, unitIds: [p.unitIds[0]] })).toEqual({
      ok: false,
      fieldErrors: { leadId: "notFound" },
    });
    const lost = await makeLead(db, { ownerId: p.staff.id, stageKey: "lost" });
    expect(await holdUnits(db, p.staff, { leadId: lost, unitIds: [p.unitIds[0]] })).toEqual({
      ok: false,
      fieldErrors: { leadId: "leadCannotHold" },
    });
    const archived = await makeLead(db, { ownerId: p.staff.id });
    await db.lead.update({ where: { id: archived }, data: { archivedAt: new Date() } });
    expect(await holdUnits(db, p.staff, { leadId: archived, unitIds: [p.unitIds[0]] })).toEqual({
      ok: false,
      fieldErrors: { leadId: "leadCannotHold" },
    });
    const open = await makeLead(db, { ownerId: p.staff.id });
    expect(await holdUnits(db, p.staff, { leadId: open, unitIds: [p.unitIds[0], "nosuchunit"] })).toEqual({
      ok: false,
      fieldErrors: { unitIds: "notFound" },
    });
    expect(await holdUnits(db, p.staff, { leadId: open, unitIds: [] })).toEqual({
      ok: false,
      fieldErrors: { unitIds: "required" },
    });
    expect(await holdUnits(db, p.staff, { leadId: open, unitIds: ["x\u0000"], extra: 1 })).toEqual({
      ok: false,
      fieldErrors: { "unitIds.0": "invalid", extra: "unknownField" },
    });
    expect(await db.unit.count({ where: { id: { in: p.unitIds }, status: "VACANT" } })).toBe(4);
    expect(await db.unitHold.count({ where: { unitId: { in: p.unitIds } } })).toBe(0);
  });

  it("lets exactly one of several officers holding the same unit at once win; the others are told who holds it", async () => {
    const db = opened.db;
    const p = await freshPark();
    const officers: Viewer[] = [];
    for (let index = 0; index < 6; index++) officers.push(await makeUser(db, "STAFF", `专员${index}`));
    const leads = await Promise.all(
      officers.map((officer, index) => makeLead(db, { ownerId: officer.id, company: `公司${index}` })),
    );
    const results = await Promise.all(
      officers.map((officer, index) => holdUnits(db, officer, { leadId: leads[index], unitIds: [p.unitIds[0]] })),
    );
    const winners = results.flatMap((result, index) => (result.ok ? [index] : []));
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    for (const [index, result] of results.entries()) {
      if (index === winner) continue;
      expect(result).toMatchObject({
        ok: false,
        taken: [{ unitId: p.unitIds[0], status: "HELD", holderName: `专员${winner}`, leadCompany: `公司${winner}` }],
      });
    }
    expect(await unit(p.unitIds[0])).toMatchObject({ status: "HELD", leadId: leads[winner], version: 2 });
    expect(await db.unitHold.count({ where: { unitId: p.unitIds[0] } })).toBe(1);
    expect(await db.unitStatusChange.count({ where: { unitId: p.unitIds[0] } })).toBe(1);
  });

  it("never double-books when many officers hold overlapping units at once, and never deadlocks", async () => {
    const db = opened.db;
    const p = await freshPark();
    const officers: Viewer[] = [];
    for (let index = 0; index < 10; index++) officers.push(await makeUser(db, "STAFF", `抢占${index}`));
    const leads = await Promise.all(officers.map((officer) => makeLead(db, { ownerId: officer.id })));
    // Each asks for two neighbouring units, in either order: every pair overlaps another.
    const asked = officers.map((_, index) => {
      const pair = [p.unitIds[index % 4], p.unitIds[(index + 1) % 4]];
      return index % 2 ? pair.reverse() : pair;
    });
    const results = await Promise.all(
      officers.map((officer, index) => holdUnits(db, officer, { leadId: leads[index], unitIds: asked[index] })),
    );
    const units = await db.unit.findMany({ where: { id: { in: p.unitIds } } });
    const holds = await db.unitHold.findMany({ where: { unitId: { in: p.unitIds } } });
    for (const [index, result] of results.entries()) {
      const mine = units.filter((row) => row.leadId === leads[index]).map((row) => row.id);
      if (result.ok) expect(mine.sort()).toEqual([...asked[index]].sort());
      else expect(mine).toEqual([]);
    }
    expect(results.filter((result) => result.ok).length).toBeGreaterThanOrEqual(1);
    expect(holds.length).toBe(units.filter((row) => row.status === "HELD").length);
    expect(new Set(holds.map((hold) => hold.unitId)).size).toBe(holds.length);
  });

  it("[STAFF] renews up to the limit, then only a manager; another officer may not", async () => {
    const db = opened.db;
    const p = await freshPark();
    const leadId = await makeLead(db, { ownerId: null });
    const held = await holdUnits(db, p.staff, { leadId, unitIds: [p.unitIds[0]] });
    expect(held.ok).toBe(true);
    expect(await renewHold(db, p.otherStaff, { unitId: p.unitIds[0] })).toEqual({
      ok: false,
      fieldErrors: { unitId: "holdNotYours" },
    });
    const first = await renewHold(db, p.staff, { unitId: p.unitIds[0] });
    expect(first.ok).toBe(true);
    expect((await renewHold(db, p.staff, { unitId: p.unitIds[0] })).ok).toBe(true);
    expect(await renewHold(db, p.staff, { unitId: p.unitIds[0] })).toEqual({
      ok: false,
      fieldErrors: { unitId: "renewLimit" },
    });
    const byManager = await renewHold(db, p.manager, { unitId: p.unitIds[0] });
    if (!byManager.ok) throw new Error("manager refused");
    expect((await unit(p.unitIds[0])).heldUntil?.getTime()).toBe(byManager.expiresAt.getTime());
    expect(await holdOf(p.unitIds[0])).toMatchObject({ renewals: 3, expiresAt: byManager.expiresAt });
    expect(await db.outboxEvent.count({ where: { kind: "unit.hold_expiring", leadId } })).toBe(4);
    expect(await db.auditEntry.count({ where: { action: "unit.renew", entityId: leadId } })).toBe(3);
    expect(await db.unitStatusChange.count({ where: { unitId: p.unitIds[0] } })).toBe(1);

    // What the lead page offers each of them.
    const forStaff = await unitsOfLead(db, p.staff, leadId);
    expect(forStaff).toMatchObject([
      { id: p.unitIds[0], label: "3号楼 101", renewals: 3, canRenew: false, canRelease: true },
    ]);
    expect(forStaff[0]).not.toHaveProperty("floorPrice");
    expect(await unitsOfLead(db, p.manager, leadId)).toMatchObject([{ canRenew: true, canRelease: true }]);
    expect(await unitsOfLead(db, p.otherStaff, leadId)).toMatchObject([{ canRenew: false, canRelease: false }]);
    expect(await renewHold(db, p.staff, { unitId: p.unitIds[1] })).toEqual({
      ok: false,
      fieldErrors: { unitId: "holdNotActive" },
    });
  });

  it("[STAFF] releases by hand: holder or lead owner, not another officer, and never another's lead", async () => {
    const db = opened.db;
    const p = await freshPark();
    const pooled = await makeLead(db, { ownerId: null });
    await holdUnits(db, p.staff, { leadId: pooled, unitIds: [p.unitIds[0]] });
    const owned = await makeLead(db, { ownerId: p.otherStaff.id });
    await holdUnits(db, p.manager, { leadId: owned, unitIds: [p.unitIds[1]] });
    expect(await releaseHold(db, p.otherStaff, { unitId: p.unitIds[0] })).toEqual({
      ok: false,
      fieldErrors: { unitId: "holdNotYours" },
    });
    expect(await releaseHold(db, p.staff, { unitId: p.unitIds[1] })).toEqual({
      ok: false,
      fieldErrors: { unitId: "notFound" },
    });
    expect(await listingFigures(db, p.listingId)).toMatchObject({ free: "2000" });
    expect(await releaseHold(db, p.staff, { unitId: p.unitIds[0] })).toEqual({ ok: true });
    expect(await releaseHold(db, p.otherStaff, { unitId: p.unitIds[1] })).toEqual({ ok: true });
    for (const id of p.unitIds.slice(0, 2)) {
      expect(await unit(id)).toMatchObject({ status: "VACANT", leadId: null, heldUntil: null, heldById: null });
    }
    expect(await holdOf(p.unitIds[0])).toMatchObject({ endReason: "RELEASED", endedById: p.staff.id });
    expect(await listingFigures(db, p.listingId)).toEqual({ status: "AVAILABLE", free: "4000", area: "4000" });
    expect(await releaseHold(db, p.staff, { unitId: p.unitIds[0] })).toEqual({
      ok: false,
      fieldErrors: { unitId: "holdNotActive" },
    });
  });

  it("signs the lead's held units with the won stage, refusing a unit it does not hold; moves them in; reopens on a move back", async () => {
    const db = opened.db;
    const p = await freshPark();
    const leadId = await makeLead(db, { ownerId: p.staff.id });
    const other = await makeLead(db, { ownerId: p.staff.id });
    await holdUnits(db, p.staff, { leadId, unitIds: [p.unitIds[0], p.unitIds[1], p.unitIds[2]] });
    await holdUnits(db, p.staff, { leadId: other, unitIds: [p.unitIds[3]] });
    const move = (signedUnits: { unitId: string; dealPrice?: string }[]) =>
      moveLeadStage(db, p.staff, { leadId, fromStageKey: "negotiation", toStageKey: "signed", ...SIGN, signedUnits });

    expect(await move([{ unitId: p.unitIds[0] }, { unitId: p.unitIds[3] }])).toEqual({
      ok: false,
      fieldErrors: { signedUnits: "unitNotHeld" },
    });
    expect((await db.lead.findUniqueOrThrow({ where: { id: leadId } })).stageKey).toBe("negotiation");
    expect((await unit(p.unitIds[0])).status).toBe("HELD");
    expect(await move([{ unitId: p.unitIds[0] }, { unitId: p.unitIds[0] }])).toEqual({
      ok: false,
      fieldErrors: { signedUnits: "duplicateUnit" },
    });

    const signed = await move([{ unitId: p.unitIds[0], dealPrice: "23.5" }, { unitId: p.unitIds[1] }]);
    expect(signed.ok).toBe(true);
    expect(await unit(p.unitIds[0])).toMatchObject({ status: "SIGNED", leadId, heldUntil: null });
    expect((await unit(p.unitIds[0])).dealPrice?.toString()).toBe("23.5");
    expect(await holdOf(p.unitIds[0])).toMatchObject({ endReason: "SIGNED", endedById: p.staff.id });
    // The unit not signed stays held for the lead until it expires or is released.
    expect(await unit(p.unitIds[2])).toMatchObject({ status: "HELD", leadId });
    expect(await listingFigures(db, p.listingId)).toEqual({ status: "RESERVED", free: "0", area: "4000" });
    expect(await holdUnits(db, p.staff, { leadId, unitIds: [p.unitIds[2]] })).toEqual({
      ok: false,
      fieldErrors: { leadId: "leadCannotHold" },
    });

    expect(await moveIn(db, p.otherStaff, { unitIds: [p.unitIds[0]] })).toEqual({
      ok: false,
      fieldErrors: { unitIds: "notFound" },
    });
    expect(await moveIn(db, p.staff, { unitIds: [p.unitIds[0], p.unitIds[2]] })).toEqual({
      ok: false,
      fieldErrors: { unitIds: "unitNotSigned" },
    });
    expect(await moveIn(db, p.staff, { unitIds: [p.unitIds[0]] })).toEqual({ ok: true, moved: 1 });
    expect(await unit(p.unitIds[0])).toMatchObject({ status: "OCCUPIED", leadId });
    expect((await unit(p.unitIds[0])).dealPrice?.toString()).toBe("23.5");
    expect(await db.auditEntry.count({ where: { action: "unit.move_in", entityId: leadId } })).toBe(1);

    // Back to negotiation: the signed unit is held for the lead again, the occupied one stays.
    const back = await moveLeadStage(db, p.staff, { leadId, fromStageKey: "signed", toStageKey: "negotiation" });
    expect(back.ok).toBe(true);
    expect(await unit(p.unitIds[1])).toMatchObject({ status: "HELD", leadId, heldById: p.staff.id });
    expect((await unit(p.unitIds[1])).heldUntil?.getTime()).toBeGreaterThan(Date.now() + 6 * DAY_MS);
    expect(await holdOf(p.unitIds[1])).toMatchObject({ leadId, holderId: p.staff.id, endedAt: null });
    expect(await unit(p.unitIds[0])).toMatchObject({ status: "OCCUPIED", leadId });
    const history = await db.unitStatusChange.findMany({
      where: { unitId: p.unitIds[1] },
      orderBy: { changedAt: "asc" },
    });
    expect(history.map((row) => [row.fromStatus, row.toStatus])).toEqual([
      ["VACANT", "HELD"],
      ["HELD", "SIGNED"],
      ["SIGNED", "HELD"],
    ]);
  });

  it("releases the held units of a lost, an archived and an erased lead", async () => {
    const db = opened.db;
    const p = await freshPark();
    const lostLead = await makeLead(db, { ownerId: p.staff.id });
    await holdUnits(db, p.staff, { leadId: lostLead, unitIds: [p.unitIds[0]] });
    const lost = await moveLeadStage(db, p.staff, {
      leadId: lostLead,
      fromStageKey: "negotiation",
      toStageKey: "lost",
      lostReasonKey: "price",
    });
    expect(lost.ok).toBe(true);
    expect(await unit(p.unitIds[0])).toMatchObject({ status: "VACANT", leadId: null });
    expect(await holdOf(p.unitIds[0])).toMatchObject({ endReason: "LEAD_LOST", endedById: p.staff.id });

    const archived = await makeLead(db, { ownerId: p.staff.id });
    await holdUnits(db, p.staff, { leadId: archived, unitIds: [p.unitIds[1]] });
    expect((await archiveLead(db, p.staff, { leadId: archived, version: await version(archived) })).ok).toBe(true);
    expect(await unit(p.unitIds[1])).toMatchObject({ status: "VACANT", leadId: null });
    expect(await holdOf(p.unitIds[1])).toMatchObject({ endReason: "LEAD_CLOSED" });

    const erased = await makeLead(db, { ownerId: p.staff.id, company: "删除测试有限公司" });
    await holdUnits(db, p.staff, { leadId: erased, unitIds: [p.unitIds[2]] });
    const erase = await eraseLeadPersonalData(db, p.admin, {
      leadId: erased,
      confirm: "删除测试有限公司",
      reason: "本人要求删除",
    });
    expect(erase.ok).toBe(true);
    expect(await unit(p.unitIds[2])).toMatchObject({ status: "VACANT", leadId: null });
    expect(await holdOf(p.unitIds[2])).toMatchObject({ endReason: "LEAD_CLOSED", endedById: p.admin.id });
    expect(await listingFigures(db, p.listingId)).toEqual({ status: "AVAILABLE", free: "4000", area: "4000" });
  });

  it("follows the same rules in a bulk move and a partner system's move", async () => {
    const db = opened.db;
    const p = await freshPark();
    const leads = [await makeLead(db, { ownerId: p.staff.id }), await makeLead(db, { ownerId: null })];
    await holdUnits(db, p.staff, { leadId: leads[0], unitIds: [p.unitIds[0]] });
    await holdUnits(db, p.staff, { leadId: leads[1], unitIds: [p.unitIds[1]] });
    const bulk = await moveLeadsStage(db, p.staff, { leadIds: leads, toStageKey: "lost", lostReasonKey: "price" });
    expect(bulk).toEqual({ ok: true, moved: 2 });
    expect(await db.unit.count({ where: { id: { in: p.unitIds.slice(0, 2) }, status: "VACANT" } })).toBe(2);

    const partner = await makeLead(db, { ownerId: p.staff.id });
    await holdUnits(db, p.staff, { leadId: partner, unitIds: [p.unitIds[2]] });
    const key = { keyId: "door-key", name: "CRM 同步", parkId: null };
    const refused = await moveLeadStageByKey(db, key, {
      leadId: partner,
      toStageKey: "signed",
      ...SIGN,
      signedUnits: [{ unitId: p.unitIds[3] }],
    });
    expect(refused).toEqual({ ok: false, fieldErrors: { signedUnits: "unitNotHeld" } });
    const signed = await moveLeadStageByKey(db, key, {
      leadId: partner,
      toStageKey: "signed",
      ...SIGN,
      signedUnits: [{ unitId: p.unitIds[2], dealPrice: "24" }],
    });
    expect(signed.ok).toBe(true);
    expect(await unit(p.unitIds[2])).toMatchObject({ status: "SIGNED", leadId: partner });
    expect(await holdOf(p.unitIds[2])).toMatchObject({ endReason: "SIGNED", endedById: null });
    expect(await listingFigures(db, p.listingId)).toEqual({ status: "AVAILABLE", free: "3000", area: "4000" });
  });

  it("moves a merged lead's units and open holds to the surviving lead", async () => {
    const db = opened.db;
    const p = await freshPark();
    const survivor = await makeLead(db, { ownerId: p.staff.id });
    const merged = await makeLead(db, { ownerId: p.staff.id });
    await holdUnits(db, p.staff, { leadId: merged, unitIds: [p.unitIds[0]] });
    const result = await mergeLeads(db, p.manager, {
      survivorId: survivor,
      mergedId: merged,
      survivorVersion: await version(survivor),
      mergedVersion: await version(merged),
    });
    expect(result.ok).toBe(true);
    expect(await unit(p.unitIds[0])).toMatchObject({ status: "HELD", leadId: survivor });
    expect(await holdOf(p.unitIds[0])).toMatchObject({ leadId: survivor, endedAt: null });
    expect(await unitsOfLead(db, p.staff, survivor)).toMatchObject([{ id: p.unitIds[0], canRelease: true }]);
    expect(await releaseHold(db, p.staff, { unitId: p.unitIds[0] })).toEqual({ ok: true });
  });
}

describe("holds of units (PGlite)", () => holdsSuite(openTestPglite));
describeOnPostgres("holds of units (PostgreSQL)", () => holdsSuite(() => openTestPostgres({ poolSize: 6 })));
