import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeDeliveryPark, makeProject } from "../support/delivery-fixtures";

/*
 * The delivery report reads each project's milestones, 到资 and schedule from the copy on the project's own row
 * (prisma/sql/project_facts*.sql). Whatever writes those rows — one at a time, many in one statement, an update,
 * a delete — the copy must equal what the rows say, and the migration gives projects made before it theirs.
 */

interface Copy {
  plans: string | null;
  since: string | null;
  actuals: string | null;
  fundingDays: string | null;
  fundingRunning: string | null;
  scheduleDays: string | null;
  scheduleRunning: string | null;
}

function factsSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let parkId: string;
  let ownerId: string;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    parkId = (await makeDeliveryPark(opened.db, `facts${process.pid}`, "平湖")).id;
    ownerId = (
      await opened.db.user.create({
        data: { email: `facts-${process.pid}-${Date.now()}@park.test`, name: "专员", role: "STAFF", passwordHash: "x" },
      })
    ).id;
  });
  afterAll(async () => {
    await cleanup();
  });

  /** The copy as text, and the same worked out from the rows here, independently of the database's function. */
  async function copyAndRows(projectId: string): Promise<{ copy: Copy; rows: Copy }> {
    const db = opened.db;
    const [copy] = await db.$queryRaw<Copy[]>`
      SELECT "milestonePlans"::text AS "plans", "milestonePlanSince"::text AS "since",
        "milestoneActuals"::text AS "actuals", "fundingDays"::text AS "fundingDays",
        "fundingRunning"::text AS "fundingRunning", "scheduleDays"::text AS "scheduleDays",
        "scheduleRunning"::text AS "scheduleRunning"
      FROM "Project" WHERE "id" = ${projectId}`;
    const kinds = ["REGISTERED", "LAND_HANDOVER", "CONSTRUCTION_START", "COMPLETION", "PRODUCTION", "FULL_PRODUCTION"];
    const milestones = await db.projectMilestone.findMany({ where: { projectId } });
    const byKind = (kind: string) => milestones.find((m) => m.kind === kind);
    const day = (value: Date | null | undefined) => (value ? value.toISOString().slice(0, 10) : "NULL");
    const stamp = (value: Date | null | undefined) =>
      value ? `"${value.toISOString().slice(0, 19).replace("T", " ")}"` : "NULL";
    const list = (items: string[]) => `{${items.join(",")}}`;
    const running = (entries: { day: Date; amount: { toString(): string } }[]) => {
      const totals = new Map<string, number>();
      for (const entry of entries)
        totals.set(day(entry.day), (totals.get(day(entry.day)) ?? 0) + Number(entry.amount.toString()));
      const days = [...totals.keys()].sort();
      let sum = 0;
      return { days: list(days), running: list(days.map((d) => (sum += totals.get(d)!).toFixed(4))) };
    };
    const paid = running(
      (await db.projectFunding.findMany({ where: { projectId } })).map((f) => ({ day: f.paidOn, amount: f.amount })),
    );
    const due = running(
      (await db.projectFundingPlan.findMany({ where: { projectId } })).map((s) => ({ day: s.dueOn, amount: s.amount })),
    );
    return {
      copy,
      rows: {
        plans: list(kinds.map((kind) => day(byKind(kind)?.plannedOn))),
        since: list(kinds.map((kind) => stamp(byKind(kind)?.plannedSince))),
        actuals: list(kinds.map((kind) => day(byKind(kind)?.actualOn))),
        fundingDays: paid.days,
        fundingRunning: paid.running,
        scheduleDays: due.days,
        scheduleRunning: due.running,
      },
    };
  }

  it("follows every write to milestones, payments and the schedule", async () => {
    const db = opened.db;
    const { projectId: id } = await makeProject(db, {
      name: "事实项目",
      parkId,
      ownerId,
      signedAt: "2026-01-10 10:00",
      milestones: {
        REGISTERED: { planned: "2026-02-01", actual: "2026-01-25" },
        CONSTRUCTION_START: { planned: "2026-05-01" },
      },
      fundings: [
        ["2026-03-01", 500],
        ["2026-02-01", 300],
      ],
      plans: [["2026-06-30", 1000]],
    });
    const check = async () => {
      const { copy, rows } = await copyAndRows(id);
      expect(copy).toEqual(rows);
      return copy;
    };
    expect(await check()).toMatchObject({
      fundingDays: "{2026-02-01,2026-03-01}",
      fundingRunning: "{300.0000,800.0000}",
    });

    await db.projectMilestone.update({
      where: { projectId_kind: { projectId: id, kind: "CONSTRUCTION_START" } },
      data: {
        plannedOn: new Date("2026-08-01"),
        plannedSince: new Date("2026-04-02T02:00:00Z"),
        actualOn: new Date("2026-07-30"),
      },
    });
    expect((await check()).actuals).toBe("{2026-01-25,NULL,2026-07-30,NULL,NULL,NULL}");

    // Many rows in one statement, two on one day, and a delete.
    await db.projectFunding.createMany({
      data: [
        { projectId: id, paidOn: new Date("2026-03-01"), amount: 200 },
        { projectId: id, paidOn: new Date("2026-01-20"), amount: 100 },
      ],
    });
    expect(await check()).toMatchObject({
      fundingDays: "{2026-01-20,2026-02-01,2026-03-01}",
      fundingRunning: "{100.0000,400.0000,1100.0000}",
    });
    await db.projectFunding.deleteMany({ where: { projectId: id, paidOn: new Date("2026-02-01") } });
    await db.projectFundingPlan.updateMany({ where: { projectId: id }, data: { amount: 1500 } });
    await db.projectFundingPlan.create({ data: { projectId: id, dueOn: new Date("2027-06-30"), amount: 2500 } });
    expect(await check()).toMatchObject({
      scheduleDays: "{2026-06-30,2027-06-30}",
      scheduleRunning: "{1500.0000,4000.0000}",
    });
    await db.projectFundingPlan.deleteMany({ where: { projectId: id } });
    expect(await check()).toMatchObject({ scheduleDays: "{}", scheduleRunning: "{}" });
  });

  it("gives projects made before the copy existed theirs, as the migration does", async () => {
    const db = opened.db;
    const { projectId: id } = await makeProject(db, {
      name: "旧项目",
      parkId,
      ownerId,
      signedAt: "2025-06-01 10:00",
      milestones: { PRODUCTION: { planned: "2026-06-01", actual: "2026-06-20" } },
      fundings: [["2025-09-01", 800]],
    });
    await db.$executeRaw`UPDATE "Project" SET "milestonePlans" = NULL, "milestonePlanSince" = NULL,
      "milestoneActuals" = NULL, "fundingDays" = NULL, "fundingRunning" = NULL, "scheduleDays" = NULL,
      "scheduleRunning" = NULL WHERE "id" = ${id}`;
    const migration = await readFile(
      path.resolve(import.meta.dirname, "../../prisma/migrations/20261206210100_project_facts_backfill/migration.sql"),
      "utf8",
    );
    await db.$executeRawUnsafe(migration);
    const { copy, rows } = await copyAndRows(id);
    expect(copy).toEqual(rows);
    expect(copy.actuals).toBe("{NULL,NULL,NULL,NULL,2026-06-20,NULL}");
  });
}

describe("the delivery report's copy on PGlite", () => factsSuite(openTestPglite));
describeOnPostgres("the delivery report's copy on PostgreSQL", () => factsSuite(openTestPostgres));
