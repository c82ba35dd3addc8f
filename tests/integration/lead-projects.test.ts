import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { holdUnits, moveIn } from "@/lib/inventory/holds/mutations";
import { releaseSignedUnitsOfLeads } from "@/lib/inventory/lead-units";
import { mergeLeads } from "@/lib/leads/merge/mutations";
import { moveLeadStage } from "@/lib/leads/stage/mutations";
import { WITHDRAWN_REASON } from "@/lib/projects/lead-projects";
import { MILESTONE_KINDS } from "@/lib/projects/types";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { listingFigures, makeHoldPark, makeLead, type HoldPark } from "../support/inventory-fixtures";

/*
 * A lead's project follows the lead (lib/projects/lead-projects.ts): a signing opens it with the lead's figures
 * and six unplanned milestones, once; moving back out of the won stage removes an untouched project and
 * terminates a worked one; a merge carries it to the surviving lead; 解约 sends its units back to vacant.
 */
const SIGN = { signedArea: "2000", signedAreaUnit: "SQM", signedAnnualTax: "300" } as const;

function leadProjectsSuite(open: () => Promise<TestDatabase>) {
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

  const projectsOf = (leadId: string) =>
    opened.db.project.findMany({ where: { leadId }, include: { milestones: true }, orderBy: { createdAt: "asc" } });
  const sign = (leadId: string, fromStageKey = "negotiation") =>
    moveLeadStage(opened.db, park.staff, { leadId, fromStageKey, toStageKey: "signed", ...SIGN });

  it("opens one project when a lead signs, with the lead's figures and six unplanned milestones", async () => {
    const db = opened.db;
    const leadId = await makeLead(db, { ownerId: park.staff.id, company: "项目机械有限公司" });
    await db.lead.update({
      where: { id: leadId },
      data: {
        parkId: park.parkId,
        industry: "通用设备制造",
        score: 82,
        investment: "5000",
        annualOutput: "12000",
        employees: 80,
      },
    });
    expect((await sign(leadId)).ok).toBe(true);
    const [project, ...more] = await projectsOf(leadId);
    expect(more).toHaveLength(0);
    const lead = await db.lead.findUniqueOrThrow({ where: { id: leadId } });
    expect(project).toMatchObject({
      status: "ACTIVE",
      parkId: park.parkId,
      ownerId: park.staff.id,
      name: "项目机械有限公司",
      companyName: "项目机械有限公司",
      industry: "通用设备制造",
      intakeScore: 82,
      jobs: 80,
      landMu: null,
    });
    expect(project.signedAt.getTime()).toBe(lead.signedAt?.getTime());
    expect(project.totalInvestment?.toString()).toBe("5000");
    expect(project.annualTax?.toString()).toBe("300");
    expect(project.milestones.map((m) => m.kind).sort()).toEqual([...MILESTONE_KINDS].sort());
    expect(project.milestones.every((m) => m.plannedOn === null && m.actualOn === null)).toBe(true);
  });

  it("removes an untouched project when the signing is undone, and terminates one that was worked on", async () => {
    const db = opened.db;
    const leadId = await makeLead(db, { ownerId: park.staff.id });
    await sign(leadId);
    expect(await projectsOf(leadId)).toHaveLength(1);
    expect(
      (await moveLeadStage(db, park.staff, { leadId, fromStageKey: "signed", toStageKey: "negotiation" })).ok,
    ).toBe(true);
    expect(await projectsOf(leadId)).toHaveLength(0);

    await sign(leadId);
    const [project] = await projectsOf(leadId);
    await db.projectMilestone.update({
      where: { projectId_kind: { projectId: project.id, kind: "CONSTRUCTION_START" } },
      data: { plannedOn: new Date("2027-03-01") },
    });
    await moveLeadStage(db, park.staff, { leadId, fromStageKey: "signed", toStageKey: "negotiation" });
    const [kept] = await projectsOf(leadId);
    expect(kept).toMatchObject({ id: project.id, status: "TERMINATED", terminatedById: park.staff.id });
    expect(kept.terminationReason).toBe(WITHDRAWN_REASON);
    expect(kept.milestones.find((m) => m.kind === "CONSTRUCTION_START")?.plannedOn?.toISOString()).toBe(
      "2027-03-01T00:00:00.000Z",
    );

    // Signed again: a new active project beside the terminated one.
    await sign(leadId);
    expect((await projectsOf(leadId)).map((p) => p.status)).toEqual(["TERMINATED", "ACTIVE"]);
  });

  it("carries a merged lead's project to the surviving lead", async () => {
    const db = opened.db;
    const survivor = await makeLead(db, { ownerId: park.staff.id });
    const merged = await makeLead(db, { ownerId: park.staff.id });
    await sign(merged);
    const [project] = await projectsOf(merged);
    const result = await mergeLeads(db, park.manager, {
      survivorId: survivor,
      mergedId: merged,
      survivorVersion: (await db.lead.findUniqueOrThrow({ where: { id: survivor } })).version,
      mergedVersion: (await db.lead.findUniqueOrThrow({ where: { id: merged } })).version,
    });
    expect(result.ok).toBe(true);
    expect((await db.project.findUniqueOrThrow({ where: { id: project.id } })).leadId).toBe(survivor);
  });

  it("sends a terminated lead's signed and occupied units back to vacant (解约)", async () => {
    const db = opened.db;
    const p = await makeHoldPark(db, 3);
    const leadId = await makeLead(db, { ownerId: p.staff.id });
    await holdUnits(db, p.staff, { leadId, unitIds: p.unitIds });
    const signed = await moveLeadStage(db, p.staff, {
      leadId,
      fromStageKey: "negotiation",
      toStageKey: "signed",
      ...SIGN,
      signedUnits: p.unitIds.map((unitId) => ({ unitId })),
    });
    expect(signed.ok).toBe(true);
    expect(await moveIn(db, p.staff, { unitIds: [p.unitIds[0]] })).toEqual({ ok: true, moved: 1 });
    const moved = await db.$transaction((tx) => releaseSignedUnitsOfLeads(tx, [leadId], p.manager.id, new Date()));
    expect(moved.map((unit) => unit.id).sort()).toEqual([...p.unitIds].sort());
    expect(await db.unit.count({ where: { id: { in: p.unitIds }, status: "VACANT", leadId: null } })).toBe(3);
    expect(await listingFigures(db, p.listingId)).toEqual({ status: "AVAILABLE", free: "3000", area: "3000" });
    const history = await db.unitStatusChange.findMany({
      where: { unitId: p.unitIds[0] },
      orderBy: { changedAt: "asc" },
    });
    expect(history.at(-1)).toMatchObject({ fromStatus: "OCCUPIED", toStatus: "VACANT", actorId: p.manager.id });
  });
}

describe("a lead's project on PGlite", () => leadProjectsSuite(openTestPglite));
describeOnPostgres("a lead's project on PostgreSQL", () => leadProjectsSuite(openTestPostgres));
