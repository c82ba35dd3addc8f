import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import { companyKey } from "@/lib/leads/company-key";
import { recogniseColumns, rememberedMapping, rememberMapping } from "@/lib/leads/import/columns";
import { loadImportLookups } from "@/lib/leads/import/lookups";
import { matchImportRows } from "@/lib/leads/import/match";
import { parseImportRow } from "@/lib/leads/import/row";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";

/*
 * What an import reads from the workspace, on both databases: the duplicates of a chunk of rows,
 * the words a row is looked up in, and the admin's remembered column corrections.
 */

let counter = 0;
const next = () => ++counter;
const uniquePhone = () => `137${String(process.pid % 1000).padStart(3, "0")}${String(next()).padStart(5, "0")}`;

function importParseSuite(open: () => Promise<TestDatabase>) {
  let database: TestDatabase;
  const db = () => database.opened.db;
  let admin: Viewer;
  let staff: Viewer;

  async function makeUser(role: Role, active = true): Promise<Viewer> {
    const email = `import-${role.toLowerCase()}-${process.pid}-${next()}@park.test`;
    const user = await db().user.create({
      data: { email, name: `导入 ${role} ${counter}`, role, active, passwordHash: "unused" },
    });
    return { id: user.id, email, name: user.name, role };
  }

  async function makeLead(company: string, extra: { erasedAt?: Date; mergedIntoId?: string } = {}) {
    const phone = uniquePhone();
    const lead = await db().lead.create({
      data: { phone, company, companyKey: companyKey(company), contactName: "张经理", ...extra },
    });
    return { id: lead.id, phone };
  }

  beforeAll(async () => {
    database = await open();
    admin = await makeUser("ADMIN");
    staff = await makeUser("STAFF");
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("finds the lead a row duplicates: by mobile first, else by the company's folded name", async () => {
    const suzhou = await makeLead(`苏州精密机械有限公司 ${process.pid}`);
    const hangzhou = await makeLead(`杭州云帆科技有限公司 ${process.pid}`);
    const erased = await makeLead(`嘉兴已删除有限公司 ${process.pid}`, { erasedAt: new Date() });
    const mergedAway = await makeLead(`湖州已合并有限公司 ${process.pid}`, { mergedIntoId: suzhou.id });
    const later = await makeLead(`苏州精密机械有限公司 ${process.pid}`);

    const matches = await matchImportRows(db(), [
      { phone: suzhou.phone, company: "另一家公司" },
      { phone: uniquePhone(), company: `苏州精密机械有限责任公司 ${process.pid}` },
      { phone: hangzhou.phone, company: `苏州精密机械有限公司 ${process.pid}` },
      { phone: erased.phone, company: `嘉兴已删除有限公司 ${process.pid}` },
      { phone: mergedAway.phone, company: `湖州已合并有限公司 ${process.pid}` },
      { phone: uniquePhone(), company: "一家新公司" },
      { phone: "", company: "" },
    ]);
    expect(matches).toEqual([
      { leadId: suzhou.id, by: "phone" },
      // two leads with that company: the older one
      { leadId: suzhou.id, by: "company" },
      { leadId: hangzhou.id, by: "phone" },
      null,
      null,
      null,
      null,
    ]);
    expect(later.id).not.toBe(suzhou.id);
    expect(await matchImportRows(db(), [])).toEqual([]);
  });

  it("looks a row's words up in the workspace's stages, active users, parks and listings", async () => {
    const inactive = await makeUser("STAFF", false);
    const lookups = await loadImportLookups(db());
    expect(lookups.stages.map((stage) => stage.key)).toContain("new");
    expect(lookups.users.map((user) => user.id)).toContain(staff.id);
    expect(lookups.users.map((user) => user.id)).not.toContain(inactive.id);

    const mapping = { "0": "company", "1": "contactName", "2": "phone", "3": "owner", "4": "stage" } as const;
    const stage = lookups.stages[0];
    const active = parseImportRow(["甲公司", "王小明", uniquePhone(), staff.email, stage.name], mapping, lookups);
    expect(active.ok && active.values).toMatchObject({ ownerId: staff.id, stageKey: stage.key });
    const gone = parseImportRow(["甲公司", "王小明", uniquePhone(), inactive.email, stage.nameEn], mapping, lookups);
    expect(gone.ok && gone.values).toMatchObject({ ownerId: null, unknownOwner: inactive.email });
  });

  it("remembers the admin's corrections by header, merged with earlier ones, for admins only", async () => {
    expect(await rememberedMapping(db())).toEqual({});
    await rememberMapping(db(), admin, ["客户", "对接人", "电话", "项目"], {
      "0": "company",
      "1": "contactName",
      "2": "phone",
      "3": "use",
    });
    // The next file: 项目 is read as the industry now, and 对接人 is left out.
    await rememberMapping(db(), admin, ["项目", "对接人", "客户"], { "0": "industry", "2": "company" });
    expect(await rememberedMapping(db())).toEqual({ 客户: "company", 电话: "phone", 项目: "industry" });
    expect(recogniseColumns(["项目", "客户", "联系人", "电话"], await rememberedMapping(db()))).toEqual({
      "0": "industry",
      "1": "company",
      "2": "contactName",
      "3": "phone",
    });
    await expect(rememberMapping(db(), staff, ["项目"], { "0": "notes" })).rejects.toBeInstanceOf(AccessDenied);
    await expect(rememberMapping(db(), null, ["项目"], { "0": "notes" })).rejects.toBeInstanceOf(AccessDenied);
    expect((await rememberedMapping(db()))["项目"]).toBe("industry");
  });

  it("reads a stored value it cannot understand as no corrections", async () => {
    await db().setting.update({ where: { key: "import.leads.mapping" }, data: { value: { 项目: "salary" } } });
    expect(await rememberedMapping(db())).toEqual({});
  });
}

describe("import parsing on PGlite", () => importParseSuite(() => openTestPglite()));
describeOnPostgres("import parsing on PostgreSQL", () => importParseSuite(() => openTestPostgres()));
