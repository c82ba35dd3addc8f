import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logActivity } from "@/lib/activities/mutations";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { inquiryStatus, statusLinkFor } from "@/lib/inquiries/status/queries";
import { inquiryIdOf, statusKey, statusToken, statusUrl } from "@/lib/inquiries/status-link";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { makeUser } from "../support/door-fixtures";
import { submitTestInquiry } from "../support/inquiry-status-fixtures";

/*
 * The investor's status page, read through its keyed link: the key opens exactly its own inquiry,
 * the steps follow the lead (assigned, contacted), everything held about the person is shown in full,
 * and after an erasure only the fact of it.
 */

function statusSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it("[INVESTOR] the link's key opens its own inquiry; a wrong, foreign, shortened or malformed key opens nothing", async () => {
    const { inquiry } = await submitTestInquiry(db(), { email: "key@investor.example" });
    const { inquiry: other } = await submitTestInquiry(db());
    expect(statusToken(inquiry.id).length).toBeGreaterThanOrEqual(22);
    expect(statusUrl(inquiry.id)).toMatch(new RegExp(`^https?://[^/]+/inquire/status/${inquiry.id}\\.[\\w-]{32}$`));
    expect(inquiryIdOf(statusKey(inquiry.id))).toBe(inquiry.id);
    expect(await inquiryStatus(db(), statusKey(inquiry.id))).toMatchObject({
      erased: false,
      inquiry: { id: inquiry.id, reference: inquiry.reference },
    });

    const token = statusToken(inquiry.id);
    const flipped = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const key of [
      `${inquiry.id}.${flipped}`,
      `${inquiry.id}.${statusToken(other.id)}`,
      `${other.id}.${token}`,
      `${inquiry.id}.${token.slice(0, 22)}`,
      inquiry.id,
      `${inquiry.id}.`,
      `../${inquiry.id}.${token}`,
      "",
    ]) {
      expect(inquiryIdOf(key), key).toBeNull();
      expect(await inquiryStatus(db(), key), key).toBeNull();
    }
    // A well-formed key of an inquiry that does not exist reads the same as a wrong one.
    expect(await inquiryStatus(db(), statusKey("cmnotaninquiry000000000"))).toBeNull();
  });

  it("[INVESTOR] the confirmation page links the status page only with the inquiry's own key", async () => {
    const { inquiry } = await submitTestInquiry(db());
    const { inquiry: other } = await submitTestInquiry(db());
    expect(await statusLinkFor(db(), inquiry.reference, statusKey(inquiry.id))).toBe(statusUrl(inquiry.id));
    expect(await statusLinkFor(db(), inquiry.reference, undefined)).toBeNull();
    expect(await statusLinkFor(db(), inquiry.reference, statusKey(other.id))).toBeNull();
    expect(await statusLinkFor(db(), inquiry.reference, `${inquiry.id}.${statusToken(other.id)}`)).toBeNull();
  });

  it("[INVESTOR] steps go received → assigned (name and work phone) → contacted, with the promised time", async () => {
    const { inquiry, lead } = await submitTestInquiry(db());
    await db().lead.update({ where: { id: lead.id }, data: { ownerId: null, assignedAt: null } });
    const received = await inquiryStatus(db(), statusKey(inquiry.id));
    if (!received || received.erased) throw new Error("the status page did not open");
    expect(received.steps).toMatchObject({ assigned: null, contactedAt: null, promiseHours: 4 });
    expect(received.steps.receivedAt).toEqual(inquiry.createdAt);
    expect(received.steps.dueAt).toEqual(lead.firstResponseDueAt);
    expect(lead.firstResponseDueAt).not.toBeNull();

    const officer = await makeUser(db(), "STAFF");
    await db().user.update({ where: { id: officer.id }, data: { workPhone: "0573-8501 2345", name: "周招商" } });
    const assignedAt = new Date();
    await db().lead.update({ where: { id: lead.id }, data: { ownerId: officer.id, assignedAt } });
    const assigned = await inquiryStatus(db(), statusKey(inquiry.id));
    expect(assigned && !assigned.erased && assigned.steps).toMatchObject({
      assigned: { name: "周招商", workPhone: "0573-8501 2345", at: assignedAt },
      contactedAt: null,
    });

    const viewer: Viewer = { id: officer.id, email: officer.email, name: "周招商", role: "STAFF" };
    const call = await logActivity(db(), viewer, {
      leadId: lead.id,
      kind: "CALL",
      outcome: "reached",
      body: "已电话沟通，约下周看厂",
    });
    expect(call).toMatchObject({ ok: true });
    const contacted = await inquiryStatus(db(), statusKey(inquiry.id));
    if (!contacted || contacted.erased) throw new Error("the status page did not open");
    expect(contacted.steps.contactedAt).toBeInstanceOf(Date);

    // A deactivated officer is no longer named: the investor would call someone who is gone.
    await db().user.update({ where: { id: officer.id }, data: { active: false } });
    const gone = await inquiryStatus(db(), statusKey(inquiry.id));
    expect(gone && !gone.erased && gone.steps.assigned).toBeNull();
  });

  it("[INVESTOR] sees everything held about them in full: the lead's fields and every inquiry of theirs", async () => {
    const { inquiry, lead, phone } = await submitTestInquiry(db(), {
      email: "lin.held@investor.example",
      wechat: "lin_held_wx",
    });
    const status = await inquiryStatus(db(), statusKey(inquiry.id));
    if (!status || status.erased) throw new Error("the status page did not open");
    expect(status.held.lead).toMatchObject({
      company: lead.company,
      contactName: "林女士",
      phone,
      wechat: "lin_held_wx",
      email: "lin.held@investor.example",
    });
    expect(status.held.inquiries).toHaveLength(1);
    expect(status.held.inquiries[0]).toMatchObject({
      reference: inquiry.reference,
      phone,
      email: "lin.held@investor.example",
      wechat: "lin_held_wx",
      message: "希望下周看厂",
      use: "新能源电池包组装",
      needDeal: "RENT",
      needKind: "FACTORY",
      consentNoticeVersion: inquiry.consentNoticeVersion,
      consentedAt: inquiry.consentedAt,
    });
  });

  it("[INVESTOR] after an erasure the page says only that the data was erased", async () => {
    const { inquiry, lead } = await submitTestInquiry(db(), { email: "erased@investor.example" });
    const admin = await makeUser(db(), "ADMIN");
    const erased = await eraseLeadPersonalData(
      db(),
      { id: admin.id, email: admin.email, name: "管理员", role: "ADMIN" },
      { leadId: lead.id, confirm: lead.company, reason: "投资人在进度页要求删除" },
    );
    expect(erased).toMatchObject({ ok: true });
    expect(await inquiryStatus(db(), statusKey(inquiry.id))).toEqual({ erased: true });
  });
}

describe("inquiry status on PGlite", () => statusSuite(() => openTestPglite()));
describeOnPostgres("inquiry status on PostgreSQL", () => statusSuite(() => openTestPostgres()));
