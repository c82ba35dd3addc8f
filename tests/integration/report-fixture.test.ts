import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestPglite, type TestDatabase } from "../support/databases";
import { seedReportFixture, type ReportFixture } from "../support/report-fixture";

describe("the reports' fixture", () => {
  let database: TestDatabase;
  let fixture: ReportFixture;
  beforeAll(async () => {
    database = await openTestPglite();
    fixture = await seedReportFixture(database.opened.db, "fx");
  });
  afterAll(async () => database?.cleanup());

  it("holds the merge as lib/leads/merge leaves it: the tombstone keeps nothing, the survivor holds both histories", async () => {
    const { db } = database.opened;
    expect(await db.inquiry.count({ where: { leadId: fixture.leads.l7 } })).toBe(0);
    expect(await db.stageChange.count({ where: { leadId: fixture.leads.l7 } })).toBe(0);
    expect(await db.inquiry.count({ where: { leadId: fixture.leads.l6 } })).toBe(2);
    expect(await db.stageChange.count({ where: { leadId: fixture.leads.l6 } })).toBe(5);
    expect(await db.lead.count({ where: { mergedIntoId: null, id: { in: Object.values(fixture.leads) } } })).toBe(8);
  });
});
