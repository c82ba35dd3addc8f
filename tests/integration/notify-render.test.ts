import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seal } from "@/lib/auth/seal";
import type { DeliveryMedium, Lead } from "@/lib/db/generated/client";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { maskPhone } from "@/lib/leads/mask";
import type { EmailMessage, GroupMessage, Message, WebhookMessage } from "@/lib/notify/message";
import { renderDeliveries } from "@/lib/notify/render";
import type { Topic } from "@/lib/notify/topics";
import { openTestPglite, openTestPostgres, describeOnPostgres, type TestDatabase } from "../support/databases";
import { inquiryBody, makeUser, uniqueIp, type Person } from "../support/door-fixtures";

/*
 * Issue 11, item 3: what the messages say. Group chats and webhooks carry no full phone, email or
 * WeChat ID; the owner's email has both parts, the contacts and the deadline in plain words; and a
 * delivery whose lead or recipient changed since it was planned is skipped with its reason.
 */

/** Friday 27 November 2026, 17:00 in Shanghai: 4 working hours end Monday 30 November 12:00. */
const ARRIVED = new Date("2026-11-27T17:00:00+08:00");
const NOW = new Date("2026-11-27T17:01:00+08:00");
const SITE = "https://parks.example.cn";

function renderSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;
  let owner: Person;
  let manager: Person;
  let channelId: string;

  async function onlyOfficer(officer: Person | null) {
    await db().user.updateMany({ where: { role: "STAFF" }, data: { away: true } });
    if (officer) await db().user.update({ where: { id: officer.id }, data: { away: false } });
  }

  /** A lead with every contact channel filled in, through the real intake; its event, inquiry and values. */
  async function lead(officer: Person | null) {
    await onlyOfficer(officer);
    const body = { ...inquiryBody(), wechat: "wang_motor88", email: "wangxm88@motor.test" };
    const result = await submitInquiry(db(), body, {
      channel: "API",
      locale: "zh-CN",
      source: {},
      clientIp: uniqueIp(),
      now: ARRIVED,
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const event = await db().outboxEvent.findFirstOrThrow({ where: { inquiryId: result.id } });
    const row = await db().lead.findUniqueOrThrow({ where: { id: event.leadId! } });
    return { lead: row, event, reference: result.reference, inquiryId: result.id };
  }

  async function render(
    made: { lead: Lead; event: { id: string } },
    topic: Topic,
    medium: DeliveryMedium,
    to: { userId?: string; channelId?: string; inquiryId?: string },
  ): Promise<Message | { skip: string }> {
    const delivery = await db().delivery.create({
      data: { eventId: made.event.id, topic, medium, leadId: made.lead.id, ...to },
    });
    return (await renderDeliveries(db(), [delivery], NOW)).get(delivery.id)!;
  }

  const contactsOf = (lead: Lead) => [lead.phone, lead.wechat!, lead.email!, "wangxm88"];

  beforeAll(async () => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    vi.stubEnv("NEXTAUTH_URL", SITE);
    database = await open();
    owner = await makeUser(db(), "STAFF");
    manager = await makeUser(db(), "MANAGER");
    const channel = await db().notifyChannel.create({
      data: {
        kind: "WECOM",
        name: "招商群",
        urlSealed: seal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k"),
      },
    });
    channelId = channel.id;
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await database?.cleanup();
  });

  it("a group message about a pool lead: the facts, a masked phone, a claim link, no contact values", async () => {
    const made = await lead(null);
    const message = (await render(made, "new_lead", "WECOM", { channelId })) as GroupMessage;
    expect(message.medium).toBe("GROUP");
    expect(message.title).toBe(`新线索：${made.lead.company}`);
    expect(message.lines).toEqual(
      expect.arrayContaining([
        `咨询编号：${made.reference}`,
        `企业：${made.lead.company}`,
        "需求：购买厂房 2,400 m²",
        "预计年税收：300.5 万元",
        "负责人：公海（点击认领）",
        `电话：${maskPhone(made.lead.phone)}`,
        "首次响应：工作日 4 小时内，即 11 月 30 日 12:00 前",
      ]),
    );
    expect(message.link).toEqual({ label: "认领线索", url: `${SITE}/crm/leads/${made.lead.id}` });
    const words = JSON.stringify(message);
    for (const value of contactsOf(made.lead)) expect(words).not.toContain(value);
    expect(words).not.toContain(made.lead.contactName);

    // A number typed into the company's name is masked too.
    await db().lead.update({
      where: { id: made.lead.id },
      data: { company: `${made.lead.company} ${made.lead.phone}` },
    });
    const again = (await render(made, "new_lead", "WECOM", { channelId })) as GroupMessage;
    expect(again.title).toBe(`新线索：${made.lead.company} ${maskPhone(made.lead.phone)}`);
    expect(JSON.stringify(again)).not.toContain(made.lead.phone);
  });

  it("a webhook: ids, reference, need, owner and link as data, the group's words as text, no contact values", async () => {
    const made = await lead(owner);
    const message = (await render(made, "new_lead", "WEBHOOK", { channelId })) as WebhookMessage;
    expect(message).toMatchObject({
      medium: "WEBHOOK",
      topic: "new_lead",
      occurredAt: ARRIVED.toISOString(),
      data: {
        leadId: made.lead.id,
        inquiryId: made.inquiryId,
        reference: made.reference,
        needKind: "FACTORY",
        needArea: "2400",
        needAreaUnit: "SQM",
        stage: "new",
        owner: owner.name,
        link: `${SITE}/crm/leads/${made.lead.id}`,
      },
      text: { title: `新线索：${made.lead.company}`, link: { label: "查看线索" } },
    });
    const words = JSON.stringify(message);
    for (const value of contactsOf(made.lead)) expect(words).not.toContain(value);
  });

  it("the owner's email: text and HTML parts with the contacts to call and the deadline in plain words", async () => {
    const made = await lead(owner);
    const delivery = await db().delivery.create({
      data: { eventId: made.event.id, topic: "new_lead", medium: "EMAIL", leadId: made.lead.id, userId: owner.id },
    });
    const mail = (await renderDeliveries(db(), [delivery], NOW)).get(delivery.id) as EmailMessage;
    expect(mail).toMatchObject({
      medium: "EMAIL",
      to: owner.email,
      subject: `新线索：${made.lead.company}`,
      messageId: `<${delivery.id}@parklead>`,
    });
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain("有一条新线索分配给你");
      expect(part).toContain(`电话：${made.lead.phone}`);
      expect(part).toContain("微信：wang_motor88");
      expect(part).toContain("邮箱：wangxm88@motor.test");
      expect(part).toContain("首次响应：工作日 4 小时内，即 11 月 30 日 12:00 前");
      expect(part).toContain(`${SITE}/crm/leads/${made.lead.id}`);
    }
    expect(mail.html).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>$/);
    expect(mail.text).not.toContain("<");
  });

  it("a staff member's email about a lead they do not own shows its contacts masked, a manager's in full", async () => {
    const made = await lead(null);
    const other = await makeUser(db(), "STAFF");
    const staffMail = (await render(made, "response_overdue", "EMAIL", { userId: other.id })) as EmailMessage;
    expect(staffMail.text).toContain(`电话：${maskPhone(made.lead.phone)}`);
    for (const value of contactsOf(made.lead)) expect(staffMail.text + staffMail.html).not.toContain(value);
    const managerMail = (await render(made, "response_overdue", "EMAIL", { userId: manager.id })) as EmailMessage;
    expect(managerMail.text).toContain(`电话：${made.lead.phone}`);
    expect(managerMail.subject).toBe(`首次响应已超时：${made.lead.company}`);
  });

  it("skips what no longer applies: an erased or merged lead, a deactivated or muted user, an answered reminder", async () => {
    const erased = await lead(owner);
    await db().lead.update({ where: { id: erased.lead.id }, data: { erasedAt: NOW } });
    expect(await render(erased, "new_lead", "WECOM", { channelId })).toEqual({ skip: "lead erased" });

    const merged = await lead(owner);
    await db().lead.update({ where: { id: merged.lead.id }, data: { mergedIntoId: erased.lead.id } });
    expect(await render(merged, "new_lead", "EMAIL", { userId: owner.id })).toEqual({
      skip: "lead merged into another",
    });

    const live = await lead(owner);
    await db().user.update({ where: { id: owner.id }, data: { emailMuted: ["response_reminder"] } });
    expect(await render(live, "response_reminder", "EMAIL", { userId: owner.id })).toEqual({
      skip: "topic muted by the user",
    });
    await db().user.update({ where: { id: owner.id }, data: { emailMuted: [], active: false } });
    expect(await render(live, "new_lead", "EMAIL", { userId: owner.id })).toEqual({ skip: "user deactivated" });
    await db().user.update({ where: { id: owner.id }, data: { active: true } });

    await db().lead.update({ where: { id: live.lead.id }, data: { firstRespondedAt: NOW } });
    expect(await render(live, "response_reminder", "EMAIL", { userId: owner.id })).toEqual({
      skip: "first response made",
    });
    expect(await render(live, "reassigned", "EMAIL", { userId: manager.id })).toEqual({
      skip: "lead has another owner now",
    });
  });

  it("a reassignment names who gave the lead; tasks list what is open today; a test says what it is", async () => {
    const made = await lead(owner);
    const given = await db().outboxEvent.create({
      data: { kind: "lead.reassigned", leadId: made.lead.id, actorId: manager.id, data: { toOwnerId: owner.id } },
    });
    const reassigned = (await render({ ...made, event: given }, "reassigned", "EMAIL", {
      userId: owner.id,
    })) as EmailMessage;
    expect(reassigned.text).toContain(`${manager.name}把这条线索转给了你。`);

    const tasksEvent = await db().outboxEvent.create({ data: { kind: "tasks.due" } });
    await db().task.createMany({
      data: [
        { leadId: made.lead.id, assigneeId: owner.id, title: "电话回访", dueAt: new Date("2026-11-27T18:00:00+08:00") },
        { leadId: made.lead.id, assigneeId: owner.id, title: "已办", dueAt: ARRIVED, doneAt: ARRIVED },
        { leadId: made.lead.id, assigneeId: owner.id, title: "下周看厂", dueAt: new Date("2026-12-02T10:00:00+08:00") },
      ],
    });
    const tasks = (await render({ ...made, event: tasksEvent }, "tasks_due", "EMAIL", {
      userId: owner.id,
    })) as EmailMessage;
    expect(tasks.subject).toBe("今天的跟进任务（1 项）");
    expect(tasks.text).toContain(`18:00 电话回访（${made.lead.company}）`);
    expect(tasks.text).not.toContain("已办");
    expect(tasks.text).not.toContain("下周看厂");
    expect(await render({ ...made, event: tasksEvent }, "tasks_due", "EMAIL", { userId: manager.id })).toEqual({
      skip: "no open tasks due",
    });

    const testEvent = await db().outboxEvent.create({ data: { kind: "channel.test", data: { channelId } } });
    const test = (await render({ ...made, event: testEvent }, "test", "WECOM", { channelId })) as GroupMessage;
    expect(test).toMatchObject({ medium: "GROUP", title: "Parklead 测试消息" });
  });

  it("the digest counts the last working day's new leads for a manager; the receipt goes through the registry", async () => {
    const made = await lead(owner);
    const digestEvent = await db().outboxEvent.create({ data: { kind: "digest.daily" } });
    const delivery = await db().delivery.create({
      data: { eventId: digestEvent.id, topic: "digest", medium: "EMAIL", userId: manager.id },
    });
    const monday = new Date("2026-11-30T08:30:00+08:00");
    const digest = (await renderDeliveries(db(), [delivery], monday)).get(delivery.id) as EmailMessage;
    const created = await db().lead.count({
      where: {
        createdAt: { gte: new Date("2026-11-27T00:00:00+08:00"), lt: new Date("2026-11-30T00:00:00+08:00") },
        // The erased and the merged-away leads of the test above are not news.
        erasedAt: null,
        mergedIntoId: null,
      },
    });
    expect(digest.subject).toBe("招商日报 2026-11-30");
    expect(digest.text).toContain(`新线索 ${created} 条`);
    expect(digest.text).toContain(made.lead.company);

    const receipt = await render(made, "receipt", "EMAIL", { inquiryId: made.inquiryId });
    expect(receipt).toMatchObject({ medium: "EMAIL", to: "wangxm88@motor.test" });
  });
}

describe("rendering notifications on PGlite", () => {
  renderSuite(() => openTestPglite({ seedDemo: true }));
});

describeOnPostgres("rendering notifications on PostgreSQL", () => {
  renderSuite(() => openTestPostgres({ seedDemo: true }));
});
