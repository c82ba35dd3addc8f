import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { DEMO_EMAIL_DOMAIN, demoPhone } from "@/lib/demo/seed/catalogue";
import { DEMO_LEADS } from "@/lib/demo/seed/plan";
import { seedDemoWorkspace } from "@/lib/demo/seed";
import { demoWorkspaceShown } from "@/lib/demo/queries";
import { removeDemoData } from "@/lib/demo/remove/mutations";
import { shanghaiDayBounds } from "@/lib/calendar/shanghai-time";
import { makeLead } from "../support/door-fixtures";
import { tallyDrift } from "../support/report-tallies";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The demo workspace: seeded once into a workspace that never had a lead, about 200 leads over 18 months
 * in every stage with report tallies equal to a recount and nothing in the outbox; never into a workspace
 * with real leads; removed as a whole by an admin, leaving the real leads and no trace of the demo's people.
 */

const NOW = new Date("2026-12-07T03:30:00Z");
const DAY = 86_400_000;

async function adminOf(db: Database): Promise<Viewer> {
  const email = `demo-admin-${process.pid}@park.test`;
  const user = await db.user.create({ data: { email, name: "管理员", role: "ADMIN", passwordHash: "unused" } });
  return { id: user.id, email, name: user.name, role: "ADMIN" };
}

/** Where in the database any of the values occurs, reading every text-like column the catalogue lists. */
async function occurrences(db: Database, values: string[]): Promise<string[]> {
  const columns = await db.$queryRaw<{ table: string; column: string }[]>`
    SELECT c.table_name AS "table", c.column_name AS "column"
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE t.table_type = 'BASE TABLE' AND c.table_schema = 'public'
      AND (c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
           OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_bpchar')))`;
  const found: string[] = [];
  for (const { table, column } of columns) {
    const rows = await db.$queryRawUnsafe<{ value: string }[]>(
      `SELECT v AS "value" FROM unnest($1::text[]) AS v
       WHERE EXISTS (SELECT 1 FROM "${table}" WHERE strpos("${column}"::text, v) > 0)`,
      values,
    );
    found.push(...rows.map((row) => `${table}.${column}: ${row.value}`));
  }
  return found;
}

function demoSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let admin: Viewer;
  const db = () => opened.db;

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    admin = await adminOf(db());
  }, 120_000);
  afterAll(() => cleanup?.());

  it("[SYSTEM] seeds about 200 leads over 18 months in every stage, owners among demo staff, some in the pool", async () => {
    expect(await seedDemoWorkspace(db(), NOW)).toBe("seeded");
    const leads = await db().lead.findMany({
      select: { stageKey: true, ownerId: true, createdAt: true, demo: true, firstRespondedAt: true, phone: true },
    });
    expect(leads).toHaveLength(DEMO_LEADS);
    expect(leads.every((lead) => lead.demo && /^1540000\d{4}$/.test(lead.phone))).toBe(true);
    const stages = await db().stage.findMany({ select: { key: true } });
    const counts = Object.fromEntries(stages.map((stage) => [stage.key, 0]));
    for (const lead of leads) counts[lead.stageKey] += 1;
    expect(
      Object.values(counts).every((count) => count > 0),
      JSON.stringify(counts),
    ).toBe(true);
    expect(counts.signed).toBeGreaterThanOrEqual(5);
    expect(counts.signed).toBeLessThanOrEqual(30);

    const times = leads.map((lead) => lead.createdAt.getTime());
    expect(Math.min(...times)).toBeGreaterThan(NOW.getTime() - 19 * 31 * DAY);
    expect(Math.min(...times)).toBeLessThan(NOW.getTime() - 16 * 30 * DAY);
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    const months = new Set(leads.map((lead) => lead.createdAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(17);
    // Answers within the hour, so the speed report shows minutes.
    const fast = leads.filter(
      (lead) => lead.firstRespondedAt && lead.firstRespondedAt.getTime() - lead.createdAt.getTime() < 3_600_000,
    );
    expect(fast.length).toBeGreaterThan(20);

    const pool = leads.filter((lead) => lead.ownerId === null);
    expect(pool.length).toBeGreaterThanOrEqual(5);
    const owners = await db().user.findMany({
      where: { id: { in: [...new Set(leads.map((lead) => lead.ownerId).filter((id) => id !== null))] } },
      select: { email: true, role: true, away: true },
    });
    expect(owners.every((owner) => owner.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`))).toBe(true);
    expect(owners.filter((owner) => owner.role === "STAFF")).toHaveLength(4);
    expect(owners.filter((owner) => owner.role === "MANAGER")).toHaveLength(1);
  });

  it("[SYSTEM] writes what the workspace would have: histories that match the stays, calls, visits, tasks due and overdue", async () => {
    const leads = await db().lead.findMany({
      select: { id: true, stageKey: true, stayStageKeys: true, stageChanges: { orderBy: { changedAt: "asc" } } },
    });
    for (const lead of leads) {
      const path = lead.stageChanges.map((change) => change.toKey);
      expect(path.at(-1)).toBe(lead.stageKey);
      expect(lead.stayStageKeys).toEqual(path.slice(0, -1));
    }
    const kinds = await db().activity.groupBy({ by: ["kind"], _count: true });
    expect(kinds.map((row) => row.kind).sort()).toEqual(["CALL", "EMAIL", "NOTE", "OWNER", "STAGE", "VISIT"]);
    const today = shanghaiDayBounds(NOW);
    const open = { doneAt: null };
    expect(await db().task.count({ where: { ...open, dueAt: { gte: today.start, lt: today.end } } })).toBeGreaterThan(
      0,
    );
    expect(await db().task.count({ where: { ...open, dueAt: { lt: today.start } } })).toBeGreaterThan(0);
    const lost = await db().lead.findMany({ where: { stageKey: "lost" }, select: { lostReasonKey: true } });
    expect(lost.every((lead) => lead.lostReasonKey !== null)).toBe(true);
    expect(await db().inquiry.count()).toBe(
      (await db().lead.aggregate({ _sum: { inquiryCount: true } }))._sum.inquiryCount,
    );
  });

  it("[SYSTEM] keeps the report tallies equal to a recount and records no outbox event", async () => {
    expect(await tallyDrift(db())).toEqual([]);
    expect(await db().outboxEvent.count()).toBe(0);
    expect(await db().delivery.count()).toBe(0);
  });

  it("[SYSTEM] seeds once: a restart finds the demo there and writes nothing", async () => {
    const before = await db().lead.count();
    expect(await seedDemoWorkspace(db(), NOW)).toBe("alreadySeeded");
    expect(await db().lead.count()).toBe(before);
    expect(await demoWorkspaceShown(db(), admin)).toBe(true);
  });

  it("[ADMIN] removes exactly the demo leads and all that hangs off them; the real lead stays; no restart brings it back", async () => {
    const real = await makeLead(db(), admin.id);
    await db().activity.create({ data: { leadId: real.id, actorId: admin.id, kind: "NOTE", body: "真实线索" } });
    const result = await removeDemoData(db(), admin, { confirm: true });
    expect(result).toMatchObject({ ok: true, leads: DEMO_LEADS, users: 5 });
    expect(await db().lead.findMany({ select: { id: true } })).toEqual([{ id: real.id }]);
    for (const count of [
      db().inquiry.count({ where: { leadId: { not: real.id } } }),
      db().activity.count({ where: { leadId: { not: real.id } } }),
      db().stageChange.count({ where: { leadId: { not: real.id } } }),
      db().task.count(),
      db().user.count({ where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, active: true } }),
    ])
      expect(await count).toBe(0);
    expect(await db().activity.count({ where: { leadId: real.id } })).toBe(1);
    expect(await tallyDrift(db())).toEqual([]);
    expect(await db().auditEntry.findFirst({ where: { action: "demo.remove" } })).toMatchObject({ actorId: admin.id });
    // None of the demo's people is left in any text column (phones, names on inquiries, timelines).
    const phones = Array.from({ length: DEMO_LEADS }, (_, index) => demoPhone(index));
    expect(await occurrences(db(), phones)).toEqual([]);
    expect(await demoWorkspaceShown(db(), admin)).toBe(false);
    expect(await seedDemoWorkspace(db(), NOW)).toBe("alreadySeeded");
  });

  it("[STAFF] may not remove the demo", async () => {
    const staff = { ...admin, role: "STAFF" as const };
    await expect(removeDemoData(db(), staff, { confirm: true })).rejects.toThrow(/remove demo data/);
  });
}

function guardSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ opened, cleanup } = await open()), 120_000);
  afterAll(() => cleanup?.());

  it("[SYSTEM] seeds nothing without a first admin, and never into a workspace that has real leads", async () => {
    const db = opened.db;
    expect(await seedDemoWorkspace(db, NOW)).toBe("noAdmin");
    expect(await db.user.count()).toBe(0);
    const admin = await adminOf(db);
    await makeLead(db, admin.id);
    expect(await seedDemoWorkspace(db, NOW)).toBe("hasLeads");
    expect(await db.lead.count({ where: { demo: true } })).toBe(0);
    expect(await db.user.count()).toBe(1);
  });
}

describe("demo workspace on PGlite", () => demoSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("demo workspace on PostgreSQL", () => demoSuite(() => openTestPostgres({ seedDemo: true })));
describe("demo guards on PGlite", () => guardSuite(() => openTestPglite({ seedDemo: true })));
describeOnPostgres("demo guards on PostgreSQL", () => guardSuite(() => openTestPostgres({ seedDemo: true })));
