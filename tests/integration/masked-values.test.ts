import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { claimLead } from "@/lib/leads/assign/mutations";
import { updateLead } from "@/lib/leads/edit/mutations";
import { EDITABLE_FIELDS } from "@/lib/leads/edit/schema";
import { maskHandle } from "@/lib/leads/mask";
import { dashboardSummary } from "@/lib/leads/dashboard/queries";
import { companyKey } from "@/lib/leads/company-key";
import { leadDetail } from "@/lib/leads/detail/queries";
import { findDuplicates } from "@/lib/leads/duplicates/queries";
import { exportLeadsCsv } from "@/lib/leads/inbox/export";
import { listInbox } from "@/lib/leads/inbox/queries";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { loadBoard } from "@/lib/pipeline/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * Staff see a pool lead's phone as 138****5678 until they claim it. Every door that answers a
 * question about leads must answer it as if it only knew 138****5678: a search that matched the
 * hidden digits would give the number away a digit at a time. These tests play the officer who
 * tries: every prefix and every four-digit run of a pool lead's phone, on every door.
 */

let counter = 0;
const run = `${process.pid % 10_000}`.padStart(4, "0");
const nextPhone = () => `158${run}${String(++counter).padStart(4, "0")}`;
const unique = (label: string) => `${label}${run}${++counter}`;
/** A company name unique to the run that holds no digit, so only the phone can match a digit probe. */
const companyName = () =>
  `澄湖精机${Array.from(`${run}${++counter}`, (digit) => "〇一二三四五六七八九"[Number(digit)]).join("")}有限公司`;

