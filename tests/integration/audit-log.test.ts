import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import type { OpenedDatabase } from "@/lib/db/open";
import { auditFilterSchema } from "@/lib/audit/filter";
import { auditLog } from "@/lib/audit/queries";
import { assignLeads } from "@/lib/leads/assign/mutations";
import { companyKey } from "@/lib/leads/company-key";
import { updateLead } from "@/lib/leads/edit/mutations";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { moveLeadStage } from "@/lib/leads/stage/mutations";
import { changeProjectOwner } from "@/lib/projects/register/mutations";
import { openSupervision } from "@/lib/projects/supervision/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { dayFromToday, makeProject } from "../support/supervision-fixtures";

let counter = 0;
const phone = () => `137${String(process.pid % 10_000).padStart(4, "0")}${String(++counter).padStart(4, "0")}`;

function auditSuite(open: () => Promise<TestDatabase>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const people = {} as Record<"admin" | "staff", Viewer>;

  async function makeUser(role: Role, name: string): Promise<Viewer> {
    const email = `${role.toLowerCase()}-${++counter}@audit.test`;
    const user = await opened.db.user.create({ data: { email, name, role, passwordHash: "not used" } });
    return { id: user.id, email, name, role };
  }
  async function makeLead(company: string, ownerId: string | null) {
    return opened.db.lead.create({
      data: {
        phone: phone(),
        company,
        companyKey: companyKey(company),
        contactName: "张经理",
        email: "zhang.jingli@example.cn",
        ownerId,
        needDeal: "BUY",
        needKind: "FACTORY",
        needArea: "2000",
        needAreaUnit: "SQM",
        use: "精密零件加工",
        expectedAnnualTax: "300",
      },
    });
  }
  const view = (params: Record<string, string> = {}) => auditFilterSchema.parse(params);
  const sentences = async (locale: "zh-CN" | "en", params: Record<string, string> = {}) =>
    (await auditLog(opened.db, people.admin, view(params), locale)).entries;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    people.admin = await makeUser("ADMIN", "王芳");
    people.staff = await makeUser("STAFF", "李强");
  });
  afterAll(async () => cleanup?.());

  it("[ADMIN] reads a stage move as a sentence, in Chinese and in English", async () => {
    const lead = await makeLead("上海锐精机械有限公司", people.staff.id);
    const moved = await moveLeadStage(opened.db, people.admin, {
      leadId: lead.id,
      fromStageKey: "new",
      toStageKey: "site_visit",
    });
    expect(moved.ok).toBe(true);
    const [zh] = await sentences("zh-CN");
    expect(zh).toMatchObject({ sentence: "王芳 把 上海锐精机械有限公司 从 新线索 移到 实地考察", changes: [] });
    const [en] = await sentences("en");
    expect(en.sentence).toBe("王芳 moved 上海锐精机械有限公司 from New to Site visit");
  });

  it("[ADMIN] reads an edit as before/after in words, the person's own details only as changed", async () => {
    const lead = await makeLead("平湖精工有限公司", people.staff.id);
    const saved = await updateLead(opened.db, people.admin, {
      leadId: lead.id,
      version: lead.version,
      needDeal: "RENT",
      expectedAnnualTax: "450",
      email: "new.address@example.cn",
    });
    expect(saved.ok).toBe(true);
    const [zh] = await sentences("zh-CN");
    expect(zh.sentence).toBe("王芳 修改了 平湖精工有限公司");
    expect(zh.changes).toEqual(
      expect.arrayContaining(["租售：购买 → 租赁", "预计年税收（万元）：300 万元 → 450 万元", "邮箱：已修改"]),
    );
    const [en] = await sentences("en");
    expect(en.changes).toEqual(
      expect.arrayContaining([
        "Buy or rent: Buy → Rent",
        "Expected annual tax (RMB 10k): CNY 3 million → CNY 4.5 million",
        "Email: changed",
      ]),
    );
    const page = JSON.stringify(await sentences("zh-CN"));
    expect(page).not.toContain("example.cn");
    expect(page).not.toContain(lead.id);
  });

  it("[ADMIN] reads an assignment with the owners by name, and a return to the pool", async () => {
    const lead = await makeLead("嘉兴恒达电子有限公司", null);
    await assignLeads(opened.db, people.admin, { leadIds: [lead.id], ownerId: people.staff.id });
    await assignLeads(opened.db, people.admin, { leadIds: [lead.id], ownerId: null });
    const [back, assigned] = await sentences("zh-CN");
    expect(assigned).toEqual(
      expect.objectContaining({
        sentence: "王芳 把 嘉兴恒达电子有限公司 分配给 李强",
        changes: ["负责人：公海 → 李强"],
      }),
    );
    expect(back.sentence).toBe("王芳 把 嘉兴恒达电子有限公司 退回公海");
    const [backEn, assignedEn] = await sentences("en");
    expect(assignedEn.sentence).toBe("王芳 assigned 嘉兴恒达电子有限公司 to 李强");
    expect(assignedEn.changes).toEqual(["Owner: Pool → 李强"]);
    expect(backEn.sentence).toBe("王芳 returned 嘉兴恒达电子有限公司 to the Pool");
  });

  it("[ADMIN] names an erased lead as erased, in every entry about it", async () => {
    const lead = await makeLead("湖州已删科技有限公司", people.staff.id);
    await moveLeadStage(opened.db, people.staff, { leadId: lead.id, fromStageKey: "new", toStageKey: "contacted" });
    const erased = await eraseLeadPersonalData(opened.db, people.admin, {
      leadId: lead.id,
      confirm: "湖州已删科技有限公司",
      reason: "投资方来电要求删除",
    });
    expect(erased.ok).toBe(true);
    const [erase, move] = await sentences("zh-CN");
    expect(erase.sentence).toBe("王芳 删除了 已删除的线索 的个人信息");
    expect(move.sentence).toBe("李强 把 已删除的线索 从 新线索 移到 已联系");
    const [eraseEn] = await sentences("en");
    expect(eraseEn.sentence).toBe("王芳 erased the personal data of an erased lead");
    expect(JSON.stringify(await sentences("zh-CN"))).not.toContain("湖州已删");
  });

  it("[ADMIN] filters by person, kind of record and day", async () => {
    const byStaff = await sentences("zh-CN", { actor: people.staff.id });
    expect(byStaff.map((entry) => entry.sentence)).toEqual(["李强 把 已删除的线索 从 新线索 移到 已联系"]);
    const leads = await sentences("zh-CN", { entity: "lead" });
    expect(leads.length).toBeGreaterThanOrEqual(6);
    expect(await sentences("zh-CN", { entity: "listing" })).toEqual([]);
    const today = shanghaiDay(new Date());
    expect(await sentences("zh-CN", { from: today, to: today })).toHaveLength(leads.length);
    expect(await sentences("zh-CN", { to: "2026-01-01" })).toEqual([]);
    expect(await sentences("zh-CN", { from: "2100-01-01" })).toEqual([]);
  });

  it("[ADMIN] filters to projects and to 督办 items", async () => {
    const project = await makeProject(opened.db, null, { name: "海宁精密轴承有限公司" });
    const owned = await changeProjectOwner(opened.db, people.admin, {
      projectId: project.id,
      version: 1,
      ownerId: people.staff.id,
    });
    expect(owned.ok).toBe(true);
    const supervised = await openSupervision(opened.db, people.admin, {
      projectId: project.id,
      title: "月底前完成环评批复",
      dueOn: dayFromToday(7),
    });
    expect(supervised.ok).toBe(true);
    const projects = await sentences("zh-CN", { entity: "project" });
    expect(projects.map((entry) => entry.sentence)).toEqual([expect.stringContaining("海宁精密轴承有限公司")]);
    expect(projects[0].sentence).toContain("李强");
    const items = await sentences("zh-CN", { entity: "supervision" });
    expect(items).toHaveLength(1);
    expect(items[0].sentence).toContain("海宁精密轴承有限公司");
    expect(items[0].sentence).not.toBe(projects[0].sentence);
    expect(JSON.stringify(await sentences("zh-CN", { entity: "lead" }))).not.toContain("海宁精密轴承有限公司");
  });

  it("is the admins' alone", async () => {
    await expect(auditLog(opened.db, people.staff, view(), "zh-CN")).rejects.toBeInstanceOf(AccessDenied);
  });
}

describe("the audit log as sentences on PGlite", () => auditSuite(() => openTestPglite()));
describeOnPostgres("the audit log as sentences on PostgreSQL", () => auditSuite(() => openTestPostgres()));
