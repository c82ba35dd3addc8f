import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDatabase } from "@/lib/db/open";
import { openAppDatabase } from "@/lib/startup/open-app-database";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { submitInquiry, type SubmissionContext } from "@/lib/inquiries/mutations";
import type { InquiryInput } from "@/lib/inquiries/schema";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { describeOnPostgres, freshPostgresDatabase } from "../support/databases";

const context: SubmissionContext = {
  channel: "API",
  locale: "zh-CN",
  source: { page: "/listings/x", utmSource: "wechat", utmMedium: "social", referrer: "https://mp.weixin.qq.com/s/abc" },
};

let phoneCounter = 0;
/** A unique mainland mobile per call, so tests do not share leads or rate-limit counters. */
function newPhone(): string {
  phoneCounter += 1;
  return `139${String(process.pid % 10_000).padStart(4, "0")}${String(phoneCounter).padStart(4, "0")}`;
}

function inquiry(overrides: Partial<InquiryInput> = {}): InquiryInput {
  return {
    need: { deal: "buy", kind: "factory", area: "2400", areaUnit: "sqm", timeline: "6m" },
    use: "智能制造：伺服电机生产",
    expectedAnnualTax: "300.5",
    company: "上海某某电机有限公司",
    contactName: "王先生",
    phone: newPhone(),
    consent: true,
    ...overrides,
  };
}

function inquiryPathSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it("seeds the demo parks and at least 12 listings, including the seed page's project", async () => {
    const listings = await opened.db.listing.findMany({ include: { park: true } });
    expect(listings.length).toBeGreaterThanOrEqual(12);
    expect(
      listings.some((listing) => listing.title.includes("科创智谷") && listing.park.name === "张江长三角科技城平湖园"),
    ).toBe(true);
    expect(new Set(listings.map((listing) => listing.kind))).toEqual(new Set(["FACTORY", "OFFICE", "LAND"]));
  });

  it("stores an inquiry with its listing snapshot, consent and source, and starts a lead in stage new", async () => {
    const listing = await opened.db.listing.findFirstOrThrow({ where: { kind: "FACTORY", deal: "SALE" } });
    const result = await submitInquiry(
      opened.db,
      inquiry({ listingId: listing.id, phone: "+86 138-0000-0001" }),
      context,
    );
    expect(result).toMatchObject({ ok: true, replayed: false });
    if (!result.ok) return;
    expect(result.reference).toMatch(/^PL-\d{6}-[0-9A-Z]{5}$/);

    const stored = await opened.db.inquiry.findUniqueOrThrow({ where: { id: result.id }, include: { lead: true } });
    expect(stored).toMatchObject({
      reference: result.reference,
      phone: "13800000001",
      listingId: listing.id,
      listingPriceUnit: listing.priceUnit,
      needDeal: "BUY",
      needKind: "FACTORY",
      needAreaUnit: "SQM",
      timeline: "WITHIN_6_MONTHS",
      consentNoticeVersion: PRIVACY_NOTICE_VERSION,
      channel: "API",
      utmSource: "wechat",
      utmMedium: "social",
      referrer: "https://mp.weixin.qq.com/s/abc",
      sourcePage: "/listings/x",
    });
    expect(stored.listingPrice?.toString()).toBe(listing.price.toString());
    expect(stored.listingArea?.toString()).toBe(listing.area.toString());
    expect(stored.expectedAnnualTax.toString()).toBe("300.5");
    expect(stored.consentedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(stored.lead).toMatchObject({ phone: "13800000001", stageKey: "new", company: "上海某某电机有限公司" });
  });

  it("joins a second inquiry from the same phone to the existing lead and keeps both", async () => {
    const phone = newPhone();
    const first = await submitInquiry(opened.db, inquiry({ phone }), context);
    const second = await submitInquiry(
      opened.db,
      inquiry({
        phone: `+86${phone}`,
        company: "上海某某电机有限责任公司",
        wechat: "wang_motor",
        need: { deal: "rent", kind: "land", area: "30", areaUnit: "mu" },
      }),
      context,
    );
    expect(first.ok && second.ok).toBe(true);
    const leads = await opened.db.lead.findMany({ where: { phone }, include: { inquiries: true } });
    expect(leads).toHaveLength(1);
    expect(leads[0].inquiries).toHaveLength(2);
    // The lead keeps what it had and only fills what was missing.
    expect(leads[0].company).toBe("上海某某电机有限公司");
    expect(leads[0].wechat).toBe("wang_motor");
  });

  it("answers a retry with the same Idempotency-Key with the first answer, and refuses the key for a different body", async () => {
    const body = inquiry();
    const keyed = { ...context, idempotencyKey: `retry-${newPhone()}` };
    const first = await submitInquiry(opened.db, body, keyed);
    const retry = await submitInquiry(opened.db, { ...body, need: { ...body.need } }, keyed);
    expect(first.ok && retry.ok).toBe(true);
    if (!first.ok || !retry.ok) return;
    expect(retry).toEqual({ ok: true, id: first.id, reference: first.reference, replayed: true });
    expect(await opened.db.inquiry.count({ where: { idempotencyKey: keyed.idempotencyKey } })).toBe(1);

    const different = await submitInquiry(opened.db, { ...body, use: "另一个用途的咨询" }, keyed);
    expect(different).toEqual({ ok: false, reason: "keyReused" });
  });

  it("stores 20 concurrent submissions exactly once each, and 20 concurrent retries of one key once", async () => {
    const phones = [newPhone(), newPhone(), newPhone(), newPhone()];
    const distinct = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        submitInquiry(opened.db, inquiry({ phone: phones[i % 4], use: `并发咨询 ${i}` }), {
          ...context,
          idempotencyKey: `burst-${phones[0]}-${i}`,
        }),
      ),
    );
    expect(distinct.every((result) => result.ok)).toBe(true);
    expect(await opened.db.inquiry.count({ where: { phone: { in: phones } } })).toBe(20);
    expect(await opened.db.lead.count({ where: { phone: { in: phones } } })).toBe(4);

    const body = inquiry();
    const key = `same-${body.phone}`;
    const retries = await Promise.all(
      Array.from({ length: 20 }, () => submitInquiry(opened.db, body, { ...context, idempotencyKey: key })),
    );
    // Every retry that got through answers with the one inquiry; beyond the per-phone limit a
    // retry storm is told to wait, which is what a limit is for.
    const ids = new Set(retries.flatMap((result) => (result.ok ? [result.id] : [])));
    expect(ids.size).toBe(1);
    expect(retries.every((result) => result.ok || result.reason === "rateLimited")).toBe(true);
    expect(await opened.db.inquiry.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await opened.db.lead.count({ where: { phone: body.phone as string } })).toBe(1);
  });

  it("rate-limits per phone and per IP, with the time to wait", async () => {
    const phone = newPhone();
    const results = [];
    for (let i = 0; i < 9; i++)
      results.push(await submitInquiry(opened.db, inquiry({ phone, use: `第 ${i} 次咨询` }), context));
    expect(results.slice(0, 8).every((result) => result.ok)).toBe(true);
    expect(results[8]).toMatchObject({ ok: false, reason: "rateLimited" });
    const limited = results[8] as { retryAfterSeconds: number };
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    expect(limited.retryAfterSeconds).toBeLessThanOrEqual(3600);
    expect(await opened.db.inquiry.count({ where: { phone } })).toBe(8);

    const ip = `198.51.100.${(phoneCounter % 200) + 1}`;
    const fromIp = [];
    for (let i = 0; i < 31; i++) fromIp.push(await submitInquiry(opened.db, inquiry(), { ...context, clientIp: ip }));
    expect(fromIp.filter((result) => result.ok)).toHaveLength(30);
    expect(fromIp[30]).toMatchObject({ ok: false, reason: "rateLimited" });
  });

  it("refuses an inquiry about a listing that does not exist and stores nothing", async () => {
    const body = inquiry({ listingId: "no-such-listing" });
    expect(await submitInquiry(opened.db, body, context)).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { listingId: "listingGone" },
    });
    expect(await opened.db.lead.count({ where: { phone: body.phone as string } })).toBe(0);
  });

  it("never stores a lead without its inquiry when the insert fails half-way", async () => {
    await opened.db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_marked_inquiry() RETURNS trigger AS $$
      BEGIN IF NEW."use" = 'FAIL-HALFWAY' THEN RAISE EXCEPTION 'refused by test trigger'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await opened.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_marked_inquiry BEFORE INSERT ON "Inquiry" FOR EACH ROW EXECUTE FUNCTION refuse_marked_inquiry()`,
    );
    try {
      const body = inquiry({ use: "FAIL-HALFWAY" });
      await expect(submitInquiry(opened.db, body, context)).rejects.toThrow(/refused by test trigger/);
      expect(await opened.db.lead.count({ where: { phone: body.phone as string } })).toBe(0);
    } finally {
      await opened.db.$executeRawUnsafe(`DROP TRIGGER refuse_marked_inquiry ON "Inquiry"`);
    }
  });

  it("returns validation errors without touching the database", async () => {
    const before = await opened.db.inquiry.count();
    const result = await submitInquiry(opened.db, { ...inquiry(), phone: "12345", consent: false, extra: 1 }, context);
    expect(result).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { phone: "phone", consent: "consent", extra: "unknownField" },
    });
    expect(await opened.db.inquiry.count()).toBe(before);
  });
}

describe("inquiry path on PGlite", () => {
  let dataDir: string;
  inquiryPathSuite(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "parklead-pglite-"));
    const opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
    return {
      opened,
      cleanup: async () => {
        await opened.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  });
});

describeOnPostgres("inquiry path on PostgreSQL", () => {
  inquiryPathSuite(async () => {
    const database = await freshPostgresDatabase();
    const opened = await openAppDatabase({ kind: "postgres", url: database.url, poolSize: 25, seedDemo: true });
    return {
      opened,
      cleanup: async () => {
        await opened.close();
        await database.drop();
      },
    };
  });
});

describe("the embedded database across restarts", () => {
  it("keeps inquiries across restarts and seeds only once", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-restart-"));
    try {
      const first = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
      const listings = await first.db.listing.count();
      const result = await submitInquiry(first.db, inquiry(), context);
      expect(result.ok).toBe(true);
      await first.close();

      const second = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
      expect(await second.db.listing.count()).toBe(listings);
      expect(await second.db.inquiry.count({ where: { id: result.ok ? result.id : "" } })).toBe(1);
      await second.close();

      // A demo operator may delete every demo listing; a restart must not bring them back.
      const third = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
      await third.db.listingPhoto.deleteMany();
      await third.db.inquiry.updateMany({ data: { listingId: null } });
      await third.db.listing.deleteMany();
      await third.close();
      const fourth = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: true });
      expect(await fourth.db.listing.count()).toBe(0);
      await fourth.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("reports a closed or unreachable database as unavailable, not as a bug", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-down-"));
    const opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo: false });
    await opened.close();
    const error = await submitInquiry(opened.db, inquiry(), context).catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(error)).toBe(true);
    await rm(dataDir, { recursive: true, force: true });

    const refused = await openAppDatabase({
      kind: "postgres",
      url: "postgresql://nobody@127.0.0.1:1/none",
      poolSize: 1,
      seedDemo: false,
    }).catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(refused)).toBe(true);
  });
});
