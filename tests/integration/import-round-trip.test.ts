import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import { confirmImportMapping, startImport, uploadImport } from "@/lib/leads/import/mutations";
import { importJob } from "@/lib/leads/import/queries";
import { exportLeads } from "@/lib/leads/inbox/export";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { describeOnPostgres, openTestPglite, openTestPostgres, type TestDatabase } from "../support/databases";
import { encodeGbk } from "../support/gbk";
import { drainImports } from "../support/import-jobs";

/*
 * Issue 13's "Done when": the inbox exported as .xlsx, and as CSV saved in GBK the way Excel on a
 * Chinese Windows saves it, imports into an empty workspace with the same users as the same leads,
 * in the same stages, with the same owners.
 */

const PEOPLE: { role: Role; name: string }[] = [
  { role: "ADMIN", name: "管理员甲" },
  { role: "STAFF", name: "招商王芳" },
  { role: "STAFF", name: "招商李强" },
];
const run = `${process.pid % 1000}`.padStart(3, "0");
const LEADS = [
  { company: "平湖精工机械有限公司", contactName: "周明", stageKey: "new", owner: null },
  { company: "嘉兴新材料科技有限公司", contactName: "吴丽", stageKey: "contacted", owner: "招商王芳" },
  { company: "海宁电子（集团）有限公司", contactName: "欧阳霁", stageKey: "site_visit", owner: "招商李强" },
  { company: "桐乡智能装备有限公司", contactName: "钱江", stageKey: "negotiation", owner: "招商王芳" },
];

function roundTripSuite(open: () => Promise<TestDatabase>) {
  let source: TestDatabase;
  const users = new Map<string, { source: Viewer; target: Viewer }>();

  async function makeUsers(db: Database, key: "source" | "target") {
    for (const person of PEOPLE) {
      const email = `roundtrip-${person.role.toLowerCase()}-${encodeURIComponent(person.name)}@park.test`;
      const user = await db.user.create({ data: { email, name: person.name, role: person.role, passwordHash: "x" } });
      const viewer = { id: user.id, email, name: user.name, role: person.role };
      users.set(person.name, { ...(users.get(person.name) ?? { source: viewer, target: viewer }), [key]: viewer });
    }
  }

  beforeAll(async () => {
    source = await open();
    await makeUsers(source.opened.db, "source");
    for (const [index, lead] of LEADS.entries()) {
      const phone = `139${run}0${String(index).padStart(4, "0")}`;
      await source.opened.db.lead.create({
        data: {
          ...lead,
          phone,
          owner: undefined,
          ownerId: lead.owner ? users.get(lead.owner)!.source.id : null,
          use: "精密零件加工",
          investment: "12000",
          searchTokens: leadSearchTokens({ ...lead, phone }),
          createdAt: new Date(`2025-0${index + 1}-1${index}T02:30:00Z`),
        },
      });
    }
  }, 120_000);
  afterAll(async () => source?.cleanup());

  /** The leads as the workspace shows them: who, at which stage, owned by whom (by name: ids differ). */
  async function leadsOf(db: Database) {
    const leads = await db.lead.findMany({
      select: {
        company: true,
        contactName: true,
        phone: true,
        stageKey: true,
        use: true,
        investment: true,
        createdAt: true,
        owner: { select: { name: true } },
      },
      orderBy: { phone: "asc" },
    });
    return leads.map(({ owner, investment, ...lead }) => ({
      ...lead,
      investment: investment?.toString() ?? null,
      owner: owner?.name ?? null,
    }));
  }

  async function exported(format: "csv" | "xlsx") {
    const admin = users.get("管理员甲")!.source;
    const result = await exportLeads(source.opened.db, admin, { filter: {} }, { locale: "zh-CN", format });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    return { name: result.filename, bytes: new Uint8Array(await new Response(result.body).arrayBuffer()) };
  }

  async function importInto(file: File) {
    const target = await open();
    try {
      await makeUsers(target.opened.db, "target");
      const db = target.opened.db;
      const admin = users.get("管理员甲")!.target;
      expect(await db.lead.count()).toBe(0);
      const uploaded = await uploadImport(db, admin, { file });
      if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
      const mapping = (await importJob(db, admin, uploaded.jobId))!.mapping;
      expect(await confirmImportMapping(db, admin, { jobId: uploaded.jobId, mapping })).toMatchObject({ ok: true });
      await drainImports(db);
      expect(await startImport(db, admin, { jobId: uploaded.jobId })).toMatchObject({ ok: true });
      await drainImports(db);
      const job = await importJob(db, admin, uploaded.jobId);
      return { job, leads: await leadsOf(db), sources: await db.lead.groupBy({ by: ["source"], _count: true }) };
    } finally {
      await target.cleanup();
    }
  }

  it("an .xlsx exported from the app imports into an empty workspace as the same leads, stages and owners", async () => {
    const { name, bytes } = await exported("xlsx");
    const imported = await importInto(new File([bytes], name));
    expect(imported.job).toMatchObject({ status: "DONE", created: LEADS.length, failed: 0, skipped: 0 });
    expect(imported.leads).toEqual(await leadsOf(source.opened.db));
    expect(imported.sources).toEqual([{ source: "import", _count: LEADS.length }]);
  }, 300_000);

  it("a CSV exported from the app and saved in GBK imports as the same leads, stages and owners", async () => {
    const { name, bytes } = await exported("csv");
    const text = new TextDecoder("utf-8").decode(bytes);
    const gbk = encodeGbk(text);
    // The bytes are GBK indeed, not UTF-8.
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gbk)).toThrow();
    const imported = await importInto(new File([gbk], name));
    expect(imported.job).toMatchObject({ status: "DONE", created: LEADS.length, failed: 0, encoding: "gb18030" });
    expect(imported.leads).toEqual(await leadsOf(source.opened.db));
  }, 300_000);
}

describe("import round trip on PGlite", () => roundTripSuite(() => openTestPglite()));
describeOnPostgres("import round trip on PostgreSQL", () => roundTripSuite(() => openTestPostgres()));
