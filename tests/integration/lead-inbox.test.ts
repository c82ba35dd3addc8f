import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { assignLeads, claimLead } from "@/lib/leads/assign/mutations";
import { companyKey } from "@/lib/leads/company-key";
import { encodeCursor, type Direction, type InboxSort } from "@/lib/leads/inbox/cursor";
import { exportLeadsCsv } from "@/lib/leads/inbox/export";
import { listInbox, type InboxPage } from "@/lib/leads/inbox/queries";
import { inboxFilterOptions } from "@/lib/leads/filter/options";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { tallyDrift } from "../support/report-tallies";

/*
 * The inbox over 137 leads built to be awkward: createdAt, score and last activity repeat in
 * runs, a third have no score and a quarter no activity, ids run in a different order from
 * creation. Expected pages come from sorting the rows in JavaScript; the database must agree.
 */

const DAY = 86_400_000;
const BASE = Date.parse("2026-10-01T02:00:00Z");
const NOW = new Date(BASE + 60 * DAY);
const GENERATED = 130;

interface Seeded {
  id: string;
  company: string;
  contactName: string;
  phone: string;
  ownerId: string | null;
  stageKey: string;
  source: string;
  parkId: string | null;
  listingId: string | null;
  createdAt: Date;
  score: number | null;
  lastActivityAt: Date | null;
  nextFollowUpAt: Date | null;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  archivedAt: Date | null;
  mergedIntoId: string | null;
}

function inboxSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const viewers = {} as Record<"staffA" | "staffB" | "manager" | "admin", Viewer>;
  let leads: Seeded[] = [];

  async function makeUser(role: Role, label: string): Promise<Viewer> {
    const user = await opened.db.user.create({
      data: { email: `${label}-${process.pid}@inbox.test`, name: label, role, passwordHash: "x" },
    });
    return { id: user.id, email: user.email, name: user.name, role };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    const db = opened.db;
    viewers.staffA = await makeUser("STAFF", "专员甲");
    viewers.staffB = await makeUser("STAFF", "专员乙");
    viewers.manager = await makeUser("MANAGER", "经理");
    viewers.admin = await makeUser("ADMIN", "管理员");
    const listing = await db.listing.findFirstOrThrow({ select: { id: true, parkId: true } });
    const owners = [viewers.staffA.id, viewers.staffB.id, null, viewers.manager.id];
    const stages = ["new", "contacted", "site_visit", "negotiation", "lost"];
    const base = (
      i: number,
      fields: Partial<Seeded> & Pick<Seeded, "id" | "company" | "contactName" | "phone">,
    ): Seeded => ({
      ownerId: owners[i % 4],
      stageKey: stages[i % 5],
      source: ["baidu", "direct", "expo"][i % 3],
      parkId: i % 3 === 1 ? listing.parkId : null,
      listingId: i % 3 === 1 ? listing.id : null,
      createdAt: new Date(BASE + Math.floor(i / 4) * DAY * 0.4),
      score: i % 3 === 0 ? null : (i % 5) * 10,
      lastActivityAt: i % 4 === 0 ? null : new Date(BASE + (i % 6) * 3_600_000),
      nextFollowUpAt: i % 7 === 0 ? new Date(NOW.getTime() - DAY) : i % 7 === 1 ? new Date(NOW.getTime() + DAY) : null,
      firstResponseDueAt: i % 6 < 2 ? new Date(NOW.getTime() - 7_200_000) : null,
      firstRespondedAt: i % 6 === 1 ? new Date(NOW.getTime() - 9_000_000) : null,
      archivedAt: i === 10 || i === 11 ? new Date(NOW.getTime() - DAY) : null,
      mergedIntoId: null,
      ...fields,
    });
    // 37 and 130 share no factor: ids are a permutation of creation order.
    leads = Array.from({ length: GENERATED }, (_, i) =>
      base(i, {
        id: `l${String((i * 37) % GENERATED).padStart(4, "0")}x`,
        company: `测试企业${i}号有限公司`,
        contactName: `联系人${i}`,
        phone: `150${String(i).padStart(8, "0")}`,
      }),
    );
    leads.push(
      base(2, {
        id: "s001",
        company: "苏州精密机械有限公司",
        contactName: "王伟",
        phone: "13812345678",
        ownerId: null,
      }),
      base(1, {
        id: "s002",
        company: "杭州精工制造有限公司",
        contactName: "王小伟",
        phone: "13912345679",
        ownerId: viewers.staffB.id,
      }),
      base(0, {
        id: "s003",
        company: "Acme Robotics (Suzhou) Co., Ltd.",
        contactName: "李娜",
        phone: "13913800000",
        ownerId: viewers.staffA.id,
      }),
      base(3, {
        id: "s004",
        company: "Pacme Trading",
        contactName: "赵敏",
        phone: "13700000001",
        ownerId: viewers.manager.id,
      }),
      base(4, {
        id: "s005",
        company: "苏州精密机械有限责任公司",
        contactName: "陈静",
        phone: "13600000002",
        ownerId: viewers.staffA.id,
      }),
      base(5, {
        id: "s006",
        company: "ACME Robotics（Suzhou）Co.,Ltd.",
        contactName: "周",
        phone: "13600000003",
        mergedIntoId: "s003",
      }),
      base(6, {
        id: "s007",
        company: '=HYPERLINK("http://x.test","点我")',
        contactName: 'Smith, "JJ"',
        phone: "13600000004",
        ownerId: viewers.staffA.id,
      }),
    );
    await db.lead.createMany({
      data: leads.map((lead) => ({
        ...lead,
        mergedIntoId: null,
        companyKey: companyKey(lead.company),
        searchTokens: leadSearchTokens(lead),
      })),
    });
    await db.lead.update({ where: { id: "s006" }, data: { mergedIntoId: "s003" } });
  });
  afterAll(async () => {
    await cleanup?.();
  });

  const live = () => leads.filter((lead) => !lead.mergedIntoId && !lead.archivedAt);
  const visibleTo = (viewer: Viewer) =>
    live().filter((lead) => viewer.role !== "STAFF" || lead.ownerId === viewer.id || lead.ownerId === null);
  const valueOf = (lead: Seeded, sort: InboxSort) =>
    sort === "received"
      ? lead.createdAt.getTime()
      : sort === "score"
        ? lead.score
        : (lead.lastActivityAt?.getTime() ?? null);

  /** The oracle: values in the direction, rows without one last, ties broken by id the same way. */
  function expectedOrder(rows: Seeded[], sort: InboxSort, direction: Direction): string[] {
    const sign = direction === "asc" ? 1 : -1;
    return [...rows]
      .sort((a, b) => {
        const [x, y] = [valueOf(a, sort), valueOf(b, sort)];
        const byId = sign * (a.id < b.id ? -1 : 1);
        if (x === null || y === null) return x === y ? byId : x === null ? 1 : -1;
        return x === y ? byId : sign * (x - y);
      })
      .map((lead) => lead.id);
  }

  async function page(viewer: Viewer, input: Record<string, unknown>): Promise<InboxPage> {
    const result = await listInbox(opened.db, viewer, input, NOW);
    if (!result.ok) throw new Error(`inbox refused: ${JSON.stringify(result.fieldErrors)}`);
    return result;
  }

  /** Every page from the first by "next"; then back from the last by "previous". */
  async function walk(viewer: Viewer, query: Record<string, unknown>) {
    const pages: InboxPage[] = [await page(viewer, query)];
    while (pages.at(-1)!.next) pages.push(await page(viewer, { ...query, cursor: pages.at(-1)!.next }));
    const back: InboxPage[] = [pages.at(-1)!];
    while (back.at(-1)!.previous) back.push(await page(viewer, { ...query, cursor: back.at(-1)!.previous }));
    return {
      forward: pages.map((p) => p.rows.map((row) => row.id)),
      backward: back.reverse().map((p) => p.rows.map((row) => row.id)),
    };
  }

  describe("keyset pagination", () => {
    for (const sort of ["received", "score", "activity"] as const) {
      for (const direction of ["desc", "asc"] as const) {
        it(`[MANAGER] walks every lead exactly once by ${sort} ${direction}, forwards and back`, async () => {
          const { forward, backward } = await walk(viewers.manager, { filter: {}, sort, direction });
          const expected = expectedOrder(live(), sort, direction);
          expect(forward.flat()).toEqual(expected);
          expect(forward.map((ids) => ids.length)).toEqual([50, 50, expected.length - 100]);
          expect(backward).toEqual(forward);
        });
      }
    }

    it("[STAFF] walks only their own and pool leads", async () => {
      const { forward } = await walk(viewers.staffA, { filter: {}, sort: "score", direction: "desc" });
      expect(forward.flat()).toEqual(expectedOrder(visibleTo(viewers.staffA), "score", "desc"));
    });

    it("marks the first page as such and offers no previous page", async () => {
      const first = await page(viewers.manager, { filter: {} });
      expect(first).toMatchObject({ paged: false, previous: null });
      const second = await page(viewers.manager, { filter: {}, cursor: first.next });
      expect(second.paged).toBe(true);
      expect(second.previous).not.toBeNull();
    });

    it("leads back from a page left empty (every row after the cursor gone) to the 50 rows before the cursor's row", async () => {
      const order = expectedOrder(live(), "received", "desc");
      const last = leads.find((lead) => lead.id === order.at(-1))!;
      const cursor = encodeCursor({
        sort: "received",
        direction: "desc",
        way: "after",
        value: last.createdAt.toISOString(),
        id: last.id,
      });
      const empty = await page(viewers.manager, { filter: {}, cursor });
      expect(empty).toMatchObject({ rows: [], next: null, paged: true });
      const back = await page(viewers.manager, { filter: {}, cursor: empty.previous });
      expect(back.rows.map((row) => row.id)).toEqual(order.slice(-51, -1));
    });

    it("answers a tampered cursor, or one from another order, with a field error", async () => {
      const first = await page(viewers.manager, { filter: {} });
      const tampered = first.next!.slice(0, -3) + "AAA";
      expect(await listInbox(opened.db, viewers.manager, { filter: {}, cursor: tampered }, NOW)).toEqual({
        ok: false,
        fieldErrors: { cursor: "invalid" },
      });
      expect(
        await listInbox(opened.db, viewers.manager, { filter: {}, sort: "score", cursor: first.next }, NOW),
      ).toEqual({ ok: false, fieldErrors: { cursor: "invalid" } });
    });
  });

  describe("filters", () => {
    const all = async (viewer: Viewer, filter: Record<string, string>) =>
      (await walk(viewer, { filter })).forward.flat().sort();
    const ids = (rows: Seeded[]) => rows.map((lead) => lead.id).sort();
    const shanghaiDay = (date: Date) => new Date(date.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

    it("each narrow the inbox to exactly the leads they describe", async () => {
      const { manager, staffA, staffB } = viewers;
      const from = shanghaiDay(new Date(BASE + 5 * DAY));
      const to = shanghaiDay(new Date(BASE + 9 * DAY));
      const cases: [Viewer, Record<string, string>, Seeded[]][] = [
        [manager, { stage: "contacted" }, live().filter((lead) => lead.stageKey === "contacted")],
        [manager, { owner: staffB.id }, live().filter((lead) => lead.ownerId === staffB.id)],
        [manager, { owner: "unassigned" }, live().filter((lead) => lead.ownerId === null)],
        [staffA, { owner: "mine" }, live().filter((lead) => lead.ownerId === staffA.id)],
        [manager, { park: leads.find((lead) => lead.parkId)!.parkId! }, live().filter((lead) => lead.parkId)],
        [
          manager,
          { listing: leads.find((lead) => lead.listingId)!.listingId! },
          live().filter((lead) => lead.listingId),
        ],
        [manager, { source: "expo" }, live().filter((lead) => lead.source === "expo")],
        [
          manager,
          { from, to },
          live().filter((lead) => shanghaiDay(lead.createdAt) >= from && shanghaiDay(lead.createdAt) <= to),
        ],
        [manager, { overdue: "1" }, live().filter((lead) => lead.nextFollowUpAt && lead.nextFollowUpAt < NOW)],
        [
          manager,
          { late: "1" },
          live().filter((lead) => !lead.firstRespondedAt && lead.firstResponseDueAt && lead.firstResponseDueAt < NOW),
        ],
        [manager, { archived: "1" }, leads.filter((lead) => lead.archivedAt && !lead.mergedIntoId)],
        [
          manager,
          { stage: "new", owner: staffA.id, source: "baidu" },
          live().filter((lead) => lead.stageKey === "new" && lead.ownerId === staffA.id && lead.source === "baidu"),
        ],
      ];
      for (const [viewer, filter, expected] of cases) {
        expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
        expect(await all(viewer, filter), JSON.stringify(filter)).toEqual(ids(expected));
      }
    });

    it.each([
      ["a Chinese company fragment", "精密", ["s001", "s005"]],
      ["a two-character contact name", "王伟", ["s001"]],
      ["an English company prefix, any case", "acme", ["s003"]],
      ["a phone's last four digits", "5678", ["s001"]],
      ["a phone's first three digits", "138", ["s001"]],
      ["two terms that must both match", "苏州 王伟", ["s001"]],
    ])("search finds leads by %s and nothing else", async (_label, q, expected) => {
      expect(await all(viewers.manager, { q })).toEqual(expected);
    });

    it("[STAFF] search stays inside their own and pool leads", async () => {
      expect(await all(viewers.staffB, { q: "精密" })).toEqual(["s001"]);
    });
  });

  describe("rows", () => {
    it("[STAFF] see pool phones masked and their own in full; managers see every phone", async () => {
      const staffPage = await page(viewers.staffA, { filter: { q: "精密" } });
      expect(staffPage.rows.map((row) => row.id).sort()).toEqual(["s001", "s005"]);
      expect(staffPage.rows.find((row) => row.id === "s001")?.phone).toBe("138****5678");
      expect(staffPage.rows.find((row) => row.id === "s005")?.phone).toBe("13600000002");
      const managerPage = await page(viewers.manager, { filter: { q: "精密" } });
      expect(managerPage.rows.find((row) => row.id === "s001")?.phone).toBe("13812345678");
    });

    it("flag a company another live lead shares (a merged-away one does not count), and never list merged leads", async () => {
      const rows = (await page(viewers.manager, { filter: { q: "苏州" } })).rows;
      expect(
        rows
          .filter((row) => row.duplicate)
          .map((row) => row.id)
          .sort(),
      ).toEqual(["s001", "s005"]);
      expect((await page(viewers.manager, { filter: { q: "acme" } })).rows).toMatchObject([
        { id: "s003", duplicate: false },
      ]);
      expect((await page(viewers.manager, { filter: { q: "13600000003" } })).rows).toEqual([]);
      const generated = (await page(viewers.manager, { filter: { overdue: "1", late: "1" } })).rows[0];
      expect(generated).toMatchObject({
        overdue: true,
        late: true,
        duplicate: false,
        stage: { key: expect.any(String), name: expect.any(String) },
      });
    });

    it("offer the filter form's choices: staff choose only themselves as owner", async () => {
      const managerOptions = await inboxFilterOptions(opened.db, viewers.manager);
      expect(managerOptions.sources).toEqual(["baidu", "direct", "expo"]);
      expect(managerOptions.stages.map((stage) => stage.key)).toContain("site_visit");
      expect(managerOptions.owners.map((owner) => owner.id)).toEqual(
        expect.arrayContaining([viewers.staffA.id, viewers.staffB.id, viewers.manager.id]),
      );
      expect((await inboxFilterOptions(opened.db, viewers.staffA)).owners).toEqual([
        { id: viewers.staffA.id, name: viewers.staffA.name },
      ]);
    });
  });

  describe("who may do what", () => {
    const found = async (viewer: Viewer, q: string) =>
      (await page(viewer, { filter: { q } })).rows.map((row) => row.id);

    it("[ANONYMOUS] cannot read the inbox, its options or export", async () => {
      await expect(listInbox(opened.db, null, { filter: {} })).rejects.toBeInstanceOf(AccessDenied);
      await expect(inboxFilterOptions(opened.db, null)).rejects.toBeInstanceOf(AccessDenied);
      const before = await opened.db.auditEntry.count({ where: { action: "lead.export" } });
      await expect(exportLeadsCsv(opened.db, null, { filter: {} }, { locale: "zh-CN" })).rejects.toBeInstanceOf(
        AccessDenied,
      );
      expect(await opened.db.auditEntry.count({ where: { action: "lead.export" } })).toBe(before);
    });

    it("[STAFF] cannot bulk assign; a manager can, in one audited batch", async () => {
      const ids = ["l0003x", "l0040x"];
      await expect(
        assignLeads(opened.db, viewers.staffA, { leadIds: ids, ownerId: viewers.staffA.id }),
      ).rejects.toBeInstanceOf(AccessDenied);
      expect(await assignLeads(opened.db, viewers.manager, { leadIds: ids, ownerId: viewers.staffB.id })).toMatchObject(
        { ok: true },
      );
      const rows = await opened.db.lead.findMany({ where: { id: { in: ids } }, select: { ownerId: true } });
      expect(rows.map((row) => row.ownerId)).toEqual([viewers.staffB.id, viewers.staffB.id]);
      await assignLeads(opened.db, viewers.manager, { leadIds: ids, ownerId: null });
      leads.filter((lead) => ids.includes(lead.id)).forEach((lead) => (lead.ownerId = null));
    });

    it("[STAFF] claims a pool lead once; it then shows with its phone in full", async () => {
      const pool = leads.find(
        (lead) => lead.ownerId === null && !lead.archivedAt && !lead.mergedIntoId && lead.id.startsWith("l"),
      )!;
      expect(await claimLead(opened.db, viewers.staffA, { leadId: pool.id })).toEqual({ ok: true, changed: 1 });
      expect(await claimLead(opened.db, viewers.staffB, { leadId: pool.id })).toEqual({
        ok: false,
        fieldErrors: { leadId: "alreadyClaimed" },
      });
      pool.ownerId = viewers.staffA.id;
      const row = (await page(viewers.staffA, { filter: { q: pool.phone } })).rows[0];
      expect(row).toMatchObject({ id: pool.id, phone: pool.phone, owner: { id: viewers.staffA.id } });
      expect(await found(viewers.staffB, pool.phone)).toEqual([]);
    });
  });

  describe("CSV export", () => {
    async function exported(
      viewer: Viewer,
      input: Record<string, unknown>,
      locale: "zh-CN" | "en" = "zh-CN",
      batchSize?: number,
    ) {
      const result = await exportLeadsCsv(opened.db, viewer, input, { locale, now: NOW, batchSize });
      if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
      const bytes = new Uint8Array(await new Response(result.body).arrayBuffer());
      return { result, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
    }

    it("[MANAGER] gets every lead of the filter in small batches, UTF-8 with BOM, audited with filter and count", async () => {
      const { result, bytes, text } = await exported(viewers.manager, { filter: {}, sort: "score" }, "zh-CN", 7);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = text.slice(1).split("\r\n").filter(Boolean);
      expect(lines[0]).toBe(
        "阶段,负责人,公司,联系人,手机号,租售,类型,需求面积,面积单位,用途,预计年税收（万元）,投资额（万元）,准入评分,来源,媒介,房源,园区,收到时间,最近跟进,下次跟进",
      );
      expect(result.rows).toBe(live().length);
      const phones = lines.slice(1).map((line) => line.match(/,(1\d{10}),/)?.[1]);
      expect(phones.sort()).toEqual(
        live()
          .map((lead) => lead.phone)
          .sort(),
      );
      expect(result.filename).toMatch(/^线索-\d{8}-\d{4}\.csv$/);
      const audit = await opened.db.auditEntry.findFirstOrThrow({
        where: { action: "lead.export", actorId: viewers.manager.id },
        orderBy: { createdAt: "desc" },
      });
      expect(audit.details).toMatchObject({ filter: {}, sort: "score", rows: live().length });
    });

    it("quotes commas and quotes and neutralises formulas", async () => {
      const { text } = await exported(viewers.manager, { filter: { q: "13600000004" } }, "en");
      const [head, row] = text.slice(1).split("\r\n");
      expect(head.startsWith("Stage,Owner,Company,Contact,Mobile")).toBe(true);
      expect(row).toContain(`"'=HYPERLINK(""http://x.test"",""点我"")","Smith, ""JJ""",13600000004`);
    });

    it("[STAFF] exports only their own and pool leads, pool phones masked as on screen", async () => {
      const { text, result } = await exported(viewers.staffA, { filter: {} });
      expect(result.rows).toBe(visibleTo(viewers.staffA).length);
      expect(text).toContain("138****5678");
      expect(text).not.toContain("13812345678");
      expect(text).not.toContain("杭州精工制造有限公司");
      const others = await exported(viewers.staffA, { filter: { owner: viewers.staffB.id } });
      expect(others.result.rows).toBe(0);
      expect(others.text.slice(1).split("\r\n").filter(Boolean)).toHaveLength(1);
      const audit = await opened.db.auditEntry.findFirstOrThrow({
        where: { action: "lead.export", actorId: viewers.staffA.id },
        orderBy: { createdAt: "desc" },
      });
      expect(audit.details).toMatchObject({ filter: { owner: viewers.staffB.id }, rows: 0 });
    });

    it("refuses an unreadable filter instead of exporting more than asked", async () => {
      expect(
        await exportLeadsCsv(
          opened.db,
          viewers.manager,
          { filter: { from: "2026-02-30", stage: "Not A Key" } },
          { locale: "zh-CN" },
        ),
      ).toEqual({
        ok: false,
        fieldErrors: { "filter.stage": "invalid", "filter.from": "date" },
      });
    });
  });

  // Every intake, move, merge and reassignment above went through the database triggers that keep the report tallies.
  it("kept the report tallies equal to a recount of every lead and inquiry", async () => {
    expect(await tallyDrift(opened.db)).toEqual([]);
  });
}

describe("lead inbox on PGlite", () => inboxSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("lead inbox on PostgreSQL", () => inboxSuite(() => openTestPostgres({ seedDemo: true })));
