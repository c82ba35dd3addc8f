import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmailMessage } from "@/lib/notify/message";
import { renderDeliveries } from "@/lib/notify/render";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";

/*
 * Imported leads send no new-lead message and are not the digest's new leads: the managers' morning
 * digest says "导入 N 条线索（X 个文件）" for the imports that finished since the last working day began.
 */

const MONDAY = new Date("2026-11-30T08:30:00+08:00");
const FRIDAY = new Date("2026-11-27T15:00:00+08:00");

function digestSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;

  beforeAll(async () => {
    database = await open();
  }, 120_000);
  afterAll(async () => database?.cleanup());

  it("the digest counts Friday's imports in one line and leaves their leads out of the new leads", async () => {
    const manager = await db().user.create({
      data: { email: `digest-${process.pid}@park.test`, name: "经理", role: "MANAGER", passwordHash: "unused" },
    });
    for (const [index, created] of [120, 30].entries()) {
      await db().importJob.create({
        data: {
          status: "DONE",
          fileName: `展会名单${index}.xlsx`,
          fileType: "xlsx",
          headers: [],
          totalRows: created,
          created,
          finishedAt: FRIDAY,
          createdById: manager.id,
        },
      });
    }
    // Undone, and one before the period: neither counts.
    await db().importJob.create({
      data: {
        status: "UNDONE",
        fileName: "撤销.csv",
        fileType: "csv",
        headers: [],
        created: 9,
        finishedAt: FRIDAY,
        createdById: manager.id,
      },
    });
    await db().importJob.create({
      data: {
        status: "DONE",
        fileName: "上周.csv",
        fileType: "csv",
        headers: [],
        created: 7,
        finishedAt: new Date("2026-11-20T10:00:00+08:00"),
        createdById: manager.id,
      },
    });
    await db().lead.create({
      data: {
        phone: "13900000001",
        company: "导入的历史线索有限公司",
        contactName: "王",
        source: "import",
        createdAt: FRIDAY,
      },
    });
    await db().lead.create({
      data: { phone: "13900000002", company: "周五的新咨询有限公司", contactName: "李", createdAt: FRIDAY },
    });

    const event = await db().outboxEvent.create({ data: { kind: "digest.daily" } });
    const delivery = await db().delivery.create({
      data: { eventId: event.id, topic: "digest", medium: "EMAIL", userId: manager.id },
    });
    const digest = (await renderDeliveries(db(), [delivery], MONDAY)).get(delivery.id) as EmailMessage;
    expect(digest.text).toContain("新线索 1 条");
    expect(digest.text).toContain("周五的新咨询有限公司");
    expect(digest.text).not.toContain("导入的历史线索有限公司");
    expect(digest.text).toContain("导入 150 条线索（2 个文件）");
  });
}

describe("the digest's import line on PGlite", () => digestSuite(() => openTestPglite()));
describeOnPostgres("the digest's import line on PostgreSQL", () => digestSuite(() => openTestPostgres()));
