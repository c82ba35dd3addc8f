import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { exportLeadsCsv } from "@/lib/leads/inbox/export";
import { listInbox } from "@/lib/leads/inbox/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The inbox's CSV speaks the reader's language: a lead's source and UTM medium are stored as codes
 * (`listing`, `direct`, `cpc`) and must reach the spreadsheet as words, and an unowned lead's owner
 * is the pool's one word.
 */

function vocabularySuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let manager: Viewer;

  async function makeUser(role: Role, label: string): Promise<Viewer> {
    const user = await opened.db.user.create({
      data: { email: `${label}-${process.pid}@vocabulary.test`, name: label, role, passwordHash: "x" },
    });
    return { id: user.id, email: user.email, name: user.name, role };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    manager = await makeUser("MANAGER", "经理");
    await opened.db.lead.createMany({
      data: [
        { company: "房源页来的公司", contactName: "甲", phone: "13900000001", source: "listing", ownerId: manager.id },
        { company: "百度来的公司", contactName: "乙", phone: "13900000002", source: "baidu", firstUtmMedium: "cpc" },
        { company: "活动来的公司", contactName: "丙", phone: "13900000003", source: "spring-fair", firstUtmMedium: "" },
      ],
    });
  });
  afterAll(async () => {
    await cleanup?.();
  });

  async function csvRows(locale: "zh-CN" | "en") {
    const result = await exportLeadsCsv(opened.db, manager, { filter: {}, sort: "received" }, { locale });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(result.body).arrayBuffer());
    const [header, ...rows] = text.slice(1).split("\r\n").filter(Boolean);
    const names = header.split(",");
    const column = (row: string, name: string) => row.split(",")[names.indexOf(name)];
    return { names, rows, column };
  }

  it("[MANAGER] the Chinese CSV shows sources, media and the pool as words, never as codes", async () => {
    const { names, rows, column } = await csvRows("zh-CN");
    expect(names).toContain("来源");
    expect(names).toContain("媒介");
    const byCompany = new Map(rows.map((row) => [column(row, "公司"), row]));
    const listing = byCompany.get("房源页来的公司")!;
    expect([column(listing, "来源"), column(listing, "媒介")]).toEqual(["房源页", "直接访问"]);
    const baidu = byCompany.get("百度来的公司")!;
    expect([column(baidu, "来源"), column(baidu, "媒介"), column(baidu, "负责人")]).toEqual([
      "百度",
      "付费搜索",
      "公海",
    ]);
    // A campaign's own utm_source has no word: it is shown as it was sent.
    expect(column(byCompany.get("活动来的公司")!, "来源")).toBe("spring-fair");
    expect(rows.join("\n")).not.toMatch(/,listing,|,direct,|,cpc,/);
  });

  it("[MANAGER] the English CSV uses the English words", async () => {
    const { rows, column } = await csvRows("en");
    const byCompany = new Map(rows.map((row) => [column(row, "Company"), row]));
    const listing = byCompany.get("房源页来的公司")!;
    expect([column(listing, "Source"), column(listing, "Medium")]).toEqual(["Listing page", "Direct"]);
    const baidu = byCompany.get("百度来的公司")!;
    expect([column(baidu, "Source"), column(baidu, "Medium"), column(baidu, "Owner")]).toEqual([
      "Baidu",
      "Paid search",
      "Pool",
    ]);
  });

  it("[MANAGER] the inbox rows carry the medium the page translates", async () => {
    const page = await listInbox(opened.db, manager, { filter: {} });
    if (!page.ok) throw new Error(JSON.stringify(page.fieldErrors));
    const baidu = page.rows.find((row) => row.company === "百度来的公司");
    expect(baidu).toMatchObject({ source: "baidu", medium: "cpc", owner: null });
  });
}

describe("inbox vocabulary on PGlite", () => vocabularySuite(() => openTestPglite()));
describeOnPostgres("inbox vocabulary on PostgreSQL", () => vocabularySuite(() => openTestPostgres()));
