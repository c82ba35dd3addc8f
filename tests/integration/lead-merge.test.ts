import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { archiveLead, restoreLead } from "@/lib/leads/archive/mutations";
import { companyKey } from "@/lib/leads/company-key";
import { duplicateGroups, findDuplicates } from "@/lib/leads/duplicates/queries";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { mergeLeads } from "@/lib/leads/merge/mutations";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { tallyDrift } from "../support/report-tallies";

let counter = 0;
const next = () => ++counter;
const uniquePhone = () => `139${String(process.pid % 1000).padStart(3, "0")}${String(next()).padStart(5, "0")}`;
const DAY = 86_400_000;

function leadCareSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  const viewers = {} as Record<"staff" | "otherStaff" | "manager" | "admin", Viewer>;

  async function makeUser(role: Role): Promise<Viewer> {
    const email = `care-${role.toLowerCase()}-${process.pid}-${next()}@park.test`;
    const user = await db().user.create({ data: { email, name: `${role} ${counter}`, role, passwordHash: "unused" } });
    return { id: user.id, email, name: user.name, role };
  }

  async function addInquiry(
    leadId: string,
    fields: { phone: string; company: string; contactName: string; message?: string },
  ) {
    const n = next();
    return db().inquiry.create({
      data: {
        reference: `PL-MERGE-${process.pid}-${n}`,
        requestHash: `hash-${n}`,
        leadId,
        needDeal: "BUY",
        needKind: "FACTORY",
        needArea: "2400",
        needAreaUnit: "SQM",
        use: "工业机器人减速器生产",
        expectedAnnualTax: "260",
        company: fields.company,
        contactName: fields.contactName,
        phone: fields.phone,
        wechat: "wx_investor",
        email: "investor@example.com",
        message: fields.message ?? "请尽快联系我",
        consentNoticeVersion: "2026-11",
        consentedAt: new Date(),
        channel: "FORM",
        locale: "zh-CN",
      },
    });
  }

  /** A lead as the intake leaves it (company key, search tokens, one inquiry from its phone). */
  async function makeLead(fields: {
    company: string;
    phone?: string;
    contactName?: string;
    ownerId?: string | null;
    stageKey?: string;
    wechat?: string;
    email?: string;
    notes?: string;
    creditCode?: string;
    industry?: string;
    expectedAnnualTax?: string;
  }) {
    const phone = fields.phone ?? uniquePhone();
    const contactName = fields.contactName ?? "张经理";
    const { ownerId = null, ...rest } = fields;
    const lead = await db().lead.create({
      data: {
        ...rest,
        phone,
        contactName,
        ownerId,
        companyKey: companyKey(fields.company),
        searchTokens: leadSearchTokens({ ...fields, phone, contactName }),
      },
    });
    await addInquiry(lead.id, { phone, company: fields.company, contactName });
    return lead;
  }

  async function history(leadIds: string[]) {
    const where = { leadId: { in: leadIds } };
    const ids = async (rows: Promise<{ id: string }[]>) => (await rows).map((row) => row.id).sort();
    return {
      inquiries: await ids(db().inquiry.findMany({ where, select: { id: true } })),
      activities: await ids(db().activity.findMany({ where, select: { id: true } })),
      tasks: await ids(db().task.findMany({ where, select: { id: true } })),
      stageChanges: await ids(db().stageChange.findMany({ where, select: { id: true } })),
    };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.staff = await makeUser("STAFF");
    viewers.otherStaff = await makeUser("STAFF");
    viewers.manager = await makeUser("MANAGER");
    viewers.admin = await makeUser("ADMIN");
  });
  afterAll(async () => {
    await cleanup?.();
  });

  describe("merging duplicates", () => {
    it("[MANAGER] merges a lead into another: every inquiry, activity, task and stage change moves with its id, empty fields fill, the merged lead stays as a tombstone", async () => {
      const survivor = await makeLead({
        company: "上海精工机器人有限公司",
        stageKey: "contacted",
        email: "a@jinggong.example",
        notes: "已电话沟通",
        ownerId: viewers.staff.id,
      });
      const merged = await makeLead({
        company: "上海精工机器人有限责任公司",
        stageKey: "site_visit",
        wechat: "jg_robot",
        email: "b@jinggong.example",
        notes: "看过 A3 栋",
        creditCode: "91310000MA1FL8XQ30",
        industry: "C3491 工业机器人制造",
        contactName: "李总",
      });
      await addInquiry(survivor.id, { phone: survivor.phone, company: survivor.company, contactName: "张经理" });
      const soon = new Date(Date.now() + DAY);
      await db().activity.createMany({
        data: [
          { leadId: survivor.id, actorId: viewers.staff.id, kind: "CALL", body: "首次回电" },
          { leadId: merged.id, actorId: viewers.staff.id, kind: "NOTE", body: "客户想看厂房" },
          { leadId: merged.id, actorId: viewers.staff.id, kind: "VISIT", body: "实地考察 A3" },
        ],
      });
      await db().task.createMany({
        data: [
          {
            leadId: survivor.id,
            assigneeId: viewers.staff.id,
            title: "发送报价",
            dueAt: new Date(Date.now() + 3 * DAY),
          },
          { leadId: merged.id, assigneeId: viewers.staff.id, title: "约二次考察", dueAt: soon },
          {
            leadId: merged.id,
            assigneeId: viewers.staff.id,
            title: "已完成",
            dueAt: new Date(Date.now() - DAY),
            doneAt: new Date(),
          },
        ],
      });
      await db().stageChange.createMany({
        data: [
          { leadId: survivor.id, fromKey: "new", toKey: "contacted" },
          { leadId: merged.id, fromKey: "new", toKey: "contacted" },
          { leadId: merged.id, fromKey: "contacted", toKey: "site_visit" },
        ],
      });
      const before = await history([survivor.id, merged.id]);

      const result = await mergeLeads(db(), viewers.manager, {
        survivorId: survivor.id,
        mergedId: merged.id,
        survivorVersion: survivor.version,
        mergedVersion: merged.version,
      });
      expect(result).toMatchObject({
        ok: true,
        survivorId: survivor.id,
        moved: { inquiries: 1, activities: 2, tasks: 2, stageChanges: 2 },
        stageKey: "site_visit",
        stageRule: "advanced",
      });

      const onSurvivor = await history([survivor.id]);
      expect(await history([merged.id])).toEqual({ inquiries: [], activities: [], tasks: [], stageChanges: [] });
      expect(onSurvivor.inquiries).toEqual(before.inquiries);
      expect(onSurvivor.tasks).toEqual(before.tasks);
      // Nothing lost, ids kept; the merge adds its own timeline line and the stage move it made.
      expect(onSurvivor.activities).toEqual(expect.arrayContaining(before.activities));
      expect(onSurvivor.activities).toHaveLength(before.activities.length + 1);
      expect(onSurvivor.stageChanges).toEqual(expect.arrayContaining(before.stageChanges));
      expect(onSurvivor.stageChanges).toHaveLength(before.stageChanges.length + 1);

      const after = await db().lead.findUniqueOrThrow({ where: { id: survivor.id } });
      expect(after).toMatchObject({
        phone: survivor.phone,
        company: "上海精工机器人有限公司",
        contactName: "张经理",
        email: "a@jinggong.example",
        wechat: "jg_robot",
        creditCode: "91310000MA1FL8XQ30",
        industry: "C3491 工业机器人制造",
        notes: "已电话沟通\n\n看过 A3 栋",
        ownerId: viewers.staff.id,
        stageKey: "site_visit",
        nextFollowUpAt: soon,
        version: survivor.version + 1,
        mergedIntoId: null,
        archivedAt: null,
      });
      expect(after.searchTokens).toEqual(expect.arrayContaining(["jg_robot".slice(0, 2), "a3"]));

      const tombstone = await db().lead.findUniqueOrThrow({ where: { id: merged.id } });
      expect(tombstone).toMatchObject({
        mergedIntoId: survivor.id,
        phone: merged.phone,
        wechat: "jg_robot",
        contactName: "李总",
        stageKey: "site_visit",
        notes: "看过 A3 栋",
        version: merged.version + 1,
      });
      expect(tombstone.archivedAt).toBeInstanceOf(Date);

      const line = await db().activity.findFirstOrThrow({ where: { leadId: survivor.id, kind: "MERGE" } });
      expect(after.lastActivityAt).toEqual(line.occurredAt);
      expect(line).toMatchObject({
        actorId: viewers.manager.id,
        details: {
          mergedId: merged.id,
          company: merged.company,
          phone: merged.phone,
          moved: { inquiries: 1, activities: 2, tasks: 2, stageChanges: 2 },
        },
      });
      const audit = await db().auditEntry.findFirstOrThrow({ where: { action: "lead.merge", entityId: survivor.id } });
      expect(audit).toMatchObject({
        actorId: viewers.manager.id,
        details: { mergedId: merged.id, phone: merged.phone },
      });
    });

    it("keeps the survivor's stage when either lead is signed or lost, and when it is already further along", async () => {
      const open = await makeLead({ company: `阶段测试${next()}有限公司`, stageKey: "screening" });
      const won = await makeLead({ company: open.company, stageKey: "signed" });
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: open.id,
          mergedId: won.id,
          survivorVersion: 1,
          mergedVersion: 1,
        }),
      ).toMatchObject({ ok: true, stageKey: "screening", stageRule: "closed" });
      const behind = await makeLead({ company: open.company, stageKey: "contacted" });
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: open.id,
          mergedId: behind.id,
          survivorVersion: 2,
          mergedVersion: 1,
        }),
      ).toMatchObject({ ok: true, stageKey: "screening", stageRule: "kept" });
      expect(await db().stageChange.count({ where: { leadId: open.id, changedAt: { gte: open.createdAt } } })).toBe(0);
    });

    it("[STAFF] and anonymous are refused; nothing moves", async () => {
      const a = await makeLead({ company: "权限测试有限公司", ownerId: viewers.staff.id });
      const b = await makeLead({ company: "权限测试有限公司", ownerId: viewers.staff.id });
      const input = { survivorId: a.id, mergedId: b.id, survivorVersion: 1, mergedVersion: 1 };
      await expect(mergeLeads(db(), viewers.staff, input)).rejects.toBeInstanceOf(AccessDenied);
      await expect(mergeLeads(db(), null, input)).rejects.toBeInstanceOf(AccessDenied);
      expect(await db().lead.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({
        mergedIntoId: null,
        version: 1,
      });
    });

    it("refuses a stale version, the same lead, an already merged lead and bad input with field errors", async () => {
      const a = await makeLead({ company: "校验测试有限公司" });
      const b = await makeLead({ company: "校验测试有限公司" });
      const c = await makeLead({ company: "校验测试有限公司" });
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: a.id,
          mergedId: b.id,
          survivorVersion: 1,
          mergedVersion: 2,
        }),
      ).toEqual({ ok: false, fieldErrors: { mergedVersion: "stale" } });
      expect(await db().inquiry.count({ where: { leadId: b.id } })).toBe(1);
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: a.id,
          mergedId: a.id,
          survivorVersion: 1,
          mergedVersion: 1,
        }),
      ).toEqual({ ok: false, fieldErrors: { mergedId: "sameLead" } });
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: a.id,
          mergedId: b.id,
          survivorVersion: 1,
          mergedVersion: 1,
        }),
      ).toMatchObject({ ok: true });
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: c.id,
          mergedId: b.id,
          survivorVersion: 1,
          mergedVersion: 2,
        }),
      ).toEqual({ ok: false, fieldErrors: { mergedId: "merged" } });
      expect(
        await mergeLeads(db(), viewers.manager, {
          survivorId: "nope",
          mergedId: c.id,
          survivorVersion: 1,
          mergedVersion: 1,
        }),
      ).toEqual({ ok: false, fieldErrors: { survivorId: "notFound" } });
      expect(
        await mergeLeads(db(), viewers.manager, { survivorId: a.id, mergedId: "a b", survivorVersion: "x", extra: 1 }),
      ).toEqual({
        ok: false,
        fieldErrors: {
          mergedId: "invalid",
          survivorVersion: "integer",
          mergedVersion: "integer",
          extra: "unknownField",
        },
      });
    });

    it("[MANAGER] ×2 merging A→B and B→A at the same moment: exactly one succeeds, no deadlock, one tombstone", async () => {
      for (let round = 0; round < 3; round++) {
        const a = await makeLead({ company: `并发测试${round}有限公司` });
        const b = await makeLead({ company: `并发测试${round}有限公司` });
        const before = await history([a.id, b.id]);
        const results = await Promise.all([
          mergeLeads(db(), viewers.manager, { survivorId: a.id, mergedId: b.id, survivorVersion: 1, mergedVersion: 1 }),
          mergeLeads(db(), viewers.admin, { survivorId: b.id, mergedId: a.id, survivorVersion: 1, mergedVersion: 1 }),
        ]);
        expect(results.filter((result) => result.ok)).toHaveLength(1);
        // The loser waited for the winner's locks, then found its survivor merged away.
        expect(results.find((result) => !result.ok)).toEqual({ ok: false, fieldErrors: { survivorId: "merged" } });
        const leads = await db().lead.findMany({ where: { id: { in: [a.id, b.id] } } });
        const tombstones = leads.filter((lead) => lead.mergedIntoId);
        expect(tombstones).toHaveLength(1);
        const survivorId = leads.find((lead) => !lead.mergedIntoId)!.id;
        expect(tombstones[0].mergedIntoId).toBe(survivorId);
        expect((await history([survivorId])).inquiries).toEqual(before.inquiries);
      }
    });
  });

  describe("finding duplicates", () => {
    it("finds a lead by the same phone on its inquiries, both ways, and by company written differently", async () => {
      const first = await makeLead({ company: "ＡＢＣ 智能装备有限责任公司" });
      const samePhone = await makeLead({ company: "完全不同的公司" });
      await addInquiry(samePhone.id, { phone: first.phone, company: "完全不同的公司", contactName: "王" });
      const fullWidth = await makeLead({ company: "abc智能装备 有限公司" });
      const spaced = await makeLead({ company: " ABC 智能 装备 有限公司 " });
      const unrelated = await makeLead({ company: "ABC 智能制造有限公司" });
      const tombstone = await makeLead({ company: "abc智能装备有限公司" });
      await db().lead.update({ where: { id: tombstone.id }, data: { mergedIntoId: spaced.id } });
      const erased = await makeLead({ company: "abc智能装备有限公司" });
      await db().lead.update({ where: { id: erased.id }, data: { erasedAt: new Date() } });

      const found = await findDuplicates(db(), viewers.manager, first.id);
      const reasons = Object.fromEntries(found!.duplicates.map((lead) => [lead.id, lead.reasons]));
      expect(reasons).toEqual({ [samePhone.id]: ["phone"], [fullWidth.id]: ["company"], [spaced.id]: ["company"] });
      expect(found!.duplicates.find((lead) => lead.id === samePhone.id)!.counts).toEqual({
        inquiries: 2,
        activities: 0,
        tasks: 0,
        stageChanges: 0,
      });
      const back = await findDuplicates(db(), viewers.manager, samePhone.id);
      expect(back!.duplicates.map((lead) => [lead.id, lead.reasons])).toEqual([[first.id, ["phone"]]]);
      expect((await findDuplicates(db(), viewers.manager, unrelated.id))!.duplicates).toEqual([]);
    });

    it("[STAFF] sees duplicates only among their own and pool leads, with pool phones masked; another officer's lead reads as not found", async () => {
      const company = `员工范围${next()}有限公司`;
      const mine = await makeLead({ company, ownerId: viewers.staff.id });
      const pool = await makeLead({ company });
      const theirs = await makeLead({ company, ownerId: viewers.otherStaff.id });
      const found = await findDuplicates(db(), viewers.staff, mine.id);
      expect(found!.duplicates.map((lead) => lead.id)).toEqual([pool.id]);
      expect(found!.duplicates[0].phone).toBe(`${pool.phone.slice(0, 3)}****${pool.phone.slice(-4)}`);
      expect(await findDuplicates(db(), viewers.staff, theirs.id)).toBeNull();
      await expect(findDuplicates(db(), null, mine.id)).rejects.toBeInstanceOf(AccessDenied);
      expect((await findDuplicates(db(), viewers.manager, mine.id))!.duplicates.map((lead) => lead.id).sort()).toEqual(
        [pool.id, theirs.id].sort(),
      );
    });

    it("[MANAGER] pages through company groups by key, each group once; staff are refused", async () => {
      const made: string[] = [];
      for (let group = 0; group < 23; group++) {
        const company = `分页${process.pid}组${String(group).padStart(2, "0")}有限公司`;
        await makeLead({ company });
        await makeLead({ company: company.replace("有限公司", "有限责任公司") });
        made.push(companyKey(company));
      }
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 100; page++) {
        const result = await duplicateGroups(db(), viewers.manager, cursor ? { cursor } : {});
        if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
        expect(result.groups.length).toBeLessThanOrEqual(20);
        for (const group of result.groups) {
          seen.push(group.companyKey);
          expect(group.count).toBe(group.leads.length);
        }
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((key) => made.includes(key))).toEqual(made);
      expect(await duplicateGroups(db(), viewers.manager, { cursor: "%%%" })).toEqual({
        ok: false,
        fieldErrors: { cursor: "invalid" },
      });
      await expect(duplicateGroups(db(), viewers.staff, {})).rejects.toBeInstanceOf(AccessDenied);
    });
  });

  describe("PIPL erase", () => {
    it("[ADMIN] erases the person on the lead, its inquiries, timeline and tombstones; counts, stage, amounts and dates stay; audited without the values", async () => {
      const lead = await makeLead({
        company: "平湖精密制造有限公司",
        contactName: "赵丽",
        wechat: "zhaoli88",
        email: "zhaoli@example.com",
        notes: "赵丽说下周到访",
        creditCode: "91330482MA2JD1XK0K",
        stageKey: "negotiation",
        expectedAnnualTax: "300",
        ownerId: viewers.staff.id,
      });
      const old = await makeLead({ company: "平湖精密制造有限公司", contactName: "赵丽" });
      await mergeLeads(db(), viewers.manager, {
        survivorId: lead.id,
        mergedId: old.id,
        survivorVersion: 1,
        mergedVersion: 1,
      });
      await db().activity.createMany({
        data: [
          { leadId: lead.id, actorId: viewers.staff.id, kind: "CALL", body: `打给赵丽 ${lead.phone}` },
          {
            leadId: lead.id,
            actorId: viewers.staff.id,
            kind: "EDIT",
            details: { contactName: ["赵", "赵丽"], industry: [null, "C34"] },
          },
        ],
      });
      await db().task.create({
        data: { leadId: lead.id, assigneeId: viewers.staff.id, title: "回电赵丽", dueAt: new Date(Date.now() + DAY) },
      });
      await db().auditEntry.create({
        data: {
          actorId: viewers.staff.id,
          action: "lead.update",
          entityType: "Lead",
          entityId: lead.id,
          details: { contactName: ["赵", "赵丽"] },
        },
      });
      const before = await history([lead.id]);
      const stored = await db().lead.findUniqueOrThrow({ where: { id: lead.id } });
      const inquiriesBefore = await db().inquiry.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });

      expect(
        await eraseLeadPersonalData(db(), viewers.admin, {
          leadId: lead.id,
          confirm: "平湖精密",
          reason: "客户来电要求删除",
        }),
      ).toEqual({ ok: false, fieldErrors: { confirm: "confirmCompany" } });
      const result = await eraseLeadPersonalData(db(), viewers.admin, {
        leadId: lead.id,
        confirm: " 平湖精密制造有限公司 ",
        reason: "2026-11-20 客户来电要求删除",
      });
      expect(result).toEqual({ ok: true, inquiries: 2, activities: before.activities.length, leads: 2 });

      const erased = await db().lead.findUniqueOrThrow({ where: { id: lead.id } });
      expect(erased).toMatchObject({
        contactName: "已删除",
        phone: `erased:${lead.id}`,
        wechat: null,
        email: null,
        creditCode: null,
        notes: null,
        company: "平湖精密制造有限公司",
        stageKey: "negotiation",
        ownerId: viewers.staff.id,
        createdAt: stored.createdAt,
        score: stored.score,
      });
      expect(erased.expectedAnnualTax!.toString()).toBe("300");
      expect(erased.erasedAt).toBeInstanceOf(Date);
      expect(erased.searchTokens.some((token) => token.includes("赵") || /\d{4}/.test(token))).toBe(false);
      expect(await db().lead.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
        contactName: "已删除",
        phone: `erased:${old.id}`,
        mergedIntoId: lead.id,
      });

      const inquiries = await db().inquiry.findMany({ where: { leadId: lead.id }, orderBy: { id: "asc" } });
      expect(inquiries.map((inquiry) => inquiry.id)).toEqual(inquiriesBefore.map((inquiry) => inquiry.id));
      for (const [index, inquiry] of inquiries.entries()) {
        expect(inquiry).toMatchObject({
          contactName: "已删除",
          wechat: null,
          email: null,
          message: null,
          creditCode: null,
          company: inquiriesBefore[index].company,
          createdAt: inquiriesBefore[index].createdAt,
        });
        expect(inquiry.phone).toBe(`erased:${lead.id}`);
        expect(inquiry.expectedAnnualTax.toString()).toBe(inquiriesBefore[index].expectedAnnualTax.toString());
      }
      const activities = await db().activity.findMany({ where: { leadId: lead.id } });
      expect(activities).toHaveLength(before.activities.length + 1);
      expect(activities.every((activity) => activity.body === null)).toBe(true);
      expect(activities.find((activity) => activity.kind === "EDIT")!.details).toEqual({ industry: [null, "C34"] });
      expect(activities.find((activity) => activity.kind === "MERGE")!.details).not.toHaveProperty("phone");
      expect(activities.find((activity) => activity.kind === "ERASE")).toMatchObject({
        actorId: viewers.admin.id,
        details: { reason: "2026-11-20 客户来电要求删除" },
      });
      expect((await db().task.findMany({ where: { leadId: lead.id } })).map((task) => task.title)).toEqual(["已删除"]);

      const audit = await db().auditEntry.findMany({ where: { entityId: lead.id } });
      expect(audit.find((entry) => entry.action === "lead.erase")).toMatchObject({
        actorId: viewers.admin.id,
        details: { reason: "2026-11-20 客户来电要求删除" },
      });
      const everything = JSON.stringify([audit, activities, erased, inquiries]);
      for (const value of [lead.phone, old.phone, "赵丽", "zhaoli88", "zhaoli@example.com", "91330482MA2JD1XK0K"])
        expect(everything).not.toContain(value);

      expect(
        await eraseLeadPersonalData(db(), viewers.admin, {
          leadId: lead.id,
          confirm: "平湖精密制造有限公司",
          reason: "again",
        }),
      ).toEqual({ ok: false, fieldErrors: { leadId: "erased" } });
      expect(
        await eraseLeadPersonalData(db(), viewers.admin, {
          leadId: old.id,
          confirm: "平湖精密制造有限公司",
          reason: "tombstone",
        }),
      ).toEqual({ ok: false, fieldErrors: { leadId: "erased" } });
    });

    for (const caller of ["anonymous", "staff", "manager", "deactivated"] as const) {
      it(`[${caller.toUpperCase()}] may not erase personal data`, async () => {
        const lead = await makeLead({ company: "拒绝删除有限公司", ownerId: viewers.staff.id });
        // A deactivated user's viewer is never built (getViewer returns null): it arrives as null.
        const viewer = caller === "anonymous" || caller === "deactivated" ? null : viewers[caller];
        await expect(
          eraseLeadPersonalData(db(), viewer, { leadId: lead.id, confirm: "拒绝删除有限公司", reason: "不应成功" }),
        ).rejects.toBeInstanceOf(AccessDenied);
        expect(await db().lead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({
          phone: lead.phone,
          erasedAt: null,
        });
      });
    }
  });

  describe("archive and restore", () => {
    it("[STAFF] archives and restores their own and pool leads, audited; another officer's lead reads as not found", async () => {
      const mine = await makeLead({ company: "归档测试有限公司", ownerId: viewers.staff.id });
      const pool = await makeLead({ company: "归档测试有限公司" });
      const theirs = await makeLead({ company: "归档测试有限公司", ownerId: viewers.otherStaff.id });
      expect(await archiveLead(db(), viewers.staff, { leadId: mine.id, version: 1 })).toEqual({ ok: true, version: 2 });
      expect((await db().lead.findUniqueOrThrow({ where: { id: mine.id } })).archivedAt).toBeInstanceOf(Date);
      expect(await archiveLead(db(), viewers.staff, { leadId: mine.id, version: 2 })).toEqual({
        ok: false,
        fieldErrors: { leadId: "archived" },
      });
      expect(await restoreLead(db(), viewers.staff, { leadId: mine.id, version: 1 })).toEqual({
        ok: false,
        fieldErrors: { version: "stale" },
      });
      expect(await restoreLead(db(), viewers.staff, { leadId: mine.id, version: 2 })).toEqual({ ok: true, version: 3 });
      expect(await restoreLead(db(), viewers.staff, { leadId: mine.id, version: 3 })).toEqual({
        ok: false,
        fieldErrors: { leadId: "notArchived" },
      });
      expect(await archiveLead(db(), viewers.staff, { leadId: pool.id, version: 1 })).toEqual({ ok: true, version: 2 });
      expect(await archiveLead(db(), viewers.staff, { leadId: theirs.id, version: 1 })).toEqual({
        ok: false,
        fieldErrors: { leadId: "notFound" },
      });
      expect((await db().lead.findUniqueOrThrow({ where: { id: theirs.id } })).archivedAt).toBeNull();
      expect(await archiveLead(db(), viewers.manager, { leadId: theirs.id, version: 1 })).toEqual({
        ok: true,
        version: 2,
      });
      await expect(archiveLead(db(), null, { leadId: mine.id, version: 3 })).rejects.toBeInstanceOf(AccessDenied);

      const lines = await db().activity.findMany({ where: { leadId: mine.id, kind: "ARCHIVE" } });
      expect(lines.map((line) => line.details)).toEqual(
        expect.arrayContaining([{ archived: true }, { archived: false }]),
      );
      expect(lines).toHaveLength(2);
      const audit = await db().auditEntry.findMany({ where: { entityId: mine.id } });
      expect(audit.map((entry) => `${entry.action} ${entry.actorId}`).sort()).toEqual([
        `lead.archive ${viewers.staff.id}`,
        `lead.unarchive ${viewers.staff.id}`,
      ]);
    });

    it("refuses to restore a merged tombstone", async () => {
      const a = await makeLead({ company: "墓碑测试有限公司" });
      const b = await makeLead({ company: "墓碑测试有限公司" });
      await mergeLeads(db(), viewers.manager, {
        survivorId: a.id,
        mergedId: b.id,
        survivorVersion: 1,
        mergedVersion: 1,
      });
      expect(await restoreLead(db(), viewers.manager, { leadId: b.id, version: 2 })).toEqual({
        ok: false,
        fieldErrors: { leadId: "merged" },
      });
    });
  });

  // Every intake, move, merge and reassignment above went through the database triggers that keep the report tallies.
  it("kept the report tallies equal to a recount of every lead and inquiry", async () => {
    expect(await tallyDrift(db())).toEqual([]);
  });
}

describe("lead merge, duplicates, archive and erase on PGlite", () => leadCareSuite(() => openTestPglite()));
describeOnPostgres("lead merge, duplicates, archive and erase on PostgreSQL", () =>
  leadCareSuite(() => openTestPostgres({ poolSize: 6 })),
);
