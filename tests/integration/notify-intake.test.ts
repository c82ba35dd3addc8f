import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import { submitInquiry, requestHashOf, type SubmissionContext } from "@/lib/inquiries/mutations";
import { inquirySchema } from "@/lib/inquiries/schema";
import { storeInquiry } from "@/lib/inquiries/store-inquiry";
import { readIntakeTarget } from "@/lib/leads/intake/intake";
import { readSettings } from "@/lib/settings/queries";
import { signRenderTime } from "@/lib/inquiries/spam-trap";
import { openTestPglite, openTestPostgres, describeOnPostgres, type TestDatabase } from "../support/databases";
import { inquiryBody, inquiryForm, uniqueIp, uniquePhone } from "../support/door-fixtures";

/*
 * Issue 11, item 1: the intake statement writes the inquiry's outbox event itself, from the row it
 * stored, so exactly one event exists per stored inquiry and none for anything not stored.
 */

const state = vi.hoisted(() => ({ db: null as Database | null, notify: "on" as "on" | "off" }));
vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, env: () => ({ ...original.env(), PARKLEAD_NOTIFY: state.notify }) };
});
vi.mock("@/lib/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/db/client")>()),
  getDb: async () => state.db!,
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {} }),
  headers: async () => new Headers({ "x-parklead-peer": "198.51.100.77" }),
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`redirect to ${url}`), { redirectedTo: url });
  },
}));

const NOW = new Date("2026-12-07T10:00:00+08:00");
const context: SubmissionContext = { channel: "API", locale: "zh-CN", source: {}, now: NOW };

function intakeEventsSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;
  const eventsOf = (inquiryId: string) => db().outboxEvent.findMany({ where: { inquiryId } });

  async function submit(body = inquiryBody(), extra: Partial<SubmissionContext> = {}) {
    const result = await submitInquiry(db(), body, { ...context, clientIp: uniqueIp(), ...extra });
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
    return db().inquiry.findUniqueOrThrow({ where: { id: result.id } });
  }

  beforeAll(async () => {
    // One line per inquiry and migration would bury the result.
    vi.spyOn(console, "log").mockImplementation(() => {});
    database = await open();
    state.db = db();
    state.notify = "on";
  });
  afterAll(async () => {
    state.notify = "on";
    await database?.cleanup();
  });

  it("writes one inquiry.received event per stored inquiry: a new lead's, then a further inquiry's", async () => {
    const phone = uniquePhone();
    const first = await submit(inquiryBody(phone));
    const second = await submit(inquiryBody(phone));
    expect(second.leadId).toBe(first.leadId);

    const [created] = await eventsOf(first.id);
    expect(await eventsOf(first.id)).toHaveLength(1);
    expect(created).toMatchObject({
      kind: "inquiry.received",
      leadId: first.leadId,
      inquiryId: first.id,
      data: { newLead: true },
      dueAt: NOW,
      doneAt: null,
      dedupeKey: null,
    });
    expect(await eventsOf(second.id)).toMatchObject([
      { kind: "inquiry.received", leadId: first.leadId, data: { newLead: false } },
    ]);
    expect(await db().outboxEvent.count({ where: { leadId: first.leadId } })).toBe(2);
  });

  it("writes none for an inquiry refused by the rate limit", async () => {
    const phone = uniquePhone();
    const refusals = [];
    // The phone's limit is 8 an hour: the ninth is refused and stores nothing.
    for (let i = 0; i < 9; i++) {
      const result = await submitInquiry(db(), inquiryBody(phone), { ...context, clientIp: uniqueIp() });
      if (!result.ok) refusals.push(result.reason);
    }
    expect(refusals).toEqual(["rateLimited"]);
    const lead = await db().lead.findUniqueOrThrow({ where: { phone } });
    expect(await db().inquiry.count({ where: { leadId: lead.id } })).toBe(8);
    expect(await db().outboxEvent.count({ where: { leadId: lead.id } })).toBe(8);
  });

  it("writes none when the statement stores nothing (a lost race) or fails (a reference taken)", async () => {
    const phone = uniquePhone();
    const earlier = await submit(inquiryBody(phone));
    const inquiry = inquirySchema.parse(inquiryBody(phone));
    const target = (await readIntakeTarget(db(), phone))!;
    const settings = await readSettings(db());
    const before = await db().outboxEvent.count();
    const attempt = (fingerprint: string, reference: string) =>
      storeInquiry(
        db(),
        inquiry,
        { ...context, requestHash: requestHashOf(inquiry), reference },
        { channel: "API", source: {}, listing: null, settings, now: NOW, target: { ...target, fingerprint } },
        null,
      );

    // Someone changed the lead after it was read: nothing is stored, so nothing is announced.
    const lost = await attempt("changed since it was read", "PL-NOTIFY-LOST");
    expect(lost).toMatchObject({ allowed: true, inquiry: null });
    // The inquiry row fails on its unique reference after the lead's update: the whole statement is undone.
    await expect(attempt(target.fingerprint, earlier.reference)).rejects.toThrow();
    expect(await db().outboxEvent.count()).toBe(before);
    expect(await db().inquiry.count({ where: { leadId: earlier.leadId } })).toBe(1);
  });

  it("writes none with PARKLEAD_NOTIFY=off, while the inquiry is stored as ever", async () => {
    state.notify = "off";
    try {
      const stored = await submit();
      expect(await eventsOf(stored.id)).toEqual([]);
    } finally {
      state.notify = "on";
    }
  });

  it("writes none for a form the spam traps refuse; the same form filled by a person writes one", async () => {
    const { sendInquiry } = await import("@/lib/inquiries/actions");
    const before = await db().outboxEvent.count();

    const spam = inquiryForm(uniquePhone());
    spam.set("website", "https://spam.example");
    spam.set("renderedAt", signRenderTime(Date.now()));
    expect(await sendInquiry({ status: "idle" }, spam)).toMatchObject({ status: "error", formError: "rejected" });
    expect(await db().outboxEvent.count()).toBe(before);
    expect(await db().inquiry.count({ where: { phone: spam.get("phone") as string } })).toBe(0);

    const person = inquiryForm(uniquePhone());
    await expect(sendInquiry({ status: "idle" }, person)).rejects.toMatchObject({
      redirectedTo: expect.stringMatching(/^\/inquire\/sent\//),
    });
    const stored = await db().inquiry.findFirstOrThrow({ where: { phone: person.get("phone") as string } });
    expect(await eventsOf(stored.id)).toHaveLength(1);
    expect(await db().outboxEvent.count()).toBe(before + 1);
  });
}

describe("intake's outbox event on PGlite", () => {
  intakeEventsSuite(() => openTestPglite({ seedDemo: true }));
});

describeOnPostgres("intake's outbox event on PostgreSQL", () => {
  intakeEventsSuite(() => openTestPostgres({ seedDemo: true }));
});
