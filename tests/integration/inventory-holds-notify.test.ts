import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seal } from "@/lib/auth/seal";
import type { OutboxEvent } from "@/lib/db/generated/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { expireHolds } from "@/lib/inventory/holds/expiry";
import { holdUnits, renewHold } from "@/lib/inventory/holds/mutations";
import type { EmailMessage } from "@/lib/notify/message";
import { planEvents } from "@/lib/notify/plan";
import { renderDeliveries } from "@/lib/notify/render";
import { MAIL_SERVER_KEY } from "@/lib/notify/settings";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { makeHoldPark, makeLead, type HoldPark } from "../support/inventory-fixtures";

/*
 * "A hold you own expires tomorrow" and "your hold expired": planned by email to the holder only while
 * the hold is on with the expiry the reminder was written for, the expiry to the lead's owner as well,
 * never to a group chat; rendered with the unit, the company, the expiry in Beijing time and the lead's link.
 */
const DAY_MS = 86_400_000;

function notifySuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let park: HoldPark;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    park = await makeHoldPark(opened.db, 2);
    await opened.db.setting.create({
      data: { key: MAIL_SERVER_KEY, value: { urlSealed: seal("smtp://127.0.0.1:2525"), from: "招商 <zs@park.test>" } },
    });
    await opened.db.notifyChannel.create({
      data: { kind: "WECOM", name: "招商群", urlSealed: seal("https://robots.example/wecom"), parkId: null },
    });
  });
  afterAll(async () => {
    await cleanup();
  });

  const plan = (events: OutboxEvent[], now: Date) => opened.db.$transaction((tx) => planEvents(tx, events, now));
  const reminders = (leadId: string) =>
    opened.db.outboxEvent.findMany({ where: { kind: "unit.hold_expiring", leadId }, orderBy: { dueAt: "asc" } });

  it("reminds the holder while the hold is on with that expiry, and mails the reminder's words", async () => {
    const db = opened.db;
    const leadId = await makeLead(db, { ownerId: park.staff.id, company: "锐精机械有限公司" });
    const held = await holdUnits(db, park.manager, { leadId, unitIds: [park.unitIds[0]] });
    if (!held.ok || !("held" in held)) throw new Error("not held");
    const [first] = await reminders(leadId);
    expect(first.dueAt.getTime()).toBe(held.held[0].expiresAt.getTime() - DAY_MS);
    const planned = await plan([first], first.dueAt);
    expect(planned.deliveries).toEqual([
      expect.objectContaining({ topic: "holds", medium: "EMAIL", userId: park.manager.id, leadId }),
    ]);

    const delivery = await db.delivery.create({
      data: { eventId: first.id, topic: "holds", medium: "EMAIL", userId: park.manager.id, leadId },
    });
    const mail = (await renderDeliveries(db, [delivery], first.dueAt)).get(delivery.id) as EmailMessage;
    expect(mail.subject).toBe("锁定明天到期：3号楼 101（锐精机械有限公司）");
    expect(mail.to).toBe(park.manager.email);
    const beijing = new Date(held.held[0].expiresAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16);
    expect(mail.text).toContain(`到期时间：${beijing.replace("T", " ")}（北京时间）`);
    expect(mail.text).toContain(`/crm/leads/${leadId}`);

    // Renewed: the first reminder is stale (planned and rendered as nothing), the renewal's own one counts.
    const renewed = await renewHold(db, park.manager, { unitId: park.unitIds[0] });
    expect(renewed.ok).toBe(true);
    expect((await plan([first], first.dueAt)).deliveries).toEqual([]);
    expect((await renderDeliveries(db, [delivery], first.dueAt)).get(delivery.id)).toEqual({
      skip: "hold renewed or ended",
    });
    const second = (await reminders(leadId))[1];
    expect((await plan([second], second.dueAt)).deliveries).toHaveLength(1);

    // Muted on the user's own settings page: nothing.
    await db.user.update({ where: { id: park.manager.id }, data: { emailMuted: ["holds"] } });
    expect((await plan([second], second.dueAt)).deliveries).toEqual([]);
    await db.user.update({ where: { id: park.manager.id }, data: { emailMuted: [] } });
  });

  it("tells the holder and the lead's owner when the hold expired, by email only", async () => {
    const db = opened.db;
    const leadId = await makeLead(db, { ownerId: park.staff.id, company: "海川精密有限公司" });
    // A manager holds for an officer's lead: the holder and the owner are two people.
    await holdUnits(db, park.manager, { leadId, unitIds: [park.unitIds[1]] });
    const unitHold = await db.unitHold.findFirstOrThrow({ where: { unitId: park.unitIds[1] } });
    const later = new Date(Date.now() + 8 * DAY_MS);
    expect(await expireHolds(db, later)).toBeGreaterThanOrEqual(1);
    const expired = await db.outboxEvent.findFirstOrThrow({ where: { kind: "unit.hold_expired", leadId } });
    const planned = await plan([expired], later);
    expect(planned.deliveries.map((delivery) => [delivery.medium, delivery.userId]).sort()).toEqual(
      [
        ["EMAIL", park.manager.id],
        ["EMAIL", park.staff.id],
      ].sort(),
    );
    // The reminder of an expired hold plans nothing.
    const [stale] = await reminders(leadId);
    expect((stale.data as { holdId: string }).holdId).toBe(unitHold.id);
    expect((await plan([stale], later)).deliveries).toEqual([]);

    const delivery = await db.delivery.create({
      data: { eventId: expired.id, topic: "holds", medium: "EMAIL", userId: park.staff.id, leadId },
    });
    const mail = (await renderDeliveries(db, [delivery], later)).get(delivery.id) as EmailMessage;
    expect(mail.subject).toBe("锁定已到期释放：3号楼 201（海川精密有限公司）");
    expect(mail.text).toContain("锁定人：王经理");
  });
}

describe("hold notifications (PGlite)", () => notifySuite(openTestPglite));
describeOnPostgres("hold notifications (PostgreSQL)", () => notifySuite(() => openTestPostgres()));
