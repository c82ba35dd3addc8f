import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/lib/audit/queries";
import type { OpenedDatabase } from "@/lib/db/open";
import { holdUnits } from "@/lib/inventory/holds/mutations";
import { leadDetail } from "@/lib/leads/detail/queries";
import { moveLeadStage } from "@/lib/leads/stage/mutations";
import { changeProjectOwner, terminateProject, updateCommitments } from "@/lib/projects/register/mutations";
import { projectHeader, projectList } from "@/lib/projects/register/queries";
import { projectFilterSchema } from "@/lib/projects/register/schema";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { listingFigures, makeHoldPark, makeLead, type HoldPark } from "../support/inventory-fixtures";
import { makeProject } from "../support/project-fixtures";

/*
 * The projects' register (lib/projects/register): staff see and change only their own projects, another's reads
 * as not found through every door; commitments are checked field by field and refused over a stale form; 解约
 * releases the lead's units to the inventory and leaves the project read-only; the list's filters, warnings
 * included, against days worked out by hand.
 */
const CODE = "91110108551385082Q";
const NOW = new Date("2026-06-15T04:00:00.000Z"); // 2026-06-15 12:00 in Shanghai
const filter = (query: Record<string, string> = {}) => projectFilterSchema.parse(query);
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

function registerSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    park = await makeHoldPark(opened.db, 0);
  });
  afterAll(async () => {
    await cleanup();
  });

  const versionOf = async (projectId: string) =>
    (await opened.db.project.findUniqueOrThrow({ where: { id: projectId }, select: { version: true } })).version;
  const commitments = (projectId: string, version: number, fields: Record<string, unknown> = {}) => ({
    projectId,
    version,
    name: "精工装备项目",
    companyName: "精工装备有限公司",
    creditCode: "",
    industry: "专用设备制造",
    totalInvestment: "5亿",
    fixedAssetInvestment: "30000",
    annualOutput: "80000",
    annualTax: "4000",
    jobs: "300",
    landMu: "80.5",
    ...fields,
  });
  const ids = async (viewer: HoldPark["staff"], query: Record<string, string> = {}) =>
    (await projectList(opened.db, viewer, filter({ park: park.parkId, ...query }), NOW)).rows.map((row) => row.id);

  it("shows staff their own projects only; another's reads as not found through every door", async () => {
    const db = opened.db;
    const own = await makeProject(db, { ownerId: park.staff.id, parkId: park.parkId, name: "本人项目" });
    const other = await makeProject(db, { ownerId: park.otherStaff.id, parkId: park.parkId, name: "他人项目" });
    expect(await ids(park.staff)).toContain(own);
    expect(await ids(park.staff)).not.toContain(other);
    expect(await ids(park.manager)).toEqual(expect.arrayContaining([own, other]));
    expect(await projectHeader(db, park.staff, other)).toBeNull();
    expect(await projectHeader(db, park.manager, "bad\u0000id")).toBeNull();
    expect((await projectHeader(db, park.staff, own))?.name).toBe("本人项目");
    expect(await updateCommitments(db, park.staff, commitments(other, 1))).toEqual({
      ok: false,
      fieldErrors: { projectId: "notFound" },
    });
    await expect(
      changeProjectOwner(db, park.staff, { projectId: own, version: 1, ownerId: park.staff.id }),
    ).rejects.toThrow(/Access denied/);
    await expect(terminateProject(db, park.staff, { projectId: own, version: 1, reason: "x" })).rejects.toThrow(
      /Access denied/,
    );
    expect((await db.project.findUniqueOrThrow({ where: { id: other } })).name).toBe("他人项目");

    // A manager gives the other officer's project to this one: now it is theirs to see, and no longer the other's.
    expect(
      await changeProjectOwner(db, park.manager, { projectId: other, version: 1, ownerId: park.staff.id }),
    ).toEqual({ ok: true, version: 2 });
    expect(await ids(park.staff)).toContain(other);
    expect(await projectHeader(db, park.otherStaff, other)).toBeNull();
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: other, action: "project.owner" } });
    expect(audit.details).toMatchObject({ ownerId: [park.otherStaff.id, park.staff.id] });
    expect(
      await changeProjectOwner(db, park.manager, { projectId: other, version: 2, ownerId: "no-such-user" }),
    ).toEqual({ ok: false, fieldErrors: { ownerId: "ownerInactive" } });
  });

  it("saves the commitments of the owner's project, refuses bad figures and a stale form, and audits them", async () => {
    const db = opened.db;
    const projectId = await makeProject(db, { ownerId: park.staff.id, parkId: park.parkId });
    const bad = await updateCommitments(
      db,
      park.staff,
      commitments(projectId, 1, { creditCode: "91110108551385083Q", totalInvestment: "-5", jobs: "1.5", landMu: "0" }),
    );
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.fieldErrors).toMatchObject({
      creditCode: "creditCode",
      totalInvestment: expect.any(String),
      jobs: "integer",
      landMu: expect.any(String),
    });
    expect(await versionOf(projectId)).toBe(1);

    expect(
      await updateCommitments(db, park.staff, commitments(projectId, 1, { creditCode: CODE.toLowerCase() })),
    ).toEqual({ ok: true, version: 2 });
    const saved = await db.project.findUniqueOrThrow({ where: { id: projectId } });
    expect(saved).toMatchObject({ companyName: "精工装备有限公司", creditCode: CODE, jobs: 300 });
    expect(saved.totalInvestment?.toString()).toBe("50000");
    expect(saved.landMu?.toString()).toBe("80.5");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: projectId, action: "project.update" } });
    expect(audit).toMatchObject({ actorId: park.staff.id, entityType: "Project" });
    expect(audit.details).toMatchObject({ creditCode: [null, CODE], totalInvestment: [null, "50000"] });

    // A form loaded at version 1 is now stale; nothing it sends is saved.
    expect(await updateCommitments(db, park.manager, commitments(projectId, 1, { name: "改名" }))).toEqual({
      ok: false,
      fieldErrors: { version: "versionChanged" },
    });
    expect((await db.project.findUniqueOrThrow({ where: { id: projectId } })).name).toBe("精工装备项目");
    // The same values again change nothing and keep the version.
    expect(await updateCommitments(db, park.manager, commitments(projectId, 2, { creditCode: CODE }))).toEqual({
      ok: true,
      version: 2,
    });
  });

  it("解约 releases the lead's units to the inventory and leaves the project read-only", async () => {
    const db = opened.db;
    const p = await makeHoldPark(db, 3);
    const leadId = await makeLead(db, { ownerId: p.staff.id, company: "解约机械有限公司" });
    await holdUnits(db, p.staff, { leadId, unitIds: p.unitIds });
    const signed = await moveLeadStage(db, p.staff, {
      leadId,
      fromStageKey: "negotiation",
      toStageKey: "signed",
      signedArea: "3000",
      signedAreaUnit: "SQM",
      signedAnnualTax: "300",
      signedUnits: p.unitIds.map((unitId) => ({ unitId })),
    });
    expect(signed.ok).toBe(true);
    const project = await db.project.findFirstOrThrow({ where: { leadId } });
    expect((await projectHeader(db, p.staff, project.id))?.units).toHaveLength(3);
    // The lead's page links its project (项目档案).
    expect((await leadDetail(db, p.staff, leadId))?.projectId).toBe(project.id);
    expect(await listingFigures(db, p.listingId)).toMatchObject({ free: "0" });

    expect(
      await terminateProject(db, p.manager, { projectId: project.id, version: project.version, reason: "" }),
    ).toEqual({ ok: false, fieldErrors: { reason: "required" } });
    const answer = await terminateProject(db, p.manager, {
      projectId: project.id,
      version: project.version,
      reason: "企业资金链断裂，合同解除",
    });
    expect(answer).toEqual({ ok: true, version: project.version + 1, releasedUnits: 3 });
    expect(await db.unit.count({ where: { id: { in: p.unitIds }, status: "VACANT", leadId: null } })).toBe(3);
    expect(await listingFigures(db, p.listingId)).toMatchObject({ free: "3000" });
    const terminated = await db.project.findUniqueOrThrow({ where: { id: project.id } });
    expect(terminated).toMatchObject({
      status: "TERMINATED",
      terminatedById: p.manager.id,
      terminationReason: "企业资金链断裂，合同解除",
    });
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: project.id, action: "project.terminate" },
    });
    expect((audit.details as { units: string[] }).units.sort()).toEqual([...p.unitIds].sort());

    const version = terminated.version;
    const readOnly = { ok: false, fieldErrors: { projectId: "terminated" } };
    expect(await updateCommitments(db, p.staff, commitments(project.id, version))).toEqual(readOnly);
    expect(await changeProjectOwner(db, p.manager, { projectId: project.id, version, ownerId: p.manager.id })).toEqual(
      readOnly,
    );
    expect(await terminateProject(db, p.manager, { projectId: project.id, version, reason: "再次" })).toEqual(readOnly);
    expect((await projectHeader(db, p.staff, project.id))?.may).toEqual({ edit: false, manage: false });
  });

  it("reads commitments, an owner change and 解约 as sentences in the audit log, the credit code only as changed", async () => {
    const db = opened.db;
    const p = await makeHoldPark(db, 0);
    const projectId = await makeProject(db, { ownerId: p.manager.id, parkId: p.parkId, name: "审计项目" });
    await updateCommitments(db, p.manager, commitments(projectId, 1, { name: "审计项目", creditCode: CODE }));
    await changeProjectOwner(db, p.manager, { projectId, version: 2, ownerId: p.staff.id });
    await terminateProject(db, p.manager, { projectId, version: 3, reason: "未按期开工" });
    const log = async (locale: "zh-CN" | "en") =>
      (await auditLog(db, p.admin, { actor: p.manager.id }, locale)).entries.map(({ sentence, changes }) => ({
        sentence,
        changes,
      }));
    const [terminated, owner, updated] = await log("zh-CN");
    expect(terminated).toEqual({
      sentence: `${p.manager.name} 解约：项目 审计项目，释放 0 个单元`,
      changes: ["原因：未按期开工"],
    });
    expect(owner.sentence).toBe(`${p.manager.name} 把项目 审计项目 交给 ${p.staff.name} 负责`);
    expect(owner.changes).toEqual([`负责人：${p.manager.name} → ${p.staff.name}`]);
    expect(updated.sentence).toBe(`${p.manager.name} 修改了项目 审计项目 的合同承诺`);
    expect(updated.changes).toEqual(
      expect.arrayContaining(["统一社会信用代码：已修改", "总投资（万元）：（空） → 50,000 万元"]),
    );
    expect(JSON.stringify(updated)).not.toContain(CODE);
    const [terminatedEn] = await log("en");
    expect(terminatedEn.sentence).toBe(`${p.manager.name} terminated the project 审计项目, releasing no units`);
  });

  it("filters the list by status, search, signing year and warnings, with the next milestone and progress", async () => {
    const db = opened.db;
    const p = await makeHoldPark(db, 0);
    const query = (viewer: HoldPark["staff"], values: Record<string, string> = {}) =>
      projectList(db, viewer, filter({ park: p.parkId, ...values }), NOW);
    const listed = async (values: Record<string, string> = {}) =>
      (await query(p.manager, values)).rows.map((row) => row.name).sort();
    const make = (name: string, signedAt: string, ownerId = p.staff.id) =>
      makeProject(db, { ownerId, parkId: p.parkId, name, signedAt: new Date(signedAt) });
    const plan = (projectId: string, kind: string, plannedOn: string | null, actualOn: string | null = null) =>
      db.projectMilestone.update({
        where: { projectId_kind: { projectId, kind: kind as never } },
        data: { plannedOn: plannedOn && day(plannedOn), actualOn: actualOn && day(actualOn) },
      });

    // Today is 2026-06-15; the default warning window reaches 30 days, to 2026-07-15.
    const late = await make("逾期项目", "2025-12-31T17:00:00.000Z"); // 2026-01-01 01:00 in Shanghai
    await plan(late, "REGISTERED", "2026-02-01", "2026-02-03");
    await plan(late, "LAND_HANDOVER", "2026-06-14");
    const soon = await make("将到期项目", "2026-03-01T02:00:00.000Z");
    await plan(soon, "REGISTERED", "2026-07-15");
    const calm = await make("正常项目", "2025-12-31T15:00:00.000Z", p.otherStaff.id); // 2025-12-31 in Shanghai
    await plan(calm, "REGISTERED", "2026-07-16");
    await plan(calm, "LAND_HANDOVER", "2026-06-01", "2026-05-30");
    const ended = await make("已解约项目", "2026-02-01T02:00:00.000Z");
    await db.project.update({ where: { id: ended }, data: { status: "TERMINATED", terminatedAt: NOW } });
    await db.project.update({ where: { id: calm }, data: { creditCode: CODE, companyName: "平稳科技有限公司" } });

    expect(await listed()).toEqual(["将到期项目", "正常项目", "逾期项目"].sort());
    expect(await listed({ status: "TERMINATED" })).toEqual(["已解约项目"]);
    expect(await listed({ status: "all" })).toHaveLength(4);
    expect(await listed({ warning: "late" })).toEqual(["逾期项目"]);
    expect(await listed({ warning: "dueSoon" })).toEqual(["将到期项目"]);
    expect(await listed({ q: CODE.slice(0, 10) })).toEqual(["正常项目"]);
    expect(await listed({ q: "平稳科技" })).toEqual(["正常项目"]);
    expect(await listed({ q: "100%_" })).toEqual([]);
    expect(await listed({ year: "2026" })).toEqual(["将到期项目", "逾期项目"].sort());
    expect(await listed({ year: "2025" })).toEqual(["正常项目"]);
    expect(await listed({ owner: p.otherStaff.id })).toEqual(["正常项目"]);
    // Staff cannot widen their scope with the owner filter.
    expect((await query(p.staff, { owner: p.otherStaff.id })).rows.map((row) => row.name).sort()).toEqual(
      ["将到期项目", "逾期项目"].sort(),
    );

    const rows = (await query(p.manager, { sort: "signedAsc" })).rows;
    expect(rows.map((row) => row.name)).toEqual(["正常项目", "逾期项目", "将到期项目"]);
    expect(rows.map((row) => [row.next, row.done])).toEqual([
      [{ kind: "REGISTERED", plannedOn: "2026-07-16", flag: null }, 1],
      [{ kind: "LAND_HANDOVER", plannedOn: "2026-06-14", flag: "late" }, 1],
      [{ kind: "REGISTERED", plannedOn: "2026-07-15", flag: "dueSoon" }, 0],
    ]);
  });
}

describe("the projects' register on PGlite", () => registerSuite(openTestPglite));
describeOnPostgres("the projects' register on PostgreSQL", () => registerSuite(openTestPostgres));