/** What an officer would type, trying to recover a masked phone: its prefixes, runs and spaced forms. */
function probesOf(phone: string): string[] {
  const probes = new Set<string>();
  for (let length = 2; length <= phone.length; length++) probes.add(phone.slice(0, length));
  for (let start = 0; start + 4 <= phone.length; start++) probes.add(phone.slice(start, start + 4));
  for (let start = 1; start + 6 <= phone.length; start++) probes.add(phone.slice(start, start + 6));
  probes.add(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  probes.add(`+86${phone}`);
  return [...probes];
}

function maskedSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const db = () => opened.db;
  const viewers = {} as Record<"staff" | "otherStaff" | "manager", Viewer>;

  async function makeUser(role: Role): Promise<Viewer> {
    const email = `${unique(`masked-${role.toLowerCase()}-`)}@park.test`;
    const user = await db().user.create({ data: { email, name: unique(role), role, passwordHash: "unused" } });
    return { id: user.id, email, name: user.name, role };
  }

  /** A lead as the intake leaves it: company key, search tokens, and one inquiry from each phone given. */
  async function makeLead(ownerId: string | null, inquiryPhones: string[] = [], message: string | null = null) {
    const company = companyName();
    const phone = nextPhone();
    const contactName = "周先生";
    const lead = await db().lead.create({
      data: {
        phone,
        company,
        companyKey: companyKey(company),
        contactName,
        ownerId,
        searchTokens: leadSearchTokens({ company, contactName, phone }),
      },
    });
    for (const from of [phone, ...inquiryPhones]) {
      await db().inquiry.create({
        data: {
          reference: unique("PL-MASK-"),
          requestHash: "test",
          leadId: lead.id,
          needDeal: "BUY",
          needKind: "FACTORY",
          needArea: "2000",
          needAreaUnit: "SQM",
          use: "精密轴承生产",
          expectedAnnualTax: "120",
          company,
          contactName,
          phone: from,
          message,
          consentNoticeVersion: "2026-11",
          consentedAt: new Date(),
          channel: "FORM",
          locale: "zh-CN",
        },
      });
    }
    return lead;
  }

  const inboxIds = async (viewer: Viewer, q: string) => {
    const page = await listInbox(db(), viewer, { filter: { q } });
    if (!page.ok) throw new Error(JSON.stringify(page.fieldErrors));
    return page.rows.map((row) => row.id);
  };
  const boardIds = async (viewer: Viewer, q: string) =>
    (await loadBoard(db(), viewer, { q })).columns.flatMap((column) => column.cards.map((card) => card.id));
  const exportedRows = async (viewer: Viewer, q: string) => {
    const result = await exportLeadsCsv(db(), viewer, { filter: { q } }, { locale: "zh-CN" });
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    const text = await new Response(result.body).text();
    return { rows: result.rows, text };
  };

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.staff = await makeUser("STAFF");
    viewers.otherStaff = await makeUser("STAFF");
    viewers.manager = await makeUser("MANAGER");
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it("[STAFF] finds a pool lead by no part of its masked phone, in the inbox, on the board or in an export; after claiming it, by any", async () => {
    const pool = await makeLead(null);
    for (const q of probesOf(pool.phone)) {
      expect({ q, found: (await inboxIds(viewers.staff, q)).includes(pool.id) }).toEqual({ q, found: false });
    }
    for (const q of [pool.phone, pool.phone.slice(-4), pool.phone.slice(0, 7)]) {
      expect(await boardIds(viewers.staff, q)).not.toContain(pool.id);
      const exported = await exportedRows(viewers.staff, q);
      expect(exported.text).not.toContain(pool.company);
    }
    // Unmasked fields still find it: the company is shown, so searching it reveals nothing.
    expect(await inboxIds(viewers.staff, pool.company)).toEqual([pool.id]);
    expect((await exportedRows(viewers.staff, pool.company)).text).toContain(
      `${pool.phone.slice(0, 3)}****${pool.phone.slice(-4)}`,
    );
    expect((await exportedRows(viewers.staff, pool.company)).text).not.toContain(pool.phone);
    // A manager sees every phone, so finds it by any part of it.
    expect(await inboxIds(viewers.manager, pool.phone.slice(3, 9))).toContain(pool.id);

    expect(await claimLead(db(), viewers.staff, { leadId: pool.id })).toEqual({ ok: true, changed: 1 });
    for (const q of [pool.phone, pool.phone.slice(-4), pool.phone.slice(3, 9)]) {
      expect(await inboxIds(viewers.staff, q)).toContain(pool.id);
      expect(await boardIds(viewers.staff, q)).toContain(pool.id);
    }
    expect((await exportedRows(viewers.staff, pool.phone)).rows).toBe(1);
  });

  it("[STAFF] possible duplicates do not tell that a pool lead shares a phone with one of theirs", async () => {
    const own = await makeLead(viewers.staff.id);
    // The same person once asked from the officer's lead's phone; that inquiry now lives on a pool lead.
    const pool = await makeLead(null, [own.phone]);

    const fromOwn = await findDuplicates(db(), viewers.staff, own.id);
    expect(fromOwn?.duplicates.map((duplicate) => duplicate.id)).not.toContain(pool.id);
    const fromPool = await findDuplicates(db(), viewers.staff, pool.id);
    expect(fromPool?.duplicates.map((duplicate) => duplicate.id)).not.toContain(own.id);
    expect(JSON.stringify(fromPool)).not.toContain(pool.phone);

    // A manager sees both phones, so is told.
    expect((await findDuplicates(db(), viewers.manager, own.id))?.duplicates).toMatchObject([
      { id: pool.id, reasons: ["phone"] },
    ]);
    // Once the officer has claimed the pool lead, both phones are theirs to see.
    expect(await claimLead(db(), viewers.staff, { leadId: pool.id })).toEqual({ ok: true, changed: 1 });
    expect((await findDuplicates(db(), viewers.staff, own.id))?.duplicates).toMatchObject([
      { id: pool.id, reasons: ["phone"], phone: pool.phone },
    ]);
  });

  it("[STAFF] a pool lead's page carries none of its phones in full, not even in a merge line of its timeline", async () => {
    const pool = await makeLead(null);
    const mergedPhone = nextPhone();
    await db().activity.create({
      data: {
        leadId: pool.id,
        actorId: viewers.manager.id,
        kind: "MERGE",
        details: { mergedId: "x-merged", company: pool.company, phone: mergedPhone },
      },
    });

    const shown = JSON.stringify(await leadDetail(db(), viewers.staff, pool.id));
    expect(shown).toContain(`${pool.phone.slice(0, 3)}****${pool.phone.slice(-4)}`);
    for (const phone of [pool.phone, mergedPhone]) expect(shown).not.toContain(phone);

    expect(await claimLead(db(), viewers.staff, { leadId: pool.id })).toEqual({ ok: true, changed: 1 });
    const claimed = JSON.stringify(await leadDetail(db(), viewers.staff, pool.id));
    for (const phone of [pool.phone, mergedPhone]) expect(claimed).toContain(phone);
  });

  /*
   * Chinese WeChat IDs and emails are very often the phone itself, and investors write their number
   * into messages: a pool lead set up that way, as a manager would fill it in.
   */
  async function makeTalkativePoolLead() {
    const marker = companyName().replace("有限公司", "");
    const personal = `zhou.${unique("wx")}@example.com`;
    const pool = await makeLead(null, [], null);
    const phone = pool.phone;
    const spaced = `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    await db().inquiry.updateMany({
      where: { leadId: pool.id },
      data: { message: `您好，我的手机 ${spaced}，邮箱 ${personal}，微信同号。` },
    });
    const edited = await updateLead(db(), viewers.manager, {
      leadId: pool.id,
      version: 1,
      wechat: phone,
      email: `${phone}@139.com`,
      notes: `${marker}：客户说加微信${phone}，或发邮件到 ${personal}`,
    });
    expect(edited).toMatchObject({ ok: true, changed: ["wechat", "email", "notes"] });
    await db().activity.create({
      data: {
        leadId: pool.id,
        actorId: viewers.manager.id,
        kind: "NOTE",
        body: `已发短信到 ${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`,
      },
    });
    await db().task.create({
      data: {
        leadId: pool.id,
        assigneeId: viewers.staff.id,
        createdById: viewers.manager.id,
        title: `回电 ${phone}`,
        dueAt: new Date(Date.now() - 3600_000),
      },
    });
    const lead = await db().lead.findUniqueOrThrow({ where: { id: pool.id } });
    return { lead, phone, personal, marker, spaced };
  }

  /** Every way the hidden characters could be written out: the phone whole, spaced, its hidden middle with its neighbours, the emails. */
  const revealingForms = (phone: string, personal: string) => [
    phone,
    phone.slice(3),
    phone.slice(0, 7),
    `${phone.slice(3, 7)} ${phone.slice(7)}`,
    `-${phone.slice(3, 7)}-`,
    `${phone}@139.com`,
    personal,
    personal.split("@")[0],
  ];

  it("[STAFF] a pool lead whose WeChat ID is its phone and whose message holds it shows none of it on any door and answers no search by it; after claiming, all in full", async () => {
    const { lead, phone, personal, marker, spaced } = await makeTalkativePoolLead();
    const hidden = revealingForms(phone, personal);
    const maskedPhone = `${phone.slice(0, 3)}****${phone.slice(-4)}`;

    const page = await leadDetail(db(), viewers.staff, lead.id);
    const shown = JSON.stringify(page);
    for (const form of hidden) expect({ form, shown: shown.includes(form) }).toEqual({ form, shown: false });
    expect(page?.lead).toMatchObject({
      phone: maskedPhone,
      wechat: maskHandle(phone),
      email: `${maskHandle(phone)}@139.com`,
      phoneMasked: true,
    });
    expect(page?.lead.maskedFields).toEqual(["wechat", "email", "notes"]);
    expect(page?.inquiries[0].message).toContain(`+86 ${maskedPhone}`);
    expect(page?.lead.notes).toContain(marker);
    expect(page?.tasks[0].title).toBe(`回电 ${maskedPhone}`);
    const dashboard = JSON.stringify(await dashboardSummary(db(), viewers.staff));
    expect(dashboard).toContain(`回电 ${maskedPhone}`);
    for (const form of hidden) expect(dashboard).not.toContain(form);
    const duplicates = JSON.stringify(await findDuplicates(db(), viewers.staff, lead.id));
    for (const form of hidden) expect(duplicates).not.toContain(form);

    // What an officer would type to find out the hidden phone, WeChat ID or email.
    const probes = [
      ...probesOf(phone),
      `${phone}@139.com`,
      "@139",
      "139.com",
      personal,
      personal.slice(0, 6),
      "example.com",
      "zhou",
      phone.slice(0, 2),
    ];
    for (const q of probes) {
      expect({ q, found: (await inboxIds(viewers.staff, q)).includes(lead.id) }).toEqual({ q, found: false });
    }
    for (const q of [phone, `${phone}@139.com`, personal, "zhou"]) {
      expect(await boardIds(viewers.staff, q)).not.toContain(lead.id);
      expect((await exportedRows(viewers.staff, q)).text).not.toContain(lead.company);
    }
    // What masking leaves as it is still finds it: the company, and Chinese words in the notes.
    expect(await inboxIds(viewers.staff, marker)).toEqual([lead.id]);
    expect(await inboxIds(viewers.staff, `${marker} 加微信`)).toEqual([lead.id]);
    const exported = (await exportedRows(viewers.staff, lead.company)).text;
    for (const form of hidden) expect(exported).not.toContain(form);

    // Managers see and find everything.
    const managed = JSON.stringify(await leadDetail(db(), viewers.manager, lead.id));
    for (const form of [phone, `${phone}@139.com`, personal, spaced]) expect(managed).toContain(form);
    for (const q of [`${phone}@139.com`, personal, "zhou"])
      expect(await inboxIds(viewers.manager, q)).toContain(lead.id);

    expect(await claimLead(db(), viewers.staff, { leadId: lead.id })).toEqual({ ok: true, changed: 1 });
    const claimed = await leadDetail(db(), viewers.staff, lead.id);
    expect(claimed?.lead).toMatchObject({
      phone,
      wechat: phone,
      email: `${phone}@139.com`,
      notes: lead.notes,
      phoneMasked: false,
      maskedFields: [],
    });
    expect(claimed?.inquiries[0].message).toContain(spaced);
    expect(claimed?.tasks[0].title).toBe(`回电 ${phone}`);
    expect(JSON.stringify(claimed?.timeline)).toContain(`${phone}@139.com`);
    expect(JSON.stringify(await dashboardSummary(db(), viewers.staff))).toContain(`回电 ${phone}`);
    for (const q of [`${phone}@139.com`, personal, "zhou", phone.slice(3, 9)]) {
      expect(await inboxIds(viewers.staff, q)).toContain(lead.id);
      expect(await boardIds(viewers.staff, q)).toContain(lead.id);
    }
  });

  it("[STAFF] edits a pool lead without writing its masks back, may not change what is masked until claiming, then may", async () => {
    const { lead, phone, personal } = await makeTalkativePoolLead();
    const stored = { wechat: lead.wechat, email: lead.email, notes: lead.notes };
    const storedNow = async () =>
      db().lead.findUniqueOrThrow({
        where: { id: lead.id },
        select: { wechat: true, email: true, notes: true, version: true },
      });
    /** What the lead page's form sends: every field as the viewer was shown it. */
    const formOf = async (viewer: Viewer) => {
      const { lead: shown } = (await leadDetail(db(), viewer, lead.id))!;
      const values = Object.fromEntries(
        EDITABLE_FIELDS.map((field) => [field, shown[field] === null ? "" : String(shown[field])]),
      ) as Record<(typeof EDITABLE_FIELDS)[number], string>;
      return { ...values, leadId: shown.id, version: shown.version };
    };

    // The whole form as shown, with one real change: the change is saved, the masks are not.
    const form = await formOf(viewers.staff);
    expect(form.wechat).toBe(maskHandle(phone));
    expect(await updateLead(db(), viewers.staff, { ...form, industry: "精密机械" })).toEqual({
      ok: true,
      version: form.version + 1,
      changed: ["industry"],
    });
    expect(await storedNow()).toMatchObject({ ...stored, version: form.version + 1 });

    // Changing or clearing what is shown masked is refused, and nothing is saved.
    const current = await formOf(viewers.staff);
    for (const attempt of [
      { wechat: "wxid_guess01" },
      { email: "" },
      { notes: "清空" },
      { email: `${phone}@139.com` },
    ]) {
      const field = Object.keys(attempt)[0];
      expect(await updateLead(db(), viewers.staff, { ...current, ...attempt, company: "改名有限公司" })).toEqual({
        ok: false,
        fieldErrors: { [field]: "claimFirst" },
      });
    }
    expect(await storedNow()).toMatchObject({ ...stored, version: current.version });

    // Claimed in another tab: the form still holds the masks, which are left out, never saved.
    expect(await claimLead(db(), viewers.staff, { leadId: lead.id })).toEqual({ ok: true, changed: 1 });
    expect(await updateLead(db(), viewers.staff, { ...current, employees: "40" })).toEqual({
      ok: true,
      version: current.version + 1,
      changed: ["employees"],
    });
    expect(await storedNow()).toMatchObject(stored);
    // Now theirs: shown in full, and theirs to change.
    const theirs = await formOf(viewers.staff);
    expect(theirs).toMatchObject({ wechat: phone, email: `${phone}@139.com` });
    expect(await updateLead(db(), viewers.staff, { ...theirs, email: personal })).toMatchObject({
      ok: true,
      changed: ["email"],
    });
    expect((await storedNow()).email).toBe(personal);
  });
}

describe("masked values on PGlite", () => maskedSuite(() => openTestPglite()));
describeOnPostgres("masked values on PostgreSQL", () => maskedSuite(() => openTestPostgres()));
