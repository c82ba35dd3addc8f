import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { escalateOverdue } from "@/lib/projects/supervision/escalation";
import { answerSupervision, closeSupervision, openSupervision } from "@/lib/projects/supervision/mutations";
import { createEscalationRunner } from "@/lib/projects/supervision/runner";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import {
  dayFromToday,
  makeProject,
  makeSupervisionWorld,
  type SupervisionWorld,
} from "../support/supervision-fixtures";

/*
 * Overdue 督办 items escalate by the runner's sweep, never by a page visit: an item past its day (Shanghai) and not
 * closed — unanswered or answered — escalates once, whatever number of sweeps run at once; a closed item, one not
 * yet past its day and one of a terminated project never do.
 */
const DAY_MS = 86_400_000;

function escalationSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  let world: SupervisionWorld;

  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    world = await makeSupervisionWorld(db);
  });
  afterAll(async () => {
    await database.cleanup();
  });

  async function opened(projectId: string, dueOn: string) {
    const result = await openSupervision(db, world.manager, { projectId, title: "按期开工", dueOn });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    return result.supervisionId;
  }
  const escalations = (supervisionId: string) =>
    db.supervisionEntry.count({ where: { supervisionId, kind: "ESCALATION" } });

  it("escalates each overdue item once when two sweeps run at once, answered ones too, closed ones never", async () => {
    const project = await makeProject(db, world.staff.id);
    const gone = await makeProject(db, world.staff.id);
    const unanswered = await opened(project.id, dayFromToday(1));
    const answered = await opened(project.id, dayFromToday(1));
    const closed = await opened(project.id, dayFromToday(1));
    const notYet = await opened(project.id, dayFromToday(5));
    const ofTerminated = await opened(gone.id, dayFromToday(1));
    await answerSupervision(db, world.staff, { supervisionId: answered, version: 1, body: "在办" });
    await closeSupervision(db, world.manager, { supervisionId: closed, version: 1 });
    await db.project.update({ where: { id: gone.id }, data: { status: "TERMINATED", terminatedAt: new Date() } });

    // On its due day an item is not late yet.
    expect(await escalateOverdue(db, new Date(Date.now() + DAY_MS))).toBe(0);
    const later = new Date(Date.now() + 3 * DAY_MS);
    const sweeps = await Promise.all([escalateOverdue(db, later), escalateOverdue(db, later)]);
    const ours = [unanswered, answered, closed, notYet, ofTerminated];
    const escalated = await db.supervision.findMany({ where: { id: { in: ours }, escalatedAt: { not: null } } });
    expect(escalated.map((item) => item.id).sort()).toEqual([unanswered, answered].sort());
    expect(sweeps.reduce((sum, count) => sum + count, 0)).toBe(2);
    expect(escalated.every((item) => item.escalatedAt?.getTime() === later.getTime())).toBe(true);
    for (const id of [unanswered, answered]) {
      expect(await escalations(id)).toBe(1);
      expect(await db.auditEntry.findMany({ where: { entityId: id, action: "supervision.escalate" } })).toMatchObject([
        { actorId: null, entityType: "Supervision" },
      ]);
      const told = await db.outboxEvent.findMany({ where: { kind: "supervision.escalated" } });
      expect(told.filter((event) => (event.data as { supervisionId: string }).supervisionId === id)).toHaveLength(1);
    }
    for (const id of [closed, notYet, ofTerminated]) expect(await escalations(id)).toBe(0);
    // The answered item stays answered, waiting for the manager; the version a form holds still works.
    expect(await db.supervision.findUniqueOrThrow({ where: { id: answered } })).toMatchObject({
      status: "ANSWERED",
      version: 2,
    });
    // A later sweep finds nothing new.
    expect(await escalateOverdue(db, new Date(later.getTime() + DAY_MS))).toBe(0);
  });

  it("escalates with only the runner running", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id, dayFromToday(0));
    const later = new Date(Date.now() + 2 * DAY_MS);
    const runner = createEscalationRunner(db, { pollMs: 50, clock: () => later });
    runner.start();
    try {
      await vi.waitFor(async () => expect(await escalations(id)).toBe(1), { timeout: 10_000, interval: 50 });
    } finally {
      await runner.stop();
    }
    expect((await db.supervision.findUniqueOrThrow({ where: { id } })).escalatedAt?.getTime()).toBe(later.getTime());
  });
}

describe("督办 escalation on PGlite", () => escalationSuite(openTestPglite));
describeOnPostgres("督办 escalation on PostgreSQL", () => escalationSuite(() => openTestPostgres({ poolSize: 4 })));
