import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { Database, OpenedDatabase } from "@/lib/db/open";
import { assignLeads } from "@/lib/leads/assign/mutations";
import { companyKey } from "@/lib/leads/company-key";
import { leadSearchTokens } from "@/lib/leads/search-tokens";
import { moveLeadsStage } from "@/lib/leads/stage/mutations";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * Bulk assign and bulk stage change write each kind of row for all the leads at once: the number of
 * statements a batch takes does not grow with the batch (200 leads cost what 2 do), and every lead
 * still gets its own timeline line, stage history and response time, with one audit entry.
 */

const BATCH = 200;

function batchSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  let manager: Viewer;
  let officer: Viewer;
  const statements: string[] = [];
  /** The same database, noting every statement Prisma sends (model calls and raw SQL, inside transactions too). */
  let counted: Database;

  async function makeUser(role: Role, label: string): Promise<Viewer> {
    const user = await opened.db.user.create({
      data: { email: `${label}-${process.pid}-${Date.now()}@batch.test`, name: label, role, passwordHash: "x" },
    });
    return { id: user.id, email: user.email, name: user.name, role };
  }

  let phones = 0;
  async function makeLeads(prefix: string, count: number): Promise<string[]> {
    const leads = Array.from({ length: count }, (_, i) => ({
      id: `${prefix}${String(i).padStart(4, "0")}`,
      company: `批量企业${prefix}${i}号有限公司`,
      contactName: `联系人${i}`,
      phone: `151${String((phones += 1)).padStart(8, "0")}`,
    }));
    await opened.db.lead.createMany({
      data: leads.map((lead) => ({
        ...lead,
        companyKey: companyKey(lead.company),
        searchTokens: leadSearchTokens(lead),
      })),
    });
    return leads.map((lead) => lead.id);
  }

  async function statementsOf(work: () => Promise<unknown>): Promise<string[]> {
    statements.length = 0;
    await work();
    return [...statements];
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    manager = await makeUser("MANAGER", "经理");
    officer = await makeUser("STAFF", "专员");
    counted = opened.db.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          statements.push(`${model ?? "$"}.${operation}`);
          return query(args);
        },
      },
    }) as unknown as Database;
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it(`[MANAGER] assigns ${BATCH} leads in as many statements as 2, each with its owner line and one audit entry`, async () => {
    const few = await makeLeads("bf", 2);
    const many = await makeLeads("bm", BATCH);
    const forFew = await statementsOf(async () =>
      expect(await assignLeads(counted, manager, { leadIds: few, ownerId: officer.id })).toEqual({
        ok: true,
        changed: 2,
      }),
    );
    const forMany = await statementsOf(async () =>
      expect(await assignLeads(counted, manager, { leadIds: many, ownerId: officer.id })).toEqual({
        ok: true,
        changed: BATCH,
      }),
    );
    expect(forMany).toEqual(forFew);
    // What is counted includes the transaction's own statements: the timeline lines are among them.
    expect(forMany).toContain("Activity.createMany");
    expect(forMany.length).toBeLessThanOrEqual(8);

    const leads = await opened.db.lead.findMany({
      where: { id: { in: many } },
      select: { ownerId: true, assignedAt: true, lastActivityAt: true },
    });
    expect(leads.every((lead) => lead.ownerId === officer.id && lead.assignedAt && lead.lastActivityAt)).toBe(true);
    const lines = await opened.db.activity.findMany({
      where: { leadId: { in: many }, kind: "OWNER" },
      select: { leadId: true, actorId: true, details: true },
    });
    expect(lines).toHaveLength(BATCH);
    expect(new Set(lines.map((line) => line.leadId)).size).toBe(BATCH);
    expect(lines.every((line) => line.actorId === manager.id)).toBe(true);
    expect(lines[0].details).toEqual({ from: null, to: officer.id });
    const audit = await opened.db.auditEntry.findFirstOrThrow({
      where: { action: "lead.assign", entityId: `${BATCH} leads` },
    });
    expect((audit.details as { leads: unknown[] }).leads).toHaveLength(BATCH);
  });

  it(`[STAFF] moves ${BATCH} of their leads to the next stage in as many statements as 2, each with its history and response`, async () => {
    const few = await makeLeads("sf", 2);
    const many = await makeLeads("sm", BATCH);
    await assignLeads(opened.db, manager, { leadIds: [...few, ...many], ownerId: officer.id });
    const forFew = await statementsOf(async () =>
      expect(await moveLeadsStage(counted, officer, { leadIds: few, toStageKey: "contacted" })).toEqual({
        ok: true,
        moved: 2,
      }),
    );
    const forMany = await statementsOf(async () =>
      expect(await moveLeadsStage(counted, officer, { leadIds: many, toStageKey: "contacted" })).toEqual({
        ok: true,
        moved: BATCH,
      }),
    );
    expect(forMany).toEqual(forFew);
    expect(forMany.length).toBeLessThanOrEqual(10);

    const leads = await opened.db.lead.findMany({
      where: { id: { in: many } },
      select: { stageKey: true, version: true, firstRespondedAt: true, stageChangedAt: true },
    });
    expect(
      leads.every(
        (lead) => lead.stageKey === "contacted" && lead.version === 2 && lead.firstRespondedAt && lead.stageChangedAt,
      ),
    ).toBe(true);
    expect(
      await opened.db.stageChange.count({
        where: { leadId: { in: many }, fromKey: "new", toKey: "contacted", actorId: officer.id },
      }),
    ).toBe(BATCH);
    const lines = await opened.db.activity.findMany({
      where: { leadId: { in: many }, kind: "STAGE" },
      select: { leadId: true, details: true },
    });
    expect(new Set(lines.map((line) => line.leadId)).size).toBe(BATCH);
    expect(lines[0].details).toEqual({ from: "new", to: "contacted" });
    expect(await opened.db.auditEntry.count({ where: { action: "lead.stage", entityId: `${BATCH} leads` } })).toBe(1);
  });
}

describe("bulk lead changes on PGlite", () => batchSuite(() => openTestPglite()));
describeOnPostgres("bulk lead changes on PostgreSQL", () => batchSuite(() => openTestPostgres()));
