import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { NOTIFY_RULES_KEY } from "@/lib/notify/settings";
import { scheduleDailyEvents } from "@/lib/notify/schedule";
import { openTestPglite, openTestPostgres, describeOnPostgres, type TestDatabase } from "../support/databases";

/*
 * Issue 11, item 3: the tasks mail and the managers' digest are outbox events recorded once a
 * working day, once Shanghai time passes their hour, however many instances ask.
 * Default rules: digest at 08:30, tasks at 09:00.
 */

const at = (local: string) => new Date(`${local}+08:00`);

function scheduleSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;
  const scheduled = async () =>
    (await db().outboxEvent.findMany({ where: { dedupeKey: { not: null } }, orderBy: { dedupeKey: "asc" } })).map(
      (event) => [event.kind, event.dedupeKey],
    );

  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    database = await open();
  });
  beforeEach(async () => {
    await db().outboxEvent.deleteMany();
    await db().setting.deleteMany({ where: { key: { in: [NOTIFY_RULES_KEY, "workingHours"] } } });
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("on a working day: nothing before the digest's time, the digest after it, the tasks after theirs", async () => {
    await scheduleDailyEvents(db(), at("2026-12-07T08:29"));
    expect(await scheduled()).toEqual([]);
    await scheduleDailyEvents(db(), at("2026-12-07T08:30"));
    expect(await scheduled()).toEqual([["digest.daily", "digest:2026-12-07"]]);
    await scheduleDailyEvents(db(), at("2026-12-07T09:01"));
    expect(await scheduled()).toEqual([
      ["digest.daily", "digest:2026-12-07"],
      ["tasks.due", "tasks:2026-12-07"],
    ]);
    const [digest] = await db().outboxEvent.findMany({ where: { kind: "digest.daily" } });
    expect(digest.dueAt).toEqual(at("2026-12-07T08:30"));
  });

  it("records each day's events once, however often and from however many instances it is asked", async () => {
    const noon = at("2026-12-08T12:00");
    await Promise.all([scheduleDailyEvents(db(), noon), scheduleDailyEvents(db(), noon)]);
    await scheduleDailyEvents(db(), at("2026-12-08T12:01"));
    expect(await scheduled()).toEqual([
      ["digest.daily", "digest:2026-12-08"],
      ["tasks.due", "tasks:2026-12-08"],
    ]);
    await scheduleDailyEvents(db(), at("2026-12-09T09:30"));
    expect(await db().outboxEvent.count()).toBe(4);
  });

  it("follows the rules' times", async () => {
    await db().setting.create({ data: { key: NOTIFY_RULES_KEY, value: { digestTime: "10:15", tasksTime: "07:45" } } });
    await scheduleDailyEvents(db(), at("2026-12-07T10:00"));
    expect(await scheduled()).toEqual([["tasks.due", "tasks:2026-12-07"]]);
  });

  it("records nothing on a weekend or a holiday, and works on a make-up working day (调休)", async () => {
    await scheduleDailyEvents(db(), at("2026-12-12T10:00")); // Saturday
    await db().setting.create({
      data: { key: "workingHours", value: { holidays: ["2026-12-09"], workdays: ["2026-12-13"] } },
    });
    await scheduleDailyEvents(db(), at("2026-12-09T10:00")); // a Wednesday off
    expect(await scheduled()).toEqual([]);
    await scheduleDailyEvents(db(), at("2026-12-13T10:00")); // a Sunday that works
    expect(await scheduled()).toEqual([
      ["digest.daily", "digest:2026-12-13"],
      ["tasks.due", "tasks:2026-12-13"],
    ]);
  });
}

describe("daily notification schedule on PGlite", () => {
  scheduleSuite(() => openTestPglite());
});

describeOnPostgres("daily notification schedule on PostgreSQL", () => {
  scheduleSuite(() => openTestPostgres());
});
