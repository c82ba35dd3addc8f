import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import { addWorkingDays } from "@/lib/calendar/working-hours";
import type { OpenedDatabase } from "@/lib/db/open";
import { requestPrivacy, STATUS_PAGE_REQUEST_LIMIT } from "@/lib/inquiries/status/mutations";
import { inquiryStatus } from "@/lib/inquiries/status/queries";
import { statusKey, statusToken } from "@/lib/inquiries/status-link";
import { dashboardSummary } from "@/lib/leads/dashboard/queries";
import { leadDetail } from "@/lib/leads/detail/queries";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { closePrivacyRequest } from "@/lib/privacy/requests/mutations";
import { listPrivacyRequests } from "@/lib/privacy/requests/queries";
import { DEFAULT_SETTINGS } from "@/lib/settings/schema";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { makeUser } from "../support/door-fixtures";
import { submitTestInquiry } from "../support/inquiry-status-fixtures";

/*
 * PIPL self-service: the investor withdraws consent or asks for erasure from their status page; the
 * request is due in 15 working days, recorded with its event and audit entry in one transaction, made
 * once however often it is asked, listed for admins, closed by an admin (withdrawal) or by the erasure.
 */

/** Monday 7 December 2026, 10:00 in Shanghai: 15 working days on is Monday 28 December, 10:00. */
const MONDAY_10 = new Date("2026-12-07T02:00:00Z");

function requestsSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  let admin: Viewer;
  let staff: Viewer;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    admin = await makeUser(db(), "ADMIN");
    staff = await makeUser(db(), "STAFF");
  });
  afterAll(async () => {
    await cleanup?.();
  });

  const ask = (inquiryId: string, kind: "WITHDRAW" | "ERASE", now = MONDAY_10) =>
    requestPrivacy(db(), { key: statusKey(inquiryId), kind, confirm: "yes" }, now);

  it("[INVESTOR] withdraws consent: the request is due in 15 working days, with its event and audit, made once", async () => {
    const { inquiry, lead } = await submitTestInquiry(db(), { email: "withdraw@investor.example" });
    const first = await ask(inquiry.id, "WITHDRAW");
    expect(first).toMatchObject({ ok: true, created: true });
    if (!first.ok) return;
    const request = await db().privacyRequest.findUniqueOrThrow({ where: { id: first.requestId } });
    expect(request).toMatchObject({ leadId: lead.id, inquiryId: inquiry.id, kind: "WITHDRAW", status: "OPEN" });
    expect(request.dueAt).toEqual(addWorkingDays(MONDAY_10, 15, DEFAULT_SETTINGS.workingHours));
    expect(request.dueAt.toISOString()).toBe("2026-12-28T02:00:00.000Z");
    const withdrawn = await db().lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(withdrawn.consentWithdrawnAt).toEqual(MONDAY_10);

    const events = await db().outboxEvent.findMany({ where: { leadId: lead.id, kind: "privacy.requested" } });
    expect(events.map((event) => event.data)).toEqual([{ requestId: request.id }]);
    const audits = await db().auditEntry.findMany({ where: { entityType: "PrivacyRequest", entityId: request.id } });
    expect(audits).toMatchObject([{ action: "privacyRequest.open", actorId: null }]);
    // The audit and the event hold ids, never the person's values.
    expect(JSON.stringify([audits, events])).not.toMatch(/withdraw@investor|林女士|137\d{8}/);

    // Asked again (a double click, a second tab, two at once): the open request answers.
    const again = await Promise.all([ask(inquiry.id, "WITHDRAW"), ask(inquiry.id, "WITHDRAW")]);
    expect(again).toEqual([
      { ok: true, requestId: request.id, created: false },
      { ok: true, requestId: request.id, created: false },
    ]);
    expect(await db().privacyRequest.count({ where: { leadId: lead.id } })).toBe(1);
    expect(await db().outboxEvent.count({ where: { leadId: lead.id, kind: "privacy.requested" } })).toBe(1);

    const page = await inquiryStatus(db(), statusKey(inquiry.id));
    expect(page && !page.erased && page.requests).toMatchObject([{ kind: "WITHDRAW", status: "OPEN" }]);
    expect(page && !page.erased && page.consentWithdrawnAt).toEqual(MONDAY_10);
  });

  it("[MANAGER] the lead's page says consent was withdrawn and which requests are open, until they are closed", async () => {
    const manager = await makeUser(db(), "MANAGER");
    const { inquiry, lead } = await submitTestInquiry(db());
    expect(await leadDetail(db(), manager, lead.id)).toMatchObject({
      lead: { consentWithdrawnAt: null },
      privacyRequests: [],
    });
    const withdrawal = await ask(inquiry.id, "WITHDRAW");
    await ask(inquiry.id, "ERASE");
    if (!withdrawal.ok) throw new Error("the withdrawal was refused");
    const detail = await leadDetail(db(), manager, lead.id);
    expect(detail?.lead.consentWithdrawnAt).toEqual(MONDAY_10);
    expect(detail?.privacyRequests.map((request) => request.kind).sort()).toEqual(["ERASE", "WITHDRAW"]);

    await closePrivacyRequest(db(), admin, { requestId: withdrawal.requestId });
    expect((await leadDetail(db(), manager, lead.id))?.privacyRequests).toMatchObject([{ kind: "ERASE" }]);
  });

  it("[INVESTOR] a request needs the confirmation and the inquiry's own key; an erased person asks nothing", async () => {
    const { inquiry, lead } = await submitTestInquiry(db());
    const { inquiry: other } = await submitTestInquiry(db());
    expect(await requestPrivacy(db(), { key: statusKey(inquiry.id), kind: "ERASE" }, MONDAY_10)).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { confirm: "required" },
    });
    expect(
      await requestPrivacy(db(), { key: statusKey(inquiry.id), kind: "FORGET", confirm: "yes" }, MONDAY_10),
    ).toMatchObject({ ok: false, reason: "invalid", fieldErrors: { kind: "invalid" } });
    expect(
      await requestPrivacy(
        db(),
        { key: `${inquiry.id}.${statusToken(other.id)}`, kind: "ERASE", confirm: "yes" },
        MONDAY_10,
      ),
    ).toEqual({ ok: false, reason: "notFound" });
    expect(await db().privacyRequest.count({ where: { leadId: lead.id } })).toBe(0);

    await eraseLeadPersonalData(db(), admin, { leadId: lead.id, confirm: lead.company, reason: "电话要求删除" });
    expect(await ask(inquiry.id, "ERASE")).toEqual({ ok: false, reason: "erased" });
  });

  it("[INVESTOR] requests from one link are rate-limited per hour", async () => {
    const { inquiry } = await submitTestInquiry(db());
    const hour = new Date("2026-12-07T05:00:00Z");
    for (let i = 0; i < STATUS_PAGE_REQUEST_LIMIT.limit; i++)
      expect(await ask(inquiry.id, "ERASE", hour)).toMatchObject({ ok: true });
    expect(await ask(inquiry.id, "ERASE", hour)).toMatchObject({ ok: false, reason: "rateLimited" });
    // Another link is counted on its own.
    const { inquiry: other } = await submitTestInquiry(db());
    expect(await ask(other.id, "ERASE", hour)).toMatchObject({ ok: true, created: true });
  });

  it("[ADMIN] lists open requests first by deadline with the overdue flagged, closes a withdrawal, not an erasure", async () => {
    const { inquiry: a } = await submitTestInquiry(db());
    const { inquiry: b } = await submitTestInquiry(db());
    const late = await ask(a.id, "WITHDRAW", new Date("2026-10-05T02:00:00Z"));
    const soon = await ask(b.id, "ERASE");
    if (!late.ok || !soon.ok) throw new Error("requests were refused");

    const now = new Date("2026-12-08T02:00:00Z");
    const rows = await listPrivacyRequests(db(), admin, now);
    const open = rows.filter((row) => row.status === "OPEN");
    expect(rows.slice(0, open.length)).toEqual(open);
    expect(open.map((row) => row.dueAt.getTime())).toEqual(open.map((row) => row.dueAt.getTime()).sort());
    expect(rows.find((row) => row.id === late.requestId)).toMatchObject({ overdue: true, kind: "WITHDRAW" });
    expect(rows.find((row) => row.id === soon.requestId)).toMatchObject({ overdue: false, kind: "ERASE" });
    await expect(listPrivacyRequests(db(), staff, now)).rejects.toThrow(AccessDenied);

    await expect(closePrivacyRequest(db(), staff, { requestId: late.requestId })).rejects.toThrow(AccessDenied);
    expect(await closePrivacyRequest(db(), admin, { requestId: soon.requestId })).toEqual({
      ok: false,
      fieldErrors: { requestId: "eraseToClose" },
    });
    expect(await closePrivacyRequest(db(), admin, { requestId: "cmnotarequest0000000000" })).toEqual({
      ok: false,
      fieldErrors: { requestId: "notFound" },
    });
    expect(await closePrivacyRequest(db(), admin, { requestId: late.requestId }, now)).toEqual({ ok: true });
    expect(await closePrivacyRequest(db(), admin, { requestId: late.requestId }, now)).toEqual({
      ok: false,
      fieldErrors: { requestId: "requestClosed" },
    });
    expect(await db().privacyRequest.findUniqueOrThrow({ where: { id: late.requestId } })).toMatchObject({
      status: "DONE",
      closedAt: now,
      closedById: admin.id,
    });
    expect(
      await db().auditEntry.findMany({ where: { entityId: late.requestId }, orderBy: { createdAt: "asc" } }),
    ).toMatchObject([
      { action: "privacyRequest.open", actorId: null },
      { action: "privacyRequest.close", actorId: admin.id },
    ]);
    const page = await inquiryStatus(db(), statusKey(a.id));
    expect(page && !page.erased && page.requests).toMatchObject([{ status: "DONE", closedAt: now }]);
  });

  it("[ADMIN] erasing the lead closes its open requests, skips what waited to be sent and redacts the answers", async () => {
    const { inquiry, lead } = await submitTestInquiry(db(), { email: "erase.me@investor.example" });
    const erase = await ask(inquiry.id, "ERASE");
    const withdraw = await ask(inquiry.id, "WITHDRAW");
    if (!erase.ok || !withdraw.ok) throw new Error("requests were refused");
    const event = await db().outboxEvent.create({ data: { kind: "inquiry.received", leadId: lead.id } });
    const waiting = await db().delivery.create({
      data: { eventId: event.id, topic: "receipt", medium: "EMAIL", inquiryId: inquiry.id, leadId: lead.id },
    });
    const retrying = await db().delivery.create({
      data: { eventId: event.id, topic: "new_lead", medium: "WEBHOOK", leadId: lead.id, status: "RETRYING" },
    });
    const sent = await db().delivery.create({
      data: {
        eventId: event.id,
        topic: "receipt",
        medium: "EMAIL",
        inquiryId: inquiry.id,
        status: "SENT",
        answer: "250 2.0.0 OK <erase.me@investor.example> queued",
      },
    });

    expect(
      await eraseLeadPersonalData(db(), admin, { leadId: lead.id, confirm: lead.company, reason: "本人要求" }),
    ).toMatchObject({ ok: true });
    const requests = await db().privacyRequest.findMany({ where: { leadId: lead.id } });
    expect(requests).toHaveLength(2);
    for (const request of requests) expect(request).toMatchObject({ status: "DONE", closedById: admin.id });
    expect(
      await db().auditEntry.count({
        where: { action: "privacyRequest.close", entityId: { in: [erase.requestId, withdraw.requestId] } },
      }),
    ).toBe(2);
    const deliveries = await db().delivery.findMany({
      where: { id: { in: [waiting.id, retrying.id, sent.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(deliveries.map(({ id, status, answer }) => ({ id, status, answer }))).toEqual([
      { id: waiting.id, status: "SKIPPED", answer: "lead erased" },
      { id: retrying.id, status: "SKIPPED", answer: "lead erased" },
      { id: sent.id, status: "SENT", answer: "lead erased" },
    ]);
  });

  it("[ADMIN] the dashboard counts open requests with the nearest deadline and lists failing channels; staff see neither", async () => {
    const { inquiry } = await submitTestInquiry(db());
    const asked = await ask(inquiry.id, "ERASE", new Date("2026-09-01T02:00:00Z"));
    if (!asked.ok) throw new Error("the request was refused");
    const channel = await db().notifyChannel.create({
      data: {
        kind: "WECOM",
        name: "招商群机器人",
        urlSealed: "sealed",
        failure: "93000: invalid webhook url",
        failedAt: new Date(),
      },
    });
    const now = new Date("2026-12-08T02:00:00Z");
    const summary = await dashboardSummary(db(), admin, now);
    const open = await db().privacyRequest.findMany({ where: { status: "OPEN" }, orderBy: { dueAt: "asc" } });
    expect(summary.admin?.privacy).toEqual({
      count: open.length,
      overdue: open.filter((request) => request.dueAt < now).length,
      nearestDueAt: open[0].dueAt,
    });
    expect(summary.admin?.privacy.overdue).toBeGreaterThan(0);
    expect(summary.admin?.failingChannels).toContainEqual(
      expect.objectContaining({ id: channel.id, failure: "93000: invalid webhook url" }),
    );
    expect((await dashboardSummary(db(), staff, now)).admin).toBeNull();
  });
}

describe("PIPL requests on PGlite", () => requestsSuite(() => openTestPglite()));
describeOnPostgres("PIPL requests on PostgreSQL", () => requestsSuite(() => openTestPostgres()));
