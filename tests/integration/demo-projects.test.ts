import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { DEMO_CREDIT_CODES, LATE_START_DAYS } from "@/lib/demo/seed/projects";
import { removeDemoData } from "@/lib/demo/remove/mutations";
import { isValidCreditCode } from "@/lib/forms/credit-code";
import { evaluateYear, yardsticksOf } from "@/lib/projects/evaluation";
import { planInForce } from "@/lib/projects/plan";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import { MILESTONE_KINDS } from "@/lib/projects/types";
import { milestoneState } from "@/lib/projects/warnings/rules";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import type { Storage } from "@/lib/storage/storage";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The demo's projects (履约): every signed demo lead has its project; six are worked to different milestones — full
 * production (亩均 A), in production with 到资 and a year's figures (B), under construction with a re-plan and its
 * reason, registered, just signed, and one late with its 督办 item answered and instructed — each plan as
 * lib/projects/plan.ts has it; and removing the demo removes them, their rows and their files.
 */

const NOW = new Date("2026-12-07T03:30:00Z");
const DAY = 86_400_000;
const TODAY = shanghaiDay(NOW);
const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

async function adminOf(db: Database): Promise<Viewer> {
  const email = `demo-projects-admin-${process.pid}@park.test`;
  const user = await db.user.create({ data: { email, name: "管理员", role: "ADMIN", passwordHash: "unused" } });
  return { id: user.id, email, name: user.name, role: "ADMIN" };
}

function demoProjectsSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let admin: Viewer;
  const db = () => opened.db;
  const projectByCode = (creditCode: string) =>
    db().project.findFirstOrThrow({
      where: { creditCode },
      include: {
        lead: { select: { ownerId: true, signedAt: true } },
        park: true,
        milestones: true,
        planChanges: true,
        fundingPlans: true,
        fundings: true,
        years: true,
        supervisions: { include: { entries: { orderBy: { createdAt: "asc" } } } },
      },
    });
  const milestone = <T extends { kind: string }>(rows: T[], kind: string) => rows.find((row) => row.kind === kind)!;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    admin = await adminOf(db());
    expect(await seedDemoWorkspace(db(), NOW)).toBe("seeded");
  }, 120_000);
  afterAll(() => cleanup?.());

  it("[SYSTEM] opens one demo project for every signed demo lead, with its six milestones", async () => {
    const signed = await db().lead.findMany({ where: { stageKey: "signed" }, select: { id: true, signedAt: true } });
    expect(signed.length).toBeGreaterThanOrEqual(6);
    const projects = await db().project.findMany({
      select: { leadId: true, demo: true, status: true, signedAt: true, _count: { select: { milestones: true } } },
    });
    expect(projects.map((project) => project.leadId).sort()).toEqual(signed.map((lead) => lead.id).sort());
    for (const project of projects) {
      expect(project).toMatchObject({ demo: true, status: "ACTIVE", _count: { milestones: MILESTONE_KINDS.length } });
      expect(project.signedAt).toEqual(signed.find((lead) => lead.id === project.leadId)!.signedAt);
    }
    // Registered projects carry valid credit codes; an unregistered one has none.
    const codes = (await db().project.findMany({ where: { creditCode: { not: null } } })).map((row) => row.creditCode);
    expect(codes.sort()).toEqual([...DEMO_CREDIT_CODES].sort());
    expect(codes.every((code) => isValidCreditCode(code!))).toBe(true);
  });

  it("[SYSTEM] dates every plan as the contract's from the signing, with one history row each, and no actual ahead of today", async () => {
    const milestones = await db().projectMilestone.findMany({
      where: { plannedOn: { not: null } },
      include: { project: { select: { signedAt: true, planChanges: true } } },
    });
    expect(milestones.length).toBeGreaterThanOrEqual(6 * MILESTONE_KINDS.length);
    for (const row of milestones) {
      const history = row.project.planChanges.filter((change) => change.kind === row.kind);
      const first = history.find((change) => change.previousOn === null)!;
      expect(first.effectiveAt).toEqual(row.project.signedAt);
      expect(planInForce(row, history, NOW)).toEqual(row.plannedOn);
      if (row.actualOn) expect(day(row.actualOn)! < TODAY).toBe(true);
    }
    const done = await db().projectMilestone.findMany({ where: { actualOn: { not: null } } });
    expect(done.every((row) => row.recordedById !== null && row.recordedAt! < NOW)).toBe(true);
  });

  it("[SYSTEM] has exactly one late project: 开工 planned 40 days ago, not started, under an answered 督办 item with a 批示", async () => {
    const rows = await db().projectMilestone.findMany({ select: { projectId: true, plannedOn: true, actualOn: true } });
    const late = rows.filter(
      (row) =>
        milestoneState(
          { plannedOn: day(row.plannedOn), actualOn: day(row.actualOn) },
          NOW,
          DEFAULT_SETTINGS.delivery.warnDays,
        ) === "late",
    );
    expect(late).toHaveLength(1);
    const project = await projectByCode(DEMO_CREDIT_CODES[4]);
    expect(project.id).toBe(late[0].projectId);
    const start = milestone(project.milestones, "CONSTRUCTION_START");
    expect(day(start.plannedOn)).toBe(shanghaiDay(new Date(NOW.getTime() - LATE_START_DAYS * DAY)));
    expect(start.actualOn).toBeNull();
    expect(milestone(project.milestones, "LAND_HANDOVER").actualOn).not.toBeNull();

    const manager = await db().user.findFirstOrThrow({ where: { role: "MANAGER", email: { contains: "demo" } } });
    expect(project.supervisions).toHaveLength(1);
    const [item] = project.supervisions;
    expect(item).toMatchObject({ status: "ANSWERED", openedById: manager.id, assigneeId: project.lead.ownerId });
    expect(day(item.dueOn)! > TODAY).toBe(true);
    expect(item.answeredAt).toEqual(item.entries[0].createdAt);
    expect(item.entries.map((entry) => [entry.kind, entry.authorId])).toEqual([
      ["ANSWER", project.lead.ownerId],
      ["INSTRUCTION", manager.id],
    ]);
    expect(item.entries.every((entry) => entry.createdAt > item.createdAt && entry.createdAt < NOW)).toBe(true);
  });

  it("[SYSTEM] keeps a re-plan with its reason: the plan in force before it is the contract's, after it the new day", async () => {
    const project = await projectByCode(DEMO_CREDIT_CODES[2]);
    const completion = milestone(project.milestones, "COMPLETION");
    const history = project.planChanges.filter((change) => change.kind === "COMPLETION");
    const replan = history.find((change) => change.previousOn !== null)!;
    expect(replan.reason).toMatch(/竣工顺延/);
    expect(completion.plannedSince).toEqual(replan.effectiveAt);
    expect(replan.effectiveAt > project.signedAt && replan.effectiveAt < NOW).toBe(true);
    expect(planInForce(completion, history, new Date(replan.effectiveAt.getTime() - 1))).toEqual(replan.previousOn);
    expect(planInForce(completion, history, NOW)).toEqual(replan.plannedOn);
    expect(replan.plannedOn! > replan.previousOn!).toBe(true);
    // 开工 recorded after its plan: done late.
    const start = milestone(project.milestones, "CONSTRUCTION_START");
    expect(start.actualOn! > start.plannedOn!).toBe(true);
    expect(milestone(project.milestones, "COMPLETION").actualOn).toBeNull();
  });

  it("[SYSTEM] classes the producing projects' year by 亩均: full production A, in production B, with 到资 under the schedule", async () => {
    const rules = DEFAULT_SETTINGS.delivery;
    const grades = [];
    for (const code of [DEMO_CREDIT_CODES[0], DEMO_CREDIT_CODES[1]]) {
      const project = await projectByCode(code);
      expect(project.years).toHaveLength(1);
      const [year] = project.years;
      expect(year.year).toBe(Number(TODAY.slice(0, 4)));
      grades.push(
        evaluateYear(
          rules,
          yardsticksOf(rules, project.park),
          { tax: Number(year.tax), output: Number(year.output) },
          Number(project.landMu),
        ).grade,
      );
      const paid = project.fundings.reduce((sum, row) => sum + Number(row.amount), 0);
      const scheduled = project.fundingPlans.reduce((sum, row) => sum + Number(row.amount), 0);
      expect(paid).toBeGreaterThan(0);
      expect(paid).toBeLessThanOrEqual(scheduled);
      expect(scheduled).toBeLessThanOrEqual(Number(project.totalInvestment));
    }
    expect(grades).toEqual(["A", "B"]);
    const full = await projectByCode(DEMO_CREDIT_CODES[0]);
    expect(full.milestones.every((row) => row.actualOn !== null)).toBe(true);
    const producing = await projectByCode(DEMO_CREDIT_CODES[1]);
    expect(milestone(producing.milestones, "PRODUCTION").actualOn).not.toBeNull();
    expect(milestone(producing.milestones, "FULL_PRODUCTION").actualOn).toBeNull();
  });

  it("[SYSTEM] has one registered project with nothing else done, and one just signed with its plans and nothing done", async () => {
    const registered = await projectByCode(DEMO_CREDIT_CODES[3]);
    expect(registered.milestones.filter((row) => row.actualOn).map((row) => row.kind)).toEqual(["REGISTERED"]);
    const justSigned = await db().project.findFirstOrThrow({
      where: { creditCode: null, milestones: { some: { plannedOn: { not: null } } } },
      include: { milestones: true },
    });
    expect(justSigned.signedAt.getTime()).toBeGreaterThan(NOW.getTime() - 30 * DAY);
    expect(justSigned.milestones.every((row) => row.plannedOn !== null && row.actualOn === null)).toBe(true);
  });

  it("[ADMIN] removing the demo removes its projects with every row under them, their audit and their files", async () => {
    const project = await projectByCode(DEMO_CREDIT_CODES[1]);
    const evidence = await db().projectEvidence.create({
      data: {
        projectId: project.id,
        milestoneKind: "PRODUCTION",
        kind: "PHOTO",
        storageKey: "projects/demo/photo.jpg",
        fileName: "投产仪式.jpg",
        contentType: "image/jpeg",
        bytes: 10,
      },
    });
    await db().auditEntry.create({
      data: { action: "project.update", entityType: "Project", entityId: project.id, details: { name: ["a", "b"] } },
    });
    const supervision = project.supervisions[0] ?? (await projectByCode(DEMO_CREDIT_CODES[4])).supervisions[0];
    const event = await db().outboxEvent.create({
      data: { kind: "supervision.answered", data: { supervisionId: supervision.id } },
    });
    await db().delivery.create({ data: { eventId: event.id, topic: "supervision", medium: "EMAIL" } });
    const deleted: string[] = [];
    const storage = { delete: async (key: string) => void deleted.push(key) } as unknown as Storage;

    expect(await removeDemoData(db(), admin, { confirm: true }, storage)).toMatchObject({ ok: true });
    for (const count of [
      db().project.count(),
      db().projectMilestone.count(),
      db().milestonePlanChange.count(),
      db().projectEvidence.count(),
      db().projectFundingPlan.count(),
      db().projectFunding.count(),
      db().projectYear.count(),
      db().supervision.count(),
      db().supervisionEntry.count(),
      db().outboxEvent.count(),
      db().delivery.count(),
      db().auditEntry.count({ where: { entityType: { in: ["Project", "Supervision"] } } }),
    ])
      expect(await count).toBe(0);
    expect(deleted).toEqual([evidence.storageKey]);
  });
}

describe("demo projects on PGlite", () => demoProjectsSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("demo projects on PostgreSQL", () => demoProjectsSuite(() => openTestPostgres({ seedDemo: true })));
