import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { logActivity } from "@/lib/activities/mutations";
import { claimLead } from "@/lib/leads/assign/mutations";
import { companyKey } from "@/lib/leads/company-key";
import { leadDetail } from "@/lib/leads/detail/queries";
import { updateLead } from "@/lib/leads/edit/mutations";
import { matchingListings } from "@/lib/leads/detail/matching";
import { createTask, setTaskDone } from "@/lib/tasks/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

let counter = 0;
const unique = (label: string) => `${label}-${process.pid}-${++counter}`;
const phone = () => `139${String(process.pid % 10_000).padStart(4, "0")}${String(++counter).padStart(4, "0")}`;
const HOUR = 3600_000;

function leadPageSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const viewers = {} as Record<"staff" | "otherStaff" | "manager", Viewer>;

  async function makeUser(role: Role, name: string): Promise<Viewer> {
    const email = `${unique(role.toLowerCase())}@park.test`;
    const user = await opened.db.user.create({ data: { email, name, role, passwordHash: "not used" } });
    return { id: user.id, email, name, role };
  }

  /** A lead with one inquiry, as the intake leaves it. */
  async function makeLead(
    ownerId: string | null,
    fields: Partial<{ company: string; industry: string; needArea: string }> = {},
  ) {
    const company = fields.company ?? `${unique("平湖精工")}有限公司`;
    const lead = await opened.db.lead.create({
      data: {
        phone: phone(),
        company,
        companyKey: companyKey(company),
        contactName: "张经理",
        ownerId,
        needDeal: "BUY",
        needKind: "FACTORY",
        needArea: fields.needArea ?? "2000",
        needAreaUnit: "SQM",
        use: "工业机器人减速器生产",
        industry: fields.industry ?? null,
        expectedAnnualTax: "260",
      },
    });
    await opened.db.inquiry.create({
      data: {
        reference: unique("PL-261126"),
        requestHash: "test",
        leadId: lead.id,
        needDeal: "BUY",
        needKind: "FACTORY",
        needArea: "2000",
        needAreaUnit: "SQM",
        use: "工业机器人减速器生产",
        expectedAnnualTax: "260",
        company,
        contactName: "张经理",
        phone: lead.phone,
        consentNoticeVersion: "2026-11",
        consentedAt: new Date(Date.now() - 2 * HOUR),
        channel: "FORM",
        locale: "zh-CN",
        utmSource: "wechat",
        createdAt: new Date(Date.now() - 2 * HOUR),
      },
    });
    return lead;
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.staff = await makeUser("STAFF", "王专员");
    viewers.otherStaff = await makeUser("STAFF", "李专员");
    viewers.manager = await makeUser("MANAGER", "赵经理");
  });
  afterAll(async () => {
    await cleanup?.();
  });

  describe("who may work a lead", () => {
    it("[STAFF] cannot read, edit, log on, or add or complete tasks on another officer's lead by guessing its id", async () => {
      const theirs = await makeLead(viewers.otherStaff.id);
      const task = await opened.db.task.create({
        data: { leadId: theirs.id, assigneeId: viewers.otherStaff.id, title: "回电", dueAt: new Date() },
      });
      const { staff } = viewers;
      expect(await leadDetail(opened.db, staff, theirs.id)).toBeNull();
      expect(await updateLead(opened.db, staff, { leadId: theirs.id, version: 1, company: "被改掉的公司" })).toEqual({
        ok: false,
        fieldErrors: { leadId: "notFound" },
      });
      expect(await logActivity(opened.db, staff, { leadId: theirs.id, kind: "NOTE", body: "偷看" })).toEqual({
        ok: false,
        fieldErrors: { leadId: "notFound" },
      });
      expect(
        await createTask(opened.db, staff, { leadId: theirs.id, title: "抢单", dueAt: "2026-12-01T10:00" }),
      ).toEqual({ ok: false, fieldErrors: { leadId: "notFound" } });
      expect(await setTaskDone(opened.db, staff, { taskId: task.id, done: true })).toEqual({
        ok: false,
        fieldErrors: { taskId: "notFound" },
      });
      const after = await opened.db.lead.findUniqueOrThrow({
        where: { id: theirs.id },
        include: { activities: true, tasks: true },
      });
      expect(after).toMatchObject({
        company: theirs.company,
        version: 1,
        activities: [],
        tasks: [{ id: task.id, doneAt: null }],
      });
      // A manager works every lead.
      expect(await leadDetail(opened.db, viewers.manager, theirs.id)).not.toBeNull();
    });

    it("[STAFF] reads and works their own leads and the unassigned pool", async () => {
      for (const lead of [await makeLead(viewers.staff.id), await makeLead(null)]) {
        expect((await leadDetail(opened.db, viewers.staff, lead.id))?.lead.id).toBe(lead.id);
        expect(
          await updateLead(opened.db, viewers.staff, { leadId: lead.id, version: 1, industry: "智能制造" }),
        ).toMatchObject({ ok: true, version: 2 });
        expect(
          await logActivity(opened.db, viewers.staff, { leadId: lead.id, kind: "NOTE", body: "已加微信" }),
        ).toMatchObject({ ok: true });
        expect(
          await createTask(opened.db, viewers.staff, { leadId: lead.id, title: "回电", dueAt: "2026-12-01T10:00" }),
        ).toMatchObject({ ok: true });
      }
    });

    it("[ANONYMOUS] is refused by every door", async () => {
      const lead = await makeLead(null);
      await expect(leadDetail(opened.db, null, lead.id)).rejects.toBeInstanceOf(AccessDenied);
      await expect(updateLead(opened.db, null, { leadId: lead.id, version: 1 })).rejects.toBeInstanceOf(AccessDenied);
      await expect(logActivity(opened.db, null, { leadId: lead.id, kind: "NOTE", body: "x" })).rejects.toBeInstanceOf(
        AccessDenied,
      );
      await expect(
        createTask(opened.db, null, { leadId: lead.id, title: "x", dueAt: "2026-12-01T10:00" }),
      ).rejects.toBeInstanceOf(AccessDenied);
      await expect(setTaskDone(opened.db, null, { taskId: "x", done: true })).rejects.toBeInstanceOf(AccessDenied);
    });

    it("[STAFF] sees a pool lead's phone masked until they claim it; [MANAGER] sees it in full", async () => {
      const lead = await makeLead(null);
      const masked = `${lead.phone.slice(0, 3)}****${lead.phone.slice(-4)}`;
      expect((await leadDetail(opened.db, viewers.staff, lead.id))?.lead).toMatchObject({
        phone: masked,
        phoneMasked: true,
      });
      expect((await leadDetail(opened.db, viewers.manager, lead.id))?.lead).toMatchObject({
        phone: lead.phone,
        phoneMasked: false,
      });
      expect(await claimLead(opened.db, viewers.staff, { leadId: lead.id })).toMatchObject({ ok: true });
      const claimed = await leadDetail(opened.db, viewers.staff, lead.id);
      expect(claimed?.lead).toMatchObject({ phone: lead.phone, phoneMasked: false, owner: { id: viewers.staff.id } });
      expect(claimed?.can.claim).toBe(false);
      // The other officer now reads it as missing.
      expect(await leadDetail(opened.db, viewers.otherStaff, lead.id)).toBeNull();
    });
  });

  describe("the page's contents", () => {
    it("lists inquiries with their source and consent, and a timeline of activities and arrivals, newest first", async () => {
      const lead = await makeLead(viewers.staff.id);
      await logActivity(opened.db, viewers.staff, {
        leadId: lead.id,
        kind: "CALL",
        outcome: "reached",
        body: "约下周实地考察",
      });
      const detail = (await leadDetail(opened.db, viewers.staff, lead.id))!;
      expect(detail.inquiries).toHaveLength(1);
      expect(detail.inquiries[0]).toMatchObject({
        utmSource: "wechat",
        consentNoticeVersion: "2026-11",
        needArea: "2000",
        listing: null,
      });
      expect(detail.timeline.map((entry) => entry.type)).toEqual(["activity", "inquiry"]);
      expect(detail.timeline[0]).toMatchObject({
        kind: "CALL",
        body: "约下周实地考察",
        details: { outcome: "reached" },
        actor: { name: "王专员" },
      });
    });
  });

  describe("editing", () => {
    it("saves one of two concurrent edits of the same version; the other is told 'stale' and saves nothing", async () => {
      const lead = await makeLead(viewers.staff.id);
      const results = await Promise.all([
        updateLead(opened.db, viewers.staff, { leadId: lead.id, version: 1, contactName: "张总", notes: "第一位同事" }),
        updateLead(opened.db, viewers.manager, { leadId: lead.id, version: 1, contactName: "张先生", employees: "80" }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, fieldErrors: { version: "stale" } }]);
      const saved = await opened.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      const winner = results[0].ok
        ? { contactName: "张总", notes: "第一位同事", employees: null }
        : { contactName: "张先生", notes: null, employees: 80 };
      expect(saved).toMatchObject({ ...winner, version: 2 });
      expect(await opened.db.activity.count({ where: { leadId: lead.id, kind: "EDIT" } })).toBe(1);
    });

    it("writes an EDIT line with before/after and an audit entry, and refreshes search tokens, duplicate key and score", async () => {
      const lead = await makeLead(viewers.staff.id);
      const result = await updateLead(opened.db, viewers.staff, {
        leadId: lead.id,
        version: 1,
        company: "  上海精工机器人有限责任公司 ",
        wechat: "",
        expectedAnnualTax: "260.0",
        investment: "12,000",
        needArea: "3",
        needAreaUnit: "MU",
      });
      expect(result).toEqual({ ok: true, version: 2, changed: ["company", "needArea", "needAreaUnit", "investment"] });
      const edit = await opened.db.activity.findFirstOrThrow({ where: { leadId: lead.id, kind: "EDIT" } });
      expect(edit).toMatchObject({
        actorId: viewers.staff.id,
        details: {
          company: [lead.company, "上海精工机器人有限责任公司"],
          needArea: ["2000", "3"],
          needAreaUnit: ["SQM", "MU"],
          investment: [null, "12000"],
        },
      });
      const audit = await opened.db.auditEntry.findFirstOrThrow({
        where: { entityId: lead.id, action: "lead.update" },
      });
      expect(audit).toMatchObject({ actorId: viewers.staff.id, entityType: "Lead", details: edit.details! });
      const saved = await opened.db.lead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(saved.companyKey).toBe(companyKey("上海精工机器人有限公司"));
      expect(saved.searchTokens).toEqual(expect.arrayContaining(["精工", "机器"]));
      expect(saved.score).not.toBeNull();
      expect(saved.scoreBreakdown).toMatchObject({ parts: expect.any(Array) });
      // Saving the same values again changes nothing and writes nothing.
      expect(
        await updateLead(opened.db, viewers.staff, {
          leadId: lead.id,
          version: 2,
          needArea: "3.00",
          needAreaUnit: "MU",
        }),
      ).toEqual({ ok: true, version: 2, changed: [] });
      expect(await opened.db.activity.count({ where: { leadId: lead.id, kind: "EDIT" } })).toBe(1);
    });

    it("answers bad input with field errors and saves nothing", async () => {
      const lead = await makeLead(viewers.staff.id);
      const result = await updateLead(opened.db, viewers.staff, {
        leadId: lead.id,
        version: 1,
        company: "",
        email: "not-an-email",
        creditCode: "91310000MA1FL0000X",
        needArea: "-5",
        employees: "1.5",
        phone: "13900000000",
      });
      expect(result).toEqual({
        ok: false,
        fieldErrors: {
          company: "required",
          email: "email",
          creditCode: "creditCode",
          needArea: "positive",
          employees: "integer",
          phone: "unknownField",
        },
      });
      expect((await opened.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).version).toBe(1);
    });
  });

  describe("activities", () => {
    it("refuses an empty body, a time in the future, a call without its outcome and a date that does not exist", async () => {
      const lead = await makeLead(viewers.staff.id);
      const log = (input: Record<string, unknown>) =>
        logActivity(opened.db, viewers.staff, { leadId: lead.id, ...input });
      expect(await log({ kind: "NOTE", body: "   " })).toEqual({ ok: false, fieldErrors: { body: "required" } });
      expect(
        await log({ kind: "VISIT", body: "看厂", occurredAt: `${new Date().getUTCFullYear() + 1}-01-01T10:00` }),
      ).toEqual({ ok: false, fieldErrors: { occurredAt: "future" } });
      expect(await log({ kind: "CALL", body: "打了电话" })).toEqual({ ok: false, fieldErrors: { outcome: "choice" } });
      expect(await log({ kind: "EMAIL", body: "发了资料", occurredAt: "2026-02-30T10:00" })).toEqual({
        ok: false,
        fieldErrors: { occurredAt: "dateTime" },
      });
      expect(await log({ kind: "STAGE", body: "偷偷改阶段" })).toEqual({ ok: false, fieldErrors: { kind: "choice" } });
      expect(await opened.db.activity.count({ where: { leadId: lead.id } })).toBe(0);
    });

    it("records a back-dated visit at the Shanghai time typed, without moving the lead's last activity back", async () => {
      const lead = await makeLead(viewers.staff.id);
      await logActivity(opened.db, viewers.staff, { leadId: lead.id, kind: "NOTE", body: "先记一笔" });
      const before = (await opened.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).lastActivityAt!;
      expect(
        await logActivity(opened.db, viewers.staff, {
          leadId: lead.id,
          kind: "VISIT",
          body: "看了 A3 栋",
          occurredAt: "2026-11-20T14:30",
        }),
      ).toMatchObject({ ok: true });
      const visit = await opened.db.activity.findFirstOrThrow({ where: { leadId: lead.id, kind: "VISIT" } });
      expect(visit.occurredAt.toISOString()).toBe("2026-11-20T06:30:00.000Z");
      expect((await opened.db.lead.findUniqueOrThrow({ where: { id: lead.id } })).lastActivityAt).toEqual(before);
    });
  });

  describe("follow-up tasks", () => {
    it("keeps the overdue flag and the lead's next follow-up right through create, complete and reopen", async () => {
      const lead = await makeLead(viewers.staff.id);
      const next = () =>
        opened.db.lead
          .findUniqueOrThrow({ where: { id: lead.id } })
          .then((row) => row.nextFollowUpAt?.toISOString() ?? null);
      const late = await createTask(opened.db, viewers.staff, {
        leadId: lead.id,
        title: "发资料",
        dueAt: "2026-01-05T09:00",
      });
      const soon = await createTask(opened.db, viewers.staff, {
        leadId: lead.id,
        title: "回电确认考察",
        dueAt: "2099-12-01T10:00",
      });
      if (!late.ok || !soon.ok) throw new Error("tasks not created");
      expect(await opened.db.task.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({
        assigneeId: viewers.staff.id,
        createdById: viewers.staff.id,
      });
      expect(await next()).toBe("2026-01-05T01:00:00.000Z");

      let detail = (await leadDetail(opened.db, viewers.staff, lead.id))!;
      expect(detail.tasks.map((task) => [task.title, task.overdue])).toEqual([
        ["发资料", true],
        ["回电确认考察", false],
      ]);

      expect(await setTaskDone(opened.db, viewers.staff, { taskId: late.id, done: true })).toMatchObject({ ok: true });
      expect(await next()).toBe("2099-12-01T02:00:00.000Z");
      detail = (await leadDetail(opened.db, viewers.staff, lead.id))!;
      expect(detail.tasks.map((task) => [task.title, task.overdue, task.doneAt !== null])).toEqual([
        ["回电确认考察", false, false],
        ["发资料", false, true],
      ]);

      await setTaskDone(opened.db, viewers.staff, { taskId: soon.id, done: true });
      expect(await next()).toBeNull();
      await setTaskDone(opened.db, viewers.staff, { taskId: late.id, done: false });
      expect(await next()).toBe("2026-01-05T01:00:00.000Z");
    });

    it("gives a pool lead's task to whoever schedules it; staff may not give tasks to others, managers may", async () => {
      const pool = await makeLead(null);
      const own = await createTask(opened.db, viewers.staff, {
        leadId: pool.id,
        title: "回电",
        dueAt: "2026-12-01T10:00",
      });
      expect(own.ok && (await opened.db.task.findUniqueOrThrow({ where: { id: own.id } })).assigneeId).toBe(
        viewers.staff.id,
      );
      expect(
        await createTask(opened.db, viewers.staff, {
          leadId: pool.id,
          title: "x",
          dueAt: "2026-12-01T10:00",
          assigneeId: viewers.otherStaff.id,
        }),
      ).toEqual({
        ok: false,
        fieldErrors: { assigneeId: "invalid" },
      });
      expect(
        await createTask(opened.db, viewers.manager, {
          leadId: pool.id,
          title: "x",
          dueAt: "2026-12-01T10:00",
          assigneeId: viewers.otherStaff.id,
        }),
      ).toMatchObject({ ok: true });
      expect(await createTask(opened.db, viewers.staff, { leadId: pool.id, title: "", dueAt: "tomorrow" })).toEqual({
        ok: false,
        fieldErrors: { title: "required", dueAt: "dateTime" },
      });
    });
  });

  describe("matching listings", () => {
    it("offers published, available or reserved listings of the need's kind and deal within 70%–150% of its area, industry fits first", async () => {
      const park = await opened.db.park.create({
        data: {
          slug: unique("park"),
          name: "测试园",
          nameEn: "Test park",
          city: "平湖",
          cityEn: "Pinghu",
          address: "-",
          addressEn: "-",
          description: "-",
          descriptionEn: "-",
          operatorName: "-",
          contactPhone: "-",
        },
      });
      const make = (
        title: string,
        data: Partial<{
          kind: "FACTORY" | "LAND";
          deal: "SALE" | "LEASE";
          status: "AVAILABLE" | "RESERVED" | "SOLD";
          published: boolean;
          availableArea: string;
          areaUnit: "SQM" | "MU";
          industries: string[];
        }>,
      ) =>
        opened.db.listing.create({
          data: {
            parkId: park.id,
            title,
            titleEn: title,
            kind: data.kind ?? "FACTORY",
            deal: data.deal ?? "SALE",
            status: data.status ?? "AVAILABLE",
            published: data.published ?? true,
            area: "90000",
            availableArea: data.availableArea ?? "2000",
            areaUnit: data.areaUnit ?? "SQM",
            areaSqm: "90000",
            price: "5000",
            priceUnit: "YUAN_PER_SQM",
            unitPrice: "5000",
            industries: data.industries ?? [],
            description: "-",
            descriptionEn: "-",
          },
        });
      const tag = unique("匹配");
      await make(`${tag} 正好`, { availableArea: "2100" });
      await make(`${tag} 亩计`, { availableArea: "2.5", areaUnit: "MU" });
      await make(`${tag} 产业`, { availableArea: "2900", industries: ["smart-manufacturing"] });
      await make(`${tag} 已预订`, { availableArea: "2000", status: "RESERVED" });
      for (const [title, data] of [
        ["太大", { availableArea: "3100" }],
        ["太小", { availableArea: "1300" }],
        ["出租", { deal: "LEASE" }],
        ["土地", { kind: "LAND" }],
        ["已售", { status: "SOLD" }],
        ["下架", { published: false }],
      ] as const) {
        await make(`${tag} ${title}`, data);
      }
      const need = {
        needDeal: "BUY",
        needKind: "FACTORY",
        needArea: "2000",
        needAreaUnit: "SQM",
        industry: "智能制造",
        use: null,
      } as const;
      const titles = (await matchingListings(opened.db, need, 20))
        .map((listing) => listing.title)
        .filter((title) => title.startsWith(tag));
      expect(titles).toEqual([`${tag} 产业`, `${tag} 正好`, `${tag} 亩计`, `${tag} 已预订`]);
      expect(await matchingListings(opened.db, { ...need, needArea: null })).toEqual([]);
      // The same need in 亩 (3 亩 = 2000 m²) finds the same listings.
      const inMu = (await matchingListings(opened.db, { ...need, needArea: "3", needAreaUnit: "MU" }, 20))
        .map((listing) => listing.title)
        .filter((title) => title.startsWith(tag));
      expect(inMu).toEqual(titles);
    });
  });
}

describe("lead page on PGlite", () => leadPageSuite(() => openTestPglite()));
describeOnPostgres("lead page on PostgreSQL", () => leadPageSuite(() => openTestPostgres()));
