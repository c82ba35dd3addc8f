import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import * as inquiriesRoute from "@/app/api/inquiries/route";
import type { Database } from "@/lib/db/client";
import { conversionReport } from "@/lib/reports/conversion/queries";
import { inquiryBody, uniqueIp } from "../support/door-fixtures";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { filterOf, pick, reportTable, reportViewer } from "../support/report-views";

const current = vi.hoisted(() => ({ db: undefined as Database | undefined }));
vi.mock("@/lib/db/client", () => {
  const db = () => {
    if (!current.db) throw new Error("no test database is open");
    return current.db;
  };
  return { getDb: async () => db(), getOpenedDatabase: async () => ({ db: db() }) };
});

/** Posts an inquiry as a browser on `referer` would, to the server reached as `url`; answers what intake stored. */
async function postFrom(db: Database, referer: string, url = "http://10.0.0.5:3000/api/inquiries") {
  const body = inquiryBody();
  const response = await inquiriesRoute.POST(
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": uniqueIp(), referer },
      body: JSON.stringify(body),
    }),
  );
  expect(response.status).toBe(201);
  const inquiry = await db.inquiry.findFirstOrThrow({
    where: { phone: body.phone },
    select: { referrer: true, lead: { select: { firstReferrer: true } } },
  });
  return { inquiry: inquiry.referrer, lead: inquiry.lead.firstReferrer };
}

function referrerSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    database = await open();
    db = database.opened.db;
    current.db = db;
  });
  afterAll(async () => {
    current.db = undefined;
    await database?.cleanup();
  });
  afterEach(() => vi.unstubAllEnvs());

  it("stores a page of the site itself as no referrer: the host the request reached, or the public address", async () => {
    vi.stubEnv("NEXTAUTH_URL", "https://zhaoshang.example.cn");
    expect(await postFrom(db, "http://10.0.0.5:3000/listings/abc")).toEqual({ inquiry: null, lead: null });
    expect(await postFrom(db, "https://www.Zhaoshang.example.cn/inquire?x=1")).toEqual({ inquiry: null, lead: null });
    // Another site, and a subdomain of ours that is a site of its own, are kept as they came.
    const wechat = "https://mp.weixin.qq.com/s/pinghu";
    expect(await postFrom(db, wechat)).toEqual({ inquiry: wechat, lead: wechat });
    const blog = "https://blog.zhaoshang.example.cn/post";
    expect(await postFrom(db, blog)).toEqual({ inquiry: blog, lead: blog });
  });

  it("[MANAGER] the conversion report counts an own-host referrer stored earlier as direct, never as a site", async () => {
    // Stored while the public address was not yet configured, as rows from before this rule were.
    const own = "https://park-reports.example.cn/listings/1";
    expect((await postFrom(db, own)).lead).toBe(own);
    // The report's days are Shanghai days: from 16:00 UTC on, the UTC date is still yesterday's.
    const today = shanghaiDay(new Date());
    const filter = filterOf({ range: "custom", from: today, to: today });
    const referrers = async () =>
      pick(reportTable(await conversionReport(db, reportViewer("m", "MANAGER"), filter), referrerTable), [
        "referrer",
      ]).map(([name]) => name);
    expect(await referrers()).toContain("park-reports.example.cn");

    vi.stubEnv("NEXTAUTH_URL", "https://park-reports.example.cn/");
    const shown = await referrers();
    expect(shown).not.toContain("park-reports.example.cn");
    expect(shown).toContain("直接访问");
  });
}

const referrerTable = "reportsConversion.tables.referrer";

describe("the referring site on PGlite", () => referrerSuite(() => openTestPglite()));
describeOnPostgres("the referring site on PostgreSQL", () => referrerSuite(() => openTestPostgres()));
