import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditWriter } from "@/lib/audit/sentences";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { loadMessages } from "@/lib/i18n/messages";
import { importErrorFile } from "@/lib/leads/import/error-file";
import { readImportFile } from "@/lib/leads/import/file";
import {
  confirmImportMapping,
  decideImportRows,
  dropImportFile,
  startImport,
  uploadImport,
} from "@/lib/leads/import/mutations";
import { importJob, importPreview, importSummary } from "@/lib/leads/import/queries";
import { undoImport } from "@/lib/leads/import/undo";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { drainImports } from "../support/import-jobs";

/*
 * The import's job end to end on both databases: upload → mapping → analysis by the runner →
 * preview and choices → writing → summary, error file and undo.
 */

let counter = 0;
const next = () => ++counter;
const phoneOf = (n: number) => `137${String(process.pid % 1000).padStart(3, "0")}${String(n).padStart(5, "0")}`;
const HOUR = 3_600_000;

function csvFile(lines: string[][], name = "leads.csv"): File {
  const text = lines.map((line) => line.map((cell) => (/[",\n]/.test(cell) ? `"${cell}"` : cell)).join(",")).join("\n");
  return new File([new TextEncoder().encode(text)], name, { type: "text/csv" });
}

function importSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  const viewers = {} as Record<"admin" | "manager" | "owner", Viewer>;

  async function makeUser(role: Role, name: string): Promise<Viewer> {
    const email = `import-${role.toLowerCase()}-${process.pid}-${next()}@park.test`;
    const user = await db().user.create({ data: { email, name, role, passwordHash: "unused" } });
    return { id: user.id, email, name: user.name, role };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.admin = await makeUser("ADMIN", `导入管理员${process.pid}`);
    viewers.manager = await makeUser("MANAGER", `经理${process.pid}`);
    viewers.owner = await makeUser("STAFF", `张招商${process.pid}`);
  }, 120_000);
  afterAll(async () => cleanup?.());

  async function uploadAndAnalyse(file: File) {
    const uploaded = await uploadImport(db(), viewers.admin, { file });
    if (!uploaded.ok) throw new Error(JSON.stringify(uploaded));
    const job = await importJob(db(), viewers.admin, uploaded.jobId);
    const mapping = Object.fromEntries(Object.entries(job!.mapping ?? {}).map(([column, field]) => [column, field]));
    const confirmed = await confirmImportMapping(db(), viewers.admin, { jobId: uploaded.jobId, mapping });
    expect(confirmed).toEqual({ ok: true, jobId: uploaded.jobId });
    await drainImports(db());
    return uploaded.jobId;
  }

  it("refuses everyone but admins at every step", async () => {
    const file = csvFile([["公司名称", "联系人", "手机号"]]);
    for (const viewer of [null, viewers.manager, viewers.owner]) {
      await expect(uploadImport(db(), viewer, { file })).rejects.toBeInstanceOf(AccessDenied);
      await expect(startImport(db(), viewer, { jobId: "x" })).rejects.toBeInstanceOf(AccessDenied);
      await expect(undoImport(db(), viewer, { jobId: "x" })).rejects.toBeInstanceOf(AccessDenied);
      await expect(importPreview(db(), viewer, "x")).rejects.toBeInstanceOf(AccessDenied);
    }
  });

  it("answers a file it cannot read with the file field's error, and stores nothing", async () => {
    const before = await db().importJob.count();
    const bad = new File([new Uint8Array([1, 2, 3])], "leads.pdf");
    const result = await uploadImport(db(), viewers.admin, { file: bad });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : Object.keys(result.fieldErrors)).toEqual(["file"]);
    expect(await db().importJob.count()).toBe(before);
  });

  it("previews, writes with the file's dates, stages and owners, joins a duplicate, and undoes within a day", async () => {
    const existingPhone = phoneOf(next());
    const existing = await db().lead.create({
      data: {
        phone: existingPhone,
        company: "嘉兴已有精工有限公司",
        contactName: "周先生",
        searchTokens: leadSearchTokens({
          company: "嘉兴已有精工有限公司",
          contactName: "周先生",
          phone: existingPhone,
        }),
      },
    });
    const newPhone = phoneOf(next());
    const poolPhone = phoneOf(next());
    const badRowPhone = phoneOf(next());
    const outboxBefore = await db().outboxEvent.count();
    const jobId = await uploadAndAnalyse(
      csvFile([
        ["公司名称", "联系人", "手机号", "阶段", "负责人", "登记日期", "用途", "来源"],
        [
          "平湖新材料有限公司",
          "李四",
          newPhone,
          "实地考察",
          viewers.owner.name,
          "2025-03-04 09:30",
          "新材料研发",
          "展会",
        ],
        ["嘉兴已有精工有限公司", "周先生", existingPhone, "", "", "", "精密零件加工", ""],
        ["海宁公海电子有限公司", "王五", poolPhone, "", "不在职的人", "", "", ""],
        ["坏行有限公司", "赵六", "12345", "", "", "", "", ""],
        ["重复的行有限公司", "孙七", newPhone, "", "", "", "", ""],
        ["阶段不对有限公司", "钱八", badRowPhone, "没有这个阶段", "", "", "", ""],
      ]),
    );
    const job = await importJob(db(), viewers.admin, jobId);
    expect(job).toMatchObject({ status: "PREVIEW", totalRows: 6, processedRows: 6 });
    const preview = await importPreview(db(), viewers.admin, jobId);
    expect(preview.rows.map((row) => [row.rowNumber, row.proposal, row.reason])).toEqual([
      [2, "CREATE", null],
      [3, "MERGE", null],
      [4, "CREATE", null],
      [5, "SKIP", null],
      [6, "SKIP", "repeatOf:2"],
      [7, "SKIP", null],
    ]);
    expect(preview.rows[1].duplicate).toMatchObject({ id: existing.id, company: "嘉兴已有精工有限公司" });
    expect(preview.rows[3].errors).toEqual({ phone: "phone" });
    expect(preview.rows[5].errors).toEqual({ stage: "stageUnknown" });
    expect(
      (await importPreview(db(), viewers.admin, jobId, { filter: "errors" })).rows.map((r) => r.rowNumber),
    ).toEqual([5, 7]);

    // A row with errors can only be skipped; the others take the admin's choice.
    expect(
      await decideImportRows(db(), viewers.admin, { jobId, rows: [{ rowNumber: 5, decision: "CREATE" }] }),
    ).toEqual({ ok: false, fieldErrors: { "rows.5": "importRowErrors" } });
    expect(await decideImportRows(db(), viewers.admin, { jobId, all: "SKIP", only: "MERGE" })).toMatchObject({
      ok: true,
      changed: 1,
    });
    expect(
      await decideImportRows(db(), viewers.admin, { jobId, rows: [{ rowNumber: 3, decision: "MERGE" }] }),
    ).toMatchObject({ ok: true });
    expect(await importSummary(db(), viewers.admin, jobId)).toMatchObject({
      planned: { CREATE: 2, MERGE: 1, SKIP: 3 },
      withErrors: 2,
    });

    expect(await startImport(db(), viewers.admin, { jobId })).toEqual({ ok: true, jobId });
    expect(await startImport(db(), viewers.admin, { jobId })).toEqual({
      ok: false,
      fieldErrors: { jobId: "importState" },
    });
    await drainImports(db());

    const done = await importJob(db(), viewers.admin, jobId);
    expect(done).toMatchObject({ status: "DONE", created: 2, merged: 1, skipped: 3, failed: 0, hasFile: false });
    const created = await db().lead.findUniqueOrThrow({ where: { phone: newPhone }, include: { stageChanges: true } });
    expect(created).toMatchObject({
      company: "平湖新材料有限公司",
      source: "import",
      stageKey: "site_visit",
      ownerId: viewers.owner.id,
      use: "新材料研发",
      notes: "来源：展会",
      firstResponseDueAt: null,
    });
    expect(created.createdAt.toISOString()).toBe("2025-03-04T01:30:00.000Z");
    expect(
      created.stageChanges.map((change) => [change.fromKey, change.toKey, change.changedAt.toISOString()]),
    ).toEqual([[null, "site_visit", "2025-03-04T01:30:00.000Z"]]);
    expect(await db().lead.findUniqueOrThrow({ where: { phone: poolPhone } })).toMatchObject({
      ownerId: null,
      stageKey: "new",
    });
    const joined = await db().lead.findUniqueOrThrow({ where: { id: existing.id } });
    expect(joined.use).toBe("精密零件加工");
    // No new-lead notification for imported history.
    expect(await db().outboxEvent.count()).toBe(outboxBefore);

    const messages = await loadMessages("zh-CN");
    const errors = await importErrorFile(db(), viewers.admin, jobId, { locale: "zh-CN", messages });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(errors!.body);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.slice(1).trim().split("\r\n")).toEqual([
      "公司名称,联系人,手机号,阶段,负责人,登记日期,用途,来源,原因",
      `坏行有限公司,赵六,12345,,,,,,手机号：${messages.validation.phone}`,
      `阶段不对有限公司,钱八,${badRowPhone},没有这个阶段,,,,,阶段：${messages.validation.stageUnknown}`,
    ]);

    // Someone edits the joined field after the import: the undo leaves it as they left it.
    const undoneAt = new Date(done!.finishedAt!.getTime() + 23 * HOUR);
    expect(await undoImport(db(), viewers.admin, { jobId }, undoneAt)).toMatchObject({
      ok: true,
      archived: 2,
      reverted: 1,
    });
    expect((await db().lead.findUniqueOrThrow({ where: { phone: newPhone } })).archivedAt).not.toBeNull();
    expect((await db().lead.findUniqueOrThrow({ where: { id: existing.id } })).use).toBeNull();
    expect(await importJob(db(), viewers.admin, jobId)).toMatchObject({ status: "UNDONE" });
    // Each step audited, read as a sentence naming the file (never a row's values).
    const audited = await db().auditEntry.findMany({
      where: { entityId: jobId },
      select: { action: true, entityType: true, entityId: true, details: true },
      orderBy: { createdAt: "asc" },
    });
    const none = new Map();
    const write = auditWriter(messages, "zh-CN", {
      users: none,
      leads: none,
      listings: none,
      parks: none,
      stages: none,
      lostReasons: none,
      channels: none,
    });
    expect(audited.map((entry) => write({ ...entry, actorName: "王芳" }).sentence)).toEqual([
      "王芳 上传了导入文件 leads.csv（6 行）",
      "王芳 导入了 leads.csv：新建 2 条，合并 1 条，跳过 3 条，失败 0 条",
      "王芳 下载了导入 leads.csv 的错误行（2 行）",
      "王芳 撤销了导入 leads.csv：归档 2 条线索，还原 1 条合并",
    ]);
  });

  it("gives the rows it could not take from an .xlsx back as an .xlsx with the reason column", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("线索");
    const good = phoneOf(next());
    sheet.addRows([
      ["公司名称", "联系人", "手机号", "预计税收（万元）"],
      ["秀洲好行有限公司", "冯一", good, 300],
      ["秀洲坏行有限公司", "", "1380013", "很多"],
    ]);
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const jobId = await uploadAndAnalyse(new File([bytes], "台账.xlsx"));
    await startImport(db(), viewers.admin, { jobId });
    await drainImports(db());
    expect(await importJob(db(), viewers.admin, jobId)).toMatchObject({ status: "DONE", created: 1, skipped: 1 });
    const messages = await loadMessages("zh-CN");
    const file = await importErrorFile(db(), viewers.admin, jobId, { locale: "zh-CN", messages });
    expect(file).toMatchObject({ fileName: "台账-错误行.xlsx", rows: 1 });
    const back = await readImportFile(file!.body, file!.fileName);
    const fields = messages.leadImport.mapping.fields;
    expect([back.headers, ...back.rows.map((row) => row.cells)]).toEqual([
      ["公司名称", "联系人", "手机号", "预计税收（万元）", "原因"],
      [
        "秀洲坏行有限公司",
        "",
        "1380013",
        "很多",
        [
          `${fields.contactName}：${messages.validation.required}`,
          `${fields.phone}：${messages.validation.phone}`,
          `${fields.expectedAnnualTax}：${messages.validation.amount}`,
        ].join("；"),
      ],
    ]);
  });

  it("refuses an undo more than a day after the import finished, and keeps a file the admin asked to keep", async () => {
    const phone = phoneOf(next());
    const jobId = await uploadAndAnalyse(
      csvFile([
        ["公司名称", "联系人", "手机号"],
        ["桐乡晚撤有限公司", "吴九", phone],
      ]),
    );
    await startImport(db(), viewers.admin, { jobId, keepFile: true });
    await drainImports(db());
    const done = await importJob(db(), viewers.admin, jobId);
    expect(done).toMatchObject({ status: "DONE", created: 1, hasFile: true });
    const late = new Date(done!.finishedAt!.getTime() + 24 * HOUR + 1_000);
    expect(await undoImport(db(), viewers.admin, { jobId }, late)).toEqual({
      ok: false,
      fieldErrors: { jobId: "undoExpired" },
    });
    expect((await db().lead.findUniqueOrThrow({ where: { phone } })).archivedAt).toBeNull();
    expect(await dropImportFile(db(), viewers.admin, { jobId })).toEqual({ ok: true, jobId });
    expect(await importJob(db(), viewers.admin, jobId)).toMatchObject({ hasFile: false, keepFile: false });
  });
}

describe("import engine on PGlite", () => importSuite(() => openTestPglite()));
describeOnPostgres("import engine on PostgreSQL", () => importSuite(() => openTestPostgres()));
