import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { Delivery } from "@/lib/db/generated/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { requestPrivacy } from "@/lib/inquiries/status/mutations";
import { statusKey, statusUrl } from "@/lib/inquiries/status-link";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import type { EmailMessage, Message } from "@/lib/notify/message";
import { renderPrivacyRequests } from "@/lib/notify/render/privacy-request";
import { renderReceipts } from "@/lib/notify/render/receipt";
import { privacyOperator } from "@/lib/privacy/notice";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { makeUser } from "../support/door-fixtures";
import { submitTestInquiry } from "../support/inquiry-status-fixtures";

/*
 * The investor's receipt and the admins' PIPL request mail, rendered from the database as the worker
 * renders them when their turn comes: the inquiry's language, the officer once assigned, the deadline in
 * plain words, the status link; nothing to an erased or withdrawn person; the admins' mail names the
 * company only.
 */

function email(message: Message | { skip: string } | undefined): EmailMessage {
  if (!message || !("medium" in message) || message.medium !== "EMAIL")
    throw new Error(`not an email: ${JSON.stringify(message)}`);
  return message;
}

function receiptSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  let admin: Viewer;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    admin = await makeUser(db(), "ADMIN");
  });
  afterAll(async () => {
    await cleanup?.();
  });

  async function receiptFor(inquiry: { id: string; leadId: string }): Promise<Delivery> {
    const event = await db().outboxEvent.create({
      data: { kind: "inquiry.received", leadId: inquiry.leadId, inquiryId: inquiry.id },
    });
    return db().delivery.create({
      data: { eventId: event.id, topic: "receipt", medium: "EMAIL", inquiryId: inquiry.id, leadId: inquiry.leadId },
    });
  }

  /** Monday 7 December 2026, 09:00 in Shanghai: the deadline (11:00 on 8 December) lies ahead. */
  const NOW = new Date("2026-12-07T01:00:00Z");
  const DUE = new Date("2026-12-08T03:00:00Z");

  it("[INVESTOR] gets a Chinese receipt naming the officer, their work phone, the deadline and the status link", async () => {
    const { inquiry, lead } = await submitTestInquiry(db(), { email: "lin.receipt@investor.example" });
    const officer = await makeUser(db(), "STAFF");
    await db().user.update({ where: { id: officer.id }, data: { name: "周招商", workPhone: "0573-8501 2345" } });
    await db().lead.update({ where: { id: lead.id }, data: { ownerId: officer.id, firstResponseDueAt: DUE } });
    const delivery = await receiptFor(inquiry);

    const mail = email((await renderReceipts(db(), [delivery], NOW)).get(delivery.id));
    expect(mail.to).toBe("lin.receipt@investor.example");
    expect(mail.subject).toContain(inquiry.reference);
    expect(mail.messageId).toBe(`<${delivery.id}@parklead>`);
    for (const part of [mail.text, mail.html]) {
      expect(part).toContain(inquiry.reference);
      expect(part).toContain("租赁厂房 5,000 m²");
      expect(part).toContain("新能源电池包组装");
      expect(part).toContain("周招商");
      expect(part).toContain("0573-8501 2345");
      expect(part).toContain("工作日 4 小时内，即 12 月 8 日 11:00 前");
      expect(part).toContain(statusUrl(inquiry.id));
      expect(part).toContain(privacyOperator().name);
    }
    expect(mail.html).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>$/);
    expect(mail.html).toContain(`<a href="${statusUrl(inquiry.id)}"`);
    // Rendered again (a retry), the same delivery keeps its message id.
    expect(email((await renderReceipts(db(), [delivery], NOW)).get(delivery.id)).messageId).toBe(mail.messageId);
  });

  it("[INVESTOR] gets an English receipt when they asked in English; unassigned, it promises a promotion officer", async () => {
    const { inquiry, lead } = await submitTestInquiry(db(), { email: "lin.en@investor.example", locale: "en" });
    await db().lead.update({ where: { id: lead.id }, data: { ownerId: null, firstResponseDueAt: DUE } });
    const delivery = await receiptFor(inquiry);
    const mail = email((await renderReceipts(db(), [delivery], NOW)).get(delivery.id));
    expect(mail.subject).toBe(`We have received your inquiry (reference ${inquiry.reference})`);
    expect(mail.text).toContain("Rent · Factory, 5,000 m²");
    expect(mail.text).toContain("A promotion officer will contact you within 4 working hours, by 11:00 on 8 December.");
    expect(mail.text).toContain(privacyOperator().nameEn);
    // Only the person's own words (their name, the use they typed) are in Chinese.
    expect(mail.text.replace("林女士", "").replace("新能源电池包组装", "")).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("[INVESTOR] the person's values are escaped in the HTML part", async () => {
    const { inquiry, lead } = await submitTestInquiry(db(), { email: "lin.html@investor.example" });
    await db().inquiry.update({ where: { id: inquiry.id }, data: { contactName: `<b>林</b> & "Co"` } });
    await db().lead.update({ where: { id: lead.id }, data: { ownerId: null } });
    const delivery = await receiptFor(inquiry);
    const mail = email((await renderReceipts(db(), [delivery], NOW)).get(delivery.id));
    expect(mail.html).not.toContain("<b>林</b>");
    expect(mail.html).toContain("&#60;b&#62;林&#60;/b&#62; &#38; &#34;Co&#34;");
  });

  it("[INVESTOR] gets no receipt without an email, after withdrawing consent, or once erased", async () => {
    const { inquiry: noEmail } = await submitTestInquiry(db());
    const { inquiry: withdrawing } = await submitTestInquiry(db(), { email: "withdraw.receipt@investor.example" });
    const { inquiry: erasing, lead: erasedLead } = await submitTestInquiry(db(), {
      email: "erase.receipt@investor.example",
    });
    const deliveries = [await receiptFor(noEmail), await receiptFor(withdrawing), await receiptFor(erasing)];
    expect(
      await requestPrivacy(db(), { key: statusKey(withdrawing.id), kind: "WITHDRAW", confirm: "yes" }),
    ).toMatchObject({ ok: true });
    expect(
      await eraseLeadPersonalData(db(), admin, {
        leadId: erasedLead.id,
        confirm: erasedLead.company,
        reason: "本人要求删除",
      }),
    ).toMatchObject({ ok: true });

    const rendered = await renderReceipts(db(), deliveries, NOW);
    expect(deliveries.map((delivery) => rendered.get(delivery.id))).toEqual([
      { skip: "inquiry has no email" },
      { skip: "consent withdrawn" },
      { skip: "lead erased" },
    ]);
  });

  it("[ADMIN] is told of a PIPL request: the kind, the company and the deadline, no values of the person", async () => {
    const { inquiry, lead, phone } = await submitTestInquiry(db(), {
      email: "pipl.admin@investor.example",
      wechat: "pipl_admin_wx",
    });
    const asked = await requestPrivacy(
      db(),
      { key: statusKey(inquiry.id), kind: "ERASE", confirm: "yes" },
      new Date("2026-12-07T02:00:00Z"),
    );
    if (!asked.ok) throw new Error("the request was refused");
    const event = await db().outboxEvent.findFirstOrThrow({ where: { leadId: lead.id, kind: "privacy.requested" } });
    const staff = await makeUser(db(), "STAFF");
    const [toAdmin, toStaff] = await Promise.all(
      [admin.id, staff.id].map((userId) =>
        db().delivery.create({
          data: { eventId: event.id, topic: "privacy_request", medium: "EMAIL", userId, leadId: lead.id },
        }),
      ),
    );
    const rendered = await renderPrivacyRequests(db(), [toAdmin, toStaff], new Date());
    const mail = email(rendered.get(toAdmin.id));
    expect(mail.to).toBe(admin.email);
    expect(mail.subject).toContain(lead.company);
    expect(mail.subject).toContain("删除个人信息");
    expect(mail.text).toContain("2026年12月28日");
    expect(mail.text).toContain("/crm/privacy");
    for (const value of [phone, "pipl.admin@investor.example", "pipl_admin_wx", "林女士", "希望下周看厂"]) {
      expect(mail.text).not.toContain(value);
      expect(mail.html).not.toContain(value);
    }
    expect(rendered.get(toStaff.id)).toEqual({ skip: "recipient is no active admin" });

    await db().privacyRequest.update({ where: { id: asked.requestId }, data: { status: "DONE" } });
    expect((await renderPrivacyRequests(db(), [toAdmin], new Date())).get(toAdmin.id)).toEqual({
      skip: "request already done",
    });
  });
}

describe("receipts on PGlite", () => receiptSuite(() => openTestPglite()));
describeOnPostgres("receipts on PostgreSQL", () => receiptSuite(() => openTestPostgres()));
