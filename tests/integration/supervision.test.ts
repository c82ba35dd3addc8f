import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import {
  answerSupervision,
  closeSupervision,
  instructSupervision,
  openSupervision,
  reopenSupervision,
} from "@/lib/projects/supervision/mutations";
import { supervisionDashboard, supervisionList, supervisionsOfProject } from "@/lib/projects/supervision/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import {
  dayFromToday,
  makeProject,
  makeSupervisionWorld,
  type SupervisionWorld,
} from "../support/supervision-fixtures";

/*
 * 督办 (lib/projects/supervision): a manager opens an item, the assignee answers, a leader adds 批示, a manager
 * sends it back or closes it — each step with its entry, audit line and outbox event; who may take which step;
 * bad input refused with the field's message; the 督办台账 in each viewer's scope.
 */

function supervisionSuite(open: () => Promise<TestDatabase>) {
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

  async function opened(projectId: string, by: Viewer = world.manager, fields: Record<string, unknown> = {}) {
    const result = await openSupervision(db, by, {
      projectId,
      title: "三月底前完成环评批复",
      dueOn: dayFromToday(7),
      ...fields,
    });
    if (!result.ok) throw new Error(`open refused: ${JSON.stringify(result.fieldErrors)}`);
    return result.supervisionId;
  }

  it("[MANAGER] opens an item for the owner, who answers; a leader's 批示, a send-back, a new answer and the close", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id);
    const item = await db.supervision.findUniqueOrThrow({ where: { id } });
    expect(item).toMatchObject({
      projectId: project.id,
      assigneeId: world.staff.id,
      openedById: world.manager.id,
      status: "OPEN",
      title: "三月底前完成环评批复",
      version: 1,
    });
    expect(item.dueOn.toISOString().slice(0, 10)).toBe(dayFromToday(7));

    const answered = await answerSupervision(db, world.staff, { supervisionId: id, version: 1, body: "已递交材料" });
    expect(answered).toEqual({ ok: true, supervisionId: id, projectId: project.id, version: 2 });
    expect(await db.supervision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ANSWERED" });
    expect((await db.supervision.findUniqueOrThrow({ where: { id } })).answeredAt).not.toBeNull();

    expect(
      (await instructSupervision(db, world.admin, { supervisionId: id, version: 2, body: "请环保局协调" })).ok,
    ).toBe(true);
    expect(
      (await reopenSupervision(db, world.manager, { supervisionId: id, version: 3, body: "请附批复文号" })).ok,
    ).toBe(true);
    expect(await db.supervision.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "OPEN",
      answeredAt: null,
    });
    expect(
      (await answerSupervision(db, world.staff, { supervisionId: id, version: 4, body: "文号 嘉环建〔2027〕12号" })).ok,
    ).toBe(true);
    expect((await closeSupervision(db, world.manager, { supervisionId: id, version: 5 })).ok).toBe(true);
    const closed = await db.supervision.findUniqueOrThrow({ where: { id } });
    expect(closed).toMatchObject({ status: "CLOSED", version: 6 });
    expect(closed.closedAt).not.toBeNull();

    const page = await supervisionsOfProject(db, world.staff, project.id);
    expect(page?.items).toHaveLength(1);
    const thread = page!.items[0];
    expect(thread.entries.map((entry) => [entry.kind, entry.body, entry.authorName])).toEqual([
      ["ANSWER", "已递交材料", "张专员"],
      ["INSTRUCTION", "请环保局协调", "赵局长"],
      ["REOPEN", "请附批复文号", "王经理"],
      ["ANSWER", "文号 嘉环建〔2027〕12号", "张专员"],
      ["CLOSE", null, "王经理"],
    ]);
    expect(thread.can).toEqual({ answer: false, instruct: false, reopen: false, close: false });

    const audit = await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["supervision.open", world.manager.id],
      ["supervision.answer", world.staff.id],
      ["supervision.instruct", world.admin.id],
      ["supervision.reopen", world.manager.id],
      ["supervision.answer", world.staff.id],
      ["supervision.close", world.manager.id],
    ]);
    // Named by the project's lead (the audit log writes its company, unnamed once erased), never by the item's words.
    expect(audit.map((entry) => entry.details)).toEqual([
      { leadId: project.leadId, projectId: project.id, assigneeId: world.staff.id, dueOn: dayFromToday(7) },
      ...[
        ["OPEN", "ANSWERED"],
        ["ANSWERED", "ANSWERED"],
        ["ANSWERED", "OPEN"],
        ["OPEN", "ANSWERED"],
        ["ANSWERED", "CLOSED"],
      ].map((status) => ({ leadId: project.leadId, projectId: project.id, status })),
    ]);
    const events = await db.outboxEvent.findMany({ where: { leadId: project.leadId }, orderBy: { createdAt: "asc" } });
    const ofItem = events.filter((event) => (event.data as { supervisionId?: string }).supervisionId === id);
    expect(ofItem.map((event) => event.kind)).toEqual([
      "supervision.opened",
      "supervision.answered",
      "supervision.instructed",
      "supervision.instructed",
      "supervision.answered",
    ]);
    expect(ofItem.map((event) => event.data)).toEqual(ofItem.map(() => ({ supervisionId: id })));
  });

  it("[STAFF] cannot open, instruct, send back or close, and answers only what is assigned to them", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id, world.manager, { assigneeId: world.manager.id });
    const step = { supervisionId: id, version: 1, body: "好" };
    await expect(
      openSupervision(db, world.staff, { projectId: project.id, title: "x", dueOn: dayFromToday(1) }),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(instructSupervision(db, world.staff, step)).rejects.toBeInstanceOf(AccessDenied);
    await expect(reopenSupervision(db, world.staff, step)).rejects.toBeInstanceOf(AccessDenied);
    await expect(closeSupervision(db, world.staff, step)).rejects.toBeInstanceOf(AccessDenied);
    // The item is the manager's to answer: the project's owner is not its assignee.
    expect(await answerSupervision(db, world.staff, step)).toEqual({
      ok: false,
      fieldErrors: { supervisionId: "notAssignee" },
    });
    expect(await db.supervisionEntry.count({ where: { supervisionId: id } })).toBe(0);
  });

  it("[MANAGER] cannot answer an item assigned to the officer: leaders add 批示 instead", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id);
    expect(await answerSupervision(db, world.manager, { supervisionId: id, version: 1, body: "代答" })).toEqual({
      ok: false,
      fieldErrors: { supervisionId: "notAssignee" },
    });
    expect(await db.supervision.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "OPEN", version: 1 });
  });

  it("[STAFF] reads another officer's project and its items as not found", async () => {
    const project = await makeProject(db, world.otherStaff.id);
    const id = await opened(project.id);
    expect(await supervisionsOfProject(db, world.staff, project.id)).toBeNull();
    expect(await answerSupervision(db, world.staff, { supervisionId: id, version: 1, body: "不是我的" })).toEqual({
      ok: false,
      fieldErrors: { supervisionId: "notFound" },
    });
    const list = await supervisionList(db, world.staff, { status: "all", q: project.name });
    expect(list.ok && list.rows).toEqual([]);
    const seen = await supervisionsOfProject(db, world.otherStaff, project.id);
    expect(seen?.items.map((item) => [item.id, item.can.answer])).toEqual([[id, true]]);
  });

  it("refuses an assignee who could not see the project, an inactive one, a past day and empty or long text", async () => {
    const project = await makeProject(db, world.staff.id);
    const base = { projectId: project.id, title: "完成注册", dueOn: dayFromToday(3) };
    expect(await openSupervision(db, world.manager, { ...base, assigneeId: world.otherStaff.id })).toEqual({
      ok: false,
      fieldErrors: { assigneeId: "assigneeCannotSee" },
    });
    await db.user.update({ where: { id: world.admin.id }, data: { active: false } });
    try {
      expect(await openSupervision(db, world.manager, { ...base, assigneeId: world.admin.id })).toEqual({
        ok: false,
        fieldErrors: { assigneeId: "assigneeInactive" },
      });
    } finally {
      await db.user.update({ where: { id: world.admin.id }, data: { active: true } });
    }
    expect(await openSupervision(db, world.manager, { ...base, dueOn: dayFromToday(-1) })).toEqual({
      ok: false,
      fieldErrors: { dueOn: "pastDay" },
    });
    expect(await openSupervision(db, world.manager, { ...base, dueOn: "2027-02-30" })).toEqual({
      ok: false,
      fieldErrors: { dueOn: "date" },
    });
    expect(await openSupervision(db, world.manager, { ...base, title: "  " })).toEqual({
      ok: false,
      fieldErrors: { title: "required" },
    });
    expect(await openSupervision(db, world.manager, { ...base, title: "办".repeat(501) })).toEqual({
      ok: false,
      fieldErrors: { title: "tooLong:500" },
    });
    expect(await openSupervision(db, world.manager, { ...base, projectId: "nope" })).toEqual({
      ok: false,
      fieldErrors: { projectId: "notFound" },
    });
    expect(await db.supervision.count({ where: { projectId: project.id } })).toBe(0);

    // Today is allowed, and a manager may take the item on themselves.
    const today = await openSupervision(db, world.manager, {
      ...base,
      dueOn: dayFromToday(0),
      assigneeId: world.manager.id,
    });
    expect(today.ok).toBe(true);
    const id = today.ok ? today.supervisionId : "";
    expect(await answerSupervision(db, world.manager, { supervisionId: id, version: 1, body: "" })).toEqual({
      ok: false,
      fieldErrors: { body: "required" },
    });
    expect(
      await instructSupervision(db, world.admin, { supervisionId: id, version: 1, body: "批".repeat(2001) }),
    ).toEqual({
      ok: false,
      fieldErrors: { body: "tooLong:2000" },
    });
    expect(await reopenSupervision(db, world.manager, { supervisionId: id, version: 1, body: "退回" })).toEqual({
      ok: false,
      fieldErrors: { supervisionId: "notAnswered" },
    });
    expect(await db.supervisionEntry.count({ where: { supervisionId: id } })).toBe(0);
  });

  it("tells a form opened before another step that the item changed, and a closed item takes no more steps", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id);
    expect((await instructSupervision(db, world.admin, { supervisionId: id, version: 1, body: "加快" })).ok).toBe(true);
    expect(await answerSupervision(db, world.staff, { supervisionId: id, version: 1, body: "按旧页面答复" })).toEqual({
      ok: false,
      fieldErrors: { version: "supervisionChanged" },
    });
    expect((await closeSupervision(db, world.manager, { supervisionId: id, version: 2, body: "已落实" })).ok).toBe(
      true,
    );
    expect(await instructSupervision(db, world.admin, { supervisionId: id, version: 3, body: "再看看" })).toEqual({
      ok: false,
      fieldErrors: { supervisionId: "supervisionClosed" },
    });
    expect(await db.supervisionEntry.count({ where: { supervisionId: id } })).toBe(2);
  });

  it("keeps a terminated (解约) project's items read-only", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id);
    await db.project.update({ where: { id: project.id }, data: { status: "TERMINATED", terminatedAt: new Date() } });
    const refused = { ok: false, fieldErrors: { projectId: "terminated" } };
    expect(await answerSupervision(db, world.staff, { supervisionId: id, version: 1, body: "答复" })).toEqual(refused);
    expect(await closeSupervision(db, world.manager, { supervisionId: id, version: 1 })).toEqual(refused);
    expect(
      await openSupervision(db, world.manager, { projectId: project.id, title: "再办", dueOn: dayFromToday(1) }),
    ).toEqual(refused);
    const page = await supervisionsOfProject(db, world.manager, project.id);
    expect(page?.assignees).toEqual([]);
    expect(page?.items[0].can).toEqual({ answer: false, instruct: false, reopen: false, close: false });
  });

  it("answers any input with a result or field errors, never a fault, and a refused one stores nothing", async () => {
    const project = await makeProject(db, world.staff.id);
    const id = await opened(project.id);
    const anything = fc.oneof(fc.anything(), fc.string(), fc.integer(), fc.constant(dayFromToday(-3)));
    const stored = async () => [await db.supervision.count(), await db.supervisionEntry.count()];
    type Answer = { ok: true } | { ok: false; fieldErrors: Record<string, string> };
    const refusedChangesNothing = async (run: () => Promise<Answer>) => {
      const before = await stored();
      const result = await run();
      if (result.ok) return;
      expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0);
      expect(await stored()).toEqual(before);
    };
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            projectId: fc.oneof(fc.constant(project.id), anything),
            title: anything,
            assigneeId: anything,
            dueOn: anything,
          },
          { requiredKeys: [] },
        ),
        (input) => refusedChangesNothing(() => openSupervision(db, world.manager, input)),
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          { supervisionId: fc.oneof(fc.constant(id), anything), version: anything, body: anything, other: anything },
          { requiredKeys: [] },
        ),
        (input) => refusedChangesNothing(() => instructSupervision(db, world.admin, input)),
      ),
      { numRuns: 40 },
    );
  });

  it("lists items in each viewer's scope with the status, overdue, mine and terminated filters", async () => {
    const mine = await makeProject(db, world.staff.id, { name: `台账自有${process.pid}` });
    const others = await makeProject(db, world.otherStaff.id, { name: `台账他人${process.pid}` });
    const gone = await makeProject(db, world.staff.id, { name: `台账解约${process.pid}` });
    const late = await opened(mine.id);
    const answeredLate = await opened(mine.id);
    const onManager = await opened(mine.id, world.manager, { assigneeId: world.manager.id });
    const elsewhere = await opened(others.id);
    const ofTerminated = await opened(gone.id);
    await db.project.update({ where: { id: gone.id }, data: { status: "TERMINATED", terminatedAt: new Date() } });
    await answerSupervision(db, world.staff, { supervisionId: answeredLate, version: 1, body: "已办" });
    const closed = await opened(mine.id);
    await closeSupervision(db, world.manager, { supervisionId: closed, version: 1 });
    // Two of them passed their day (written straight in: the form allows today or later only).
    await db.supervision.updateMany({
      where: { id: { in: [late, answeredLate] } },
      data: { dueOn: new Date(`${dayFromToday(-2)}T00:00:00Z`) },
    });
    const rowsOf = async (viewer: Viewer, filter: Record<string, unknown>) => {
      const list = await supervisionList(db, viewer, { q: "台账", ...filter });
      if (!list.ok) throw new Error(JSON.stringify(list.fieldErrors));
      return list.rows.filter((row) => row.project.name.endsWith(String(process.pid)));
    };
    const ids = async (viewer: Viewer, filter: Record<string, unknown> = {}) =>
      (await rowsOf(viewer, filter)).map((row) => row.id).sort();
    // Staff: only what is assigned to them on their own projects; the unfinished ones by default.
    expect(await ids(world.staff)).toEqual([late, answeredLate].sort());
    expect(await ids(world.staff, { status: "all" })).toEqual([late, answeredLate, closed].sort());
    expect(await ids(world.staff, { status: "all", terminated: "1" })).toEqual(
      [late, answeredLate, closed, ofTerminated].sort(),
    );
    expect(await ids(world.staff, { status: "ANSWERED" })).toEqual([answeredLate]);
    // Managers: everything, or their own; the overdue ones lead.
    expect(await ids(world.manager)).toEqual([late, answeredLate, onManager, elsewhere].sort());
    expect(await ids(world.manager, { mine: "1" })).toEqual([onManager]);
    expect(await ids(world.manager, { overdue: "1" })).toEqual([late, answeredLate].sort());
    const ordered = await rowsOf(world.manager, {});
    expect(ordered.map((row) => row.overdue)).toEqual([true, true, false, false]);
    expect(await supervisionList(db, world.manager, { status: "DONE" })).toEqual({
      ok: false,
      fieldErrors: { status: "choice" },
    });

    const dashboard = await supervisionDashboard(db, world.staff);
    expect(dashboard.overdue).toBeNull();
    expect(dashboard.mine.rows.slice(0, 2).every((row) => row.overdue)).toBe(true);
    const lead = await supervisionDashboard(db, world.manager);
    expect(
      lead.overdue?.rows
        .map((row) => row.id)
        .filter((id) => [late, answeredLate].includes(id))
        .sort(),
    ).toEqual([late, answeredLate].sort());
  });
}

describe("督办 on PGlite", () => supervisionSuite(openTestPglite));
describeOnPostgres("督办 on PostgreSQL", () => supervisionSuite(openTestPostgres));
