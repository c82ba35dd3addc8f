import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { projectWarnings } from "@/lib/projects/warnings/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeHoldPark, type HoldPark } from "../support/inventory-fixtures";
import { makeProject } from "../support/project-fixtures";

/*
 * 项目预警 (lib/projects/warnings): open milestones of active projects planned before today (late) or from today
 * through the warning days (due soon), in Shanghai days; done milestones and terminated projects are not
 * warnings; officers see their own projects, managers all.
 */
const day = (text: string) => new Date(`${text}T00:00:00.000Z`);
// 2026-04-20 in Shanghai (01:00 there): "today" is the 20th, although it is still the 19th in UTC.
const NOW = new Date("2026-04-19T17:00:00.000Z");

function warningsSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;
  let mine: string;
  let theirs: string;

  const plan = (projectId: string, kind: string, plannedOn: string, actualOn?: string) =>
    opened.db.projectMilestone.updateMany({
      where: { projectId, kind: kind as never },
      data: { plannedOn: day(plannedOn), plannedSince: new Date(0), actualOn: actualOn ? day(actualOn) : null },
    });

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const db = opened.db;
    park = await makeHoldPark(db, 0);
    mine = await makeProject(db, { ownerId: park.staff.id, name: "甲项目" });
    theirs = await makeProject(db, { ownerId: park.otherStaff.id, name: "乙项目" });
    const ended = await makeProject(db, { ownerId: park.staff.id, name: "丙项目" });
    await plan(mine, "REGISTERED", "2026-04-19"); // late by a day
    await plan(mine, "LAND_HANDOVER", "2026-04-20"); // due today
    await plan(mine, "CONSTRUCTION_START", "2026-05-20"); // the last day of the 30
    await plan(mine, "COMPLETION", "2026-05-21"); // beyond the window
    await plan(mine, "PRODUCTION", "2026-01-01", "2026-03-01"); // done late: no warning
    await plan(theirs, "REGISTERED", "2026-03-01"); // late
    await plan(ended, "REGISTERED", "2026-03-01");
    await db.project.update({ where: { id: ended }, data: { status: "TERMINATED", terminatedAt: NOW } });
  });
  afterAll(async () => {
    await cleanup();
  });

  const listed = (list: { milestones: { projectId: string; kind: string; plannedOn: string }[] }) =>
    list.milestones.map((one) => [one.projectId, one.kind, one.plannedOn]);

  it("shows an officer the late and due-soon milestones of their own active projects", async () => {
    const warnings = await projectWarnings(opened.db, park.staff, NOW);
    expect([warnings.today, warnings.warnDays]).toEqual(["2026-04-20", 30]);
    expect(warnings.late.count).toBe(1);
    expect(listed(warnings.late)).toEqual([[mine, "REGISTERED", "2026-04-19"]]);
    expect(warnings.dueSoon.count).toBe(2);
    expect(listed(warnings.dueSoon)).toEqual([
      [mine, "LAND_HANDOVER", "2026-04-20"],
      [mine, "CONSTRUCTION_START", "2026-05-20"],
    ]);
  });

  it("shows a manager every active project's, oldest plan first, with the owner", async () => {
    const warnings = await projectWarnings(opened.db, park.manager, NOW);
    expect(listed(warnings.late)).toEqual([
      [theirs, "REGISTERED", "2026-03-01"],
      [mine, "REGISTERED", "2026-04-19"],
    ]);
    expect(warnings.late.milestones[0].ownerName).toBe("李专员");
    expect(warnings.dueSoon.count).toBe(2);
  });

  it("follows the warning days of the delivery rules", async () => {
    await opened.db.setting.upsert({
      where: { key: "delivery" },
      create: { key: "delivery", value: { warnDays: 7 } },
      update: { value: { warnDays: 7 } },
    });
    const warnings = await projectWarnings(opened.db, park.staff, NOW);
    expect(listed(warnings.dueSoon)).toEqual([[mine, "LAND_HANDOVER", "2026-04-20"]]);
    await opened.db.setting.delete({ where: { key: "delivery" } });
  });
}

describe("project warnings (PGlite)", () => warningsSuite(openTestPglite));
describeOnPostgres("project warnings (PostgreSQL)", () => warningsSuite(() => openTestPostgres()));
