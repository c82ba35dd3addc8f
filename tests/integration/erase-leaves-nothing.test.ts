import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { logActivity } from "@/lib/activities/mutations";
import { rateLimitCounters } from "@/lib/limits/rate-limit";
import { requestHashOf, submitInquiry, type SubmissionContext } from "@/lib/inquiries/mutations";
import { requestPrivacy } from "@/lib/inquiries/status/mutations";
import { statusKey } from "@/lib/inquiries/status-link";
import { inquirySchema, type InquiryInput } from "@/lib/inquiries/schema";
import { updateLead } from "@/lib/leads/edit/mutations";
import { eraseLeadPersonalData } from "@/lib/leads/erase/mutations";
import { exportLeadsCsv } from "@/lib/leads/inbox/export";
import { listInbox } from "@/lib/leads/inbox/queries";
import { mergeLeads } from "@/lib/leads/merge/mutations";
import { moveLeadStage } from "@/lib/leads/stage/mutations";
import { addEvidence } from "@/lib/projects/evidence/mutations";
import { addFunding } from "@/lib/projects/funding/mutations";
import { recordActual, setPlan } from "@/lib/projects/milestones/mutations";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import { terminateProject } from "@/lib/projects/register/mutations";
import { answerSupervision, instructSupervision, openSupervision } from "@/lib/projects/supervision/mutations";
import { localDiskStorage } from "@/lib/storage/local-disk";
import type { Storage } from "@/lib/storage/storage";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { confirmImportMapping, startImport, uploadImport } from "@/lib/leads/import/mutations";
import { importJob } from "@/lib/leads/import/queries";
import { createTask } from "@/lib/tasks/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { drainImports } from "../support/import-jobs";

/*
 * PIPL art. 47: after an admin erases a person, none of their values may be found anywhere in the
 * database. Every path that might copy them runs first (the public inquiry path with its
 * idempotency key and rate limits, a second inquiry, edits, a note, a task, a merge of the same
 * person's second lead, an export searched by the phone, a search); then every text, varchar,
 * char, array and json column of every table in the catalogue is read, so a table or column added
 * later is covered without touching this test.
 */

let counter = 0;
const run = `${process.pid % 10_000}`.padStart(4, "0");
const phoneOf = (n: number) => `137${run}${String(n).padStart(4, "0")}`;
const tag = () => `${run}${String(++counter).padStart(3, "0")}`;

/** Old unkeyed forms that must not exist any more: anyone could recompute them from a phone or a body. */
const unkeyedCounterKey = (value: string) =>
  createHash("sha256").update(`parklead-rate:phone:${value}`).digest("base64url").slice(0, 22);

function eraseSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  const viewers = {} as Record<"staff" | "manager" | "admin", Viewer>;
  let storageDir: string;
  let storage: Storage;

  async function makeUser(role: Role): Promise<Viewer> {
    const email = `erase-${role.toLowerCase()}-${tag()}@park.test`;
    const user = await db().user.create({ data: { email, name: `${role} ${counter}`, role, passwordHash: "unused" } });
    return { id: user.id, email, name: user.name, role };
  }

  /** Every user table's text-like columns, from the catalogue (arrays and json read as their text). */
  async function textColumns(): Promise<{ schema: string; table: string; column: string }[]> {
    return db().$queryRaw<{ schema: string; table: string; column: string }[]>`
      SELECT c.table_schema AS "schema", c.table_name AS "table", c.column_name AS "column"
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
             OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))
      ORDER BY 1, 2, 3`;
  }

  /** Where in the database any of the values occurs, as "table.column: value". */
  async function occurrences(values: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const { schema, table, column } of await textColumns()) {
      const rows = await db().$queryRawUnsafe<{ value: string }[]>(
        `SELECT v AS "value" FROM unnest($1::text[]) AS v WHERE EXISTS (SELECT 1 FROM "${schema}"."${table}" WHERE strpos(lower("${column}"::text), lower(v)) > 0)`,
        values,
      );
      for (const row of rows) found.push(`${table}.${column}: ${row.value}`);
    }
    return found;
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.staff = await makeUser("STAFF");
    viewers.manager = await makeUser("MANAGER");
    viewers.admin = await makeUser("ADMIN");
    storageDir = await mkdtemp(path.join(tmpdir(), "parklead-erase-"));
    storage = localDiskStorage(storageDir);
  });
  afterAll(async () => {
    await rm(storageDir, { recursive: true, force: true });
    await cleanup?.();
  });

  it("[ADMIN] after an erase, none of the person's values is found in any column of any table", async () => {
    const t = tag();
    const person = {
      phone: phoneOf(Number(t.slice(-3)) * 2),
      secondPhone: phoneOf(Number(t.slice(-3)) * 2 + 1),
      contactName: "欧阳霁月",
      newContactName: "欧阳霁月女士",
      email: `ouyang.jiyue.${t}@example.cn`,
      newEmail: `jiyue.ouyang.${t}@example.org`,
      wechat: `oyjy_${t}`,
      newWechat: `jiyue_wx_${t}`,
      message: `请联系欧阳女士，下午三点后方便 ${t}`,
      secondMessage: `第二次咨询：想看两层厂房 ${t}`,
      notes: `欧阳女士说周五前定夺 ${t}`,
      note: `电话沟通：欧阳女士预算确定 ${t}`,
      taskTitle: `回电欧阳霁月 ${t}`,
      creditCode: "91110108551385082Q",
      importNote: `展会登记：欧阳女士要两层 ${t}`,
    };
    const company = `霁月精密机械${t}有限公司`;
    // Logs are one JSON line per event (lib/log.ts) and must not carry the person either.
    const logged = vi.spyOn(console, "log");
    const typedPhone = (phone: string) => `+86 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
    const body = (phone: string, message: string): InquiryInput => ({
      need: { deal: "buy", kind: "factory", area: 2400, areaUnit: "sqm", timeline: "6m" },
      use: "智能制造：减速器生产",
      expectedAnnualTax: 300,
      company,
      contactName: person.contactName,
      phone: typedPhone(phone),
      consent: true,
      wechat: person.wechat,
      email: person.email,
      creditCode: person.creditCode,
      message,
    });
    const context = (key: string): SubmissionContext => ({
      channel: "API",
      locale: "zh-CN",
      idempotencyKey: key,
      clientIp: "203.0.113.9",
      source: {
        page: "/listings/x",
        utmSource: "wechat",
        utmMedium: "social",
        referrer: "https://mp.weixin.qq.com/s/abc",
      },
    });

    // The public path: a keyed inquiry, its retry, a second inquiry, and the same person's second phone.
    const keys = [`order-${person.phone}-1`, `order-${person.phone}-2`, `order-${person.secondPhone}-1`];
    const first = await submitInquiry(db(), body(person.phone, person.message), context(keys[0]));
    const retry = await submitInquiry(db(), body(person.phone, person.message), context(keys[0]));
    const second = await submitInquiry(db(), body(person.phone, person.secondMessage), context(keys[1]));
    const other = await submitInquiry(db(), body(person.secondPhone, person.message), context(keys[2]));
    expect([first.ok, retry.ok && retry.replayed, second.ok, other.ok]).toEqual([true, true, true, true]);
    const lead = await db().lead.findUniqueOrThrow({ where: { phone: person.phone } });
    const secondLead = await db().lead.findUniqueOrThrow({ where: { phone: person.secondPhone } });

    // Staff work: edits (the before/after values go to the timeline and the audit), a note, a task.
    const edited = await updateLead(db(), viewers.manager, {
      leadId: lead.id,
      version: lead.version,
      contactName: person.newContactName,
      email: person.newEmail,
      wechat: person.newWechat,
      notes: person.notes,
    });
    expect(edited).toMatchObject({ ok: true });
    expect(
      await logActivity(db(), viewers.manager, { leadId: lead.id, kind: "NOTE", body: person.note }),
    ).toMatchObject({ ok: true });
    expect(
      await createTask(db(), viewers.manager, { leadId: lead.id, title: person.taskTitle, dueAt: "2030-01-02T10:00" }),
    ).toMatchObject({ ok: true });

    // A manager merges the person's second lead into the first.
    const [survivor, merged] = await Promise.all(
      [lead.id, secondLead.id].map((id) => db().lead.findUniqueOrThrow({ where: { id } })),
    );
    const mergedResult = await mergeLeads(db(), viewers.manager, {
      survivorId: survivor.id,
      mergedId: merged.id,
      survivorVersion: survivor.version,
      mergedVersion: merged.version,
    });
    expect(mergedResult).toMatchObject({ ok: true });

    // The investor asks for erasure from their status page; their receipt waits for the worker, an earlier one
    // went out and the mail server's answer repeats the address.
    if (!first.ok) throw new Error("the first inquiry was refused");
    const asked = await requestPrivacy(db(), { key: statusKey(first.id), kind: "ERASE", confirm: "yes" });
    expect(asked).toMatchObject({ ok: true, created: true });
    const event = await db().outboxEvent.create({
      data: { kind: "inquiry.received", leadId: lead.id, inquiryId: first.id, data: { newLead: true } },
    });
    const receipt = {
      eventId: event.id,
      topic: "receipt",
      medium: "EMAIL" as const,
      inquiryId: first.id,
      leadId: lead.id,
    };
    const [waiting, sent] = await Promise.all([
      db().delivery.create({ data: receipt }),
      db().delivery.create({
        data: { ...receipt, status: "SENT", answer: `250 2.1.5 <${person.email}> ok` },
      }),
    ]);

    // A webhook receiver refused the lead's event quoting what it got: the subscription keeps that answer.
    await db().webhookSubscription.create({
      data: {
        name: "市招商平台",
        urlSealed: "not read here",
        secretSealed: "not read here",
        events: ["lead.created"],
        failure: `HTTP 422: {"error":"duplicate","phone":"${person.phone}","contactName":"${person.contactName}"}`,
        failedAt: new Date(),
        createdById: viewers.admin.id,
      },
    });

    // An officer searches and exports by the phone and by the name (the audit keeps every export).
    for (const q of [person.phone, person.contactName, person.newEmail]) {
      const page = await listInbox(db(), viewers.manager, { filter: { q } });
      expect(page.ok && page.rows.map((row) => row.id)).toEqual([lead.id]);
      const exported = await exportLeadsCsv(db(), viewers.manager, { filter: { q } }, { locale: "zh-CN" });
      expect(exported).toMatchObject({ ok: true, rows: 1 });
      if (exported.ok) await new Response(exported.body).text();
    }

    // An admin imports a spreadsheet naming the person (joined to their lead, and a repeat row), keeping the file.
    const sheet = [
      "公司名称,联系人,手机号,微信,备注",
      `${company},${person.contactName},${person.phone},${person.wechat},${person.importNote}`,
      `${company},${person.contactName},${typedPhone(person.phone)},,`,
    ].join("\n");
    const uploaded = await uploadImport(db(), viewers.admin, {
      file: new File([new TextEncoder().encode(sheet)], "展会名单.csv"),
    });
    if (!uploaded.ok) throw new Error(`the import was refused: ${JSON.stringify(uploaded)}`);
    const mapping = (await importJob(db(), viewers.admin, uploaded.jobId))!.mapping;
    expect(await confirmImportMapping(db(), viewers.admin, { jobId: uploaded.jobId, mapping })).toMatchObject({
      ok: true,
    });
    await drainImports(db());
    expect(await startImport(db(), viewers.admin, { jobId: uploaded.jobId, keepFile: true })).toMatchObject({
      ok: true,
    });
    await drainImports(db());
    expect(await importJob(db(), viewers.admin, uploaded.jobId)).toMatchObject({
      status: "DONE",
      merged: 1,
      hasFile: true,
    });
    // A second file naming them waits for its mapping: its first rows are kept for the mapping form.
    const waitingUpload = await uploadImport(db(), viewers.admin, {
      file: new File([new TextEncoder().encode(sheet)], "第二份名单.csv"),
    });
    if (!waitingUpload.ok) throw new Error(`the import was refused: ${JSON.stringify(waitingUpload)}`);

    // The lead signs and becomes a project: registered under the person's credit code, and the person named in
    // every free text staff write on it (notes, a file's name, a re-plan's reason, 督办, its audit details).
    const signing = await db().lead.findUniqueOrThrow({ where: { id: lead.id }, select: { stageKey: true } });
    expect(
      await moveLeadStage(db(), viewers.manager, {
        leadId: lead.id,
        fromStageKey: signing.stageKey,
        toStageKey: "signed",
        signedArea: "2400",
        signedAreaUnit: "SQM",
        signedAnnualTax: "300",
      }),
    ).toMatchObject({ ok: true });
    const project = await db().project.findFirstOrThrow({ where: { leadId: lead.id } });
    const version = async () => (await db().project.findUniqueOrThrow({ where: { id: project.id } })).version;
    const named = (what: string) => `${what}：联系人${person.contactName}（${person.phone}）`;
    const today = shanghaiDay(new Date());
    const projectId = project.id;
    expect(
      await setPlan(db(), viewers.manager, {
        projectId,
        version: await version(),
        plans: { CONSTRUCTION_START: "2027-01-15" },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await setPlan(db(), viewers.manager, {
        projectId,
        version: await version(),
        plans: { CONSTRUCTION_START: "2027-03-01" },
        reason: named("施工许可推迟"),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await recordActual(db(), viewers.manager, {
        projectId,
        version: await version(),
        kind: "REGISTERED",
        actualOn: today,
        note: named("营业执照已领取"),
        creditCode: person.creditCode,
      }),
    ).toMatchObject({ ok: true });
    const licence = new File(
      [new TextEncoder().encode("%PDF-1.4\n营业执照\n")],
      `营业执照-${person.contactName}-${person.creditCode}.pdf`,
      { type: "application/pdf" },
    );
    expect(
      await addEvidence(
        db(),
        viewers.manager,
        { projectId, milestoneKind: "REGISTERED", note: named("营业执照扫描件"), file: licence },
        storage,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await addFunding(db(), viewers.manager, { projectId, paidOn: today, amount: "500", note: named("首期到资") }),
    ).toMatchObject({ ok: true });
    const item = await openSupervision(db(), viewers.manager, {
      projectId,
      title: named("催办开工"),
      assigneeId: viewers.manager.id,
      dueOn: today,
    });
    if (!item.ok) throw new Error(`the 督办 item was refused: ${JSON.stringify(item)}`);
    const supervisionVersion = async () => (await db().supervision.findFirstOrThrow({ where: { projectId } })).version;
    const supervisionId = (await db().supervision.findFirstOrThrow({ where: { projectId } })).id;
    expect(
      await answerSupervision(db(), viewers.manager, {
        supervisionId,
        version: await supervisionVersion(),
        body: named("已电话催办"),
      }),
    ).toMatchObject({ ok: true });
    expect(
      await instructSupervision(db(), viewers.admin, {
        supervisionId,
        version: await supervisionVersion(),
        body: named("请每周联系"),
      }),
    ).toMatchObject({ ok: true });
    // 解约 last: a terminated project is read-only.
    expect(
      await terminateProject(db(), viewers.manager, { projectId, version: await version(), reason: named("解约说明") }),
    ).toMatchObject({ ok: true });
    const evidence = await db().projectEvidence.findFirstOrThrow({ where: { projectId, storageKey: { not: null } } });

    // What was stored is found before the erase, so the scan below is able to see it.
    const personal = Object.values(person);
    const derived = [
      ...[person.phone, person.secondPhone].flatMap((phone) => [
        typedPhone(phone),
        unkeyedCounterKey(phone),
        ...rateLimitCounters({ phone }, new Date()).keys,
      ]),
      ...[
        body(person.phone, person.message),
        body(person.phone, person.secondMessage),
        body(person.secondPhone, person.message),
      ].flatMap((input) => {
        const inquiry = inquirySchema.parse(input);
        return [createHash("sha256").update(canonical(inquiry)).digest("hex"), requestHashOf(inquiry)];
      }),
      ...keys,
    ];
    const before = await occurrences([...personal, ...derived]);
    for (const table of [
      "Lead",
      "Inquiry",
      "Activity",
      "Task",
      "AuditEntry",
      "RateLimitCounter",
      "Delivery",
      "ImportRow",
      "ImportJob",
      "WebhookSubscription",
      "Project",
      "ProjectMilestone",
      "MilestonePlanChange",
      "ProjectEvidence",
      "ProjectFunding",
      "Supervision",
      "SupervisionEntry",
    ]) {
      expect(before.some((hit) => hit.startsWith(`${table}.`))).toBe(true);
    }

    const erased = await eraseLeadPersonalData(db(), viewers.admin, {
      leadId: lead.id,
      confirm: company,
      reason: `客户 ${person.phone} 来电要求删除`,
    });
    expect(erased).toMatchObject({ ok: true, leads: 2, inquiries: 3 });

    expect(await occurrences([...personal, ...derived])).toEqual([]);
    // The project keeps its company, figures and dates, and its evidence file (a business document) under a
    // blotted name.
    expect(await db().project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({
      companyName: project.companyName,
      creditCode: null,
      status: "TERMINATED",
    });
    const kept = await db().projectEvidence.findUniqueOrThrow({ where: { id: evidence.id } });
    expect(kept).toMatchObject({ storageKey: evidence.storageKey, bytes: evidence.bytes });
    expect(kept.fileName).toMatch(/^营业执照-\[已删除\]-\[已删除\]/);
    expect(await storage.get(evidence.storageKey!)).not.toBeNull();
    // The kept file held them too (bytes: outside the text scan): it is dropped.
    expect(await importJob(db(), viewers.admin, uploaded.jobId)).toMatchObject({ hasFile: false, keepFile: false });
    // The file waiting for its mapping could name them anywhere: it is cancelled and dropped.
    expect(await importJob(db(), viewers.admin, waitingUpload.jobId)).toMatchObject({
      status: "CANCELLED",
      hasFile: false,
    });
    // Nothing more goes out about the person, and their request is answered by the erasure.
    expect(await db().delivery.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "SKIPPED" });
    expect(await db().delivery.findUniqueOrThrow({ where: { id: sent.id } })).toMatchObject({ status: "SENT" });
    expect(await db().privacyRequest.findMany({ where: { leadId: { in: [lead.id, secondLead.id] } } })).toMatchObject([
      { kind: "ERASE", status: "DONE", closedById: viewers.admin.id },
    ]);
    const logs = logged.mock.calls.map((call) => call.map(String).join(" "));
    logged.mockRestore();
    expect(logs.filter((line) => personal.some((value) => line.includes(value)))).toEqual([]);
    // Search tokens are fragments (prefixes, pairs, four-digit runs): none of the person's may be left on the leads.
    const personalTokens = new Set(
      leadSearchTokens({
        company: "",
        contactName: `${person.contactName} ${person.newContactName}`,
        phone: `${person.phone} ${person.secondPhone}`,
        wechat: `${person.wechat} ${person.newWechat}`,
        email: `${person.email} ${person.newEmail}`,
        notes: person.notes,
      }),
    );
    for (const token of leadSearchTokens({ company, contactName: "", phone: "" })) personalTokens.delete(token);
    const leads = await db().lead.findMany({
      where: { id: { in: [lead.id, secondLead.id] } },
      select: { searchTokens: true },
    });
    expect(leads.flatMap((row) => row.searchTokens).filter((token) => personalTokens.has(token))).toEqual([]);
    // The erased person can no longer be found by any door.
    for (const q of [person.phone, person.contactName, person.phone.slice(-4)]) {
      const page = await listInbox(db(), viewers.manager, { filter: { q } });
      expect(page.ok && page.rows).toEqual([]);
    }
  });
}

/** The canonical JSON the request hash was once an unkeyed sha256 of (sorted keys). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, node) =>
    node && typeof node === "object" && !Array.isArray(node)
      ? Object.fromEntries(Object.entries(node).sort(([a], [b]) => a.localeCompare(b)))
      : node,
  );
}

describe("erase leaves nothing behind on PGlite", () => eraseSuite(() => openTestPglite()));
describeOnPostgres("erase leaves nothing behind on PostgreSQL", () => eraseSuite(() => openTestPostgres()));
