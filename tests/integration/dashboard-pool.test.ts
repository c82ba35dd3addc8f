import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Role } from "@/lib/auth/schema";
import type { Viewer } from "@/lib/auth/session";
import type { OpenedDatabase } from "@/lib/db/open";
import { dashboardSummary } from "@/lib/leads/dashboard/queries";
import { poolSummary } from "@/lib/leads/dashboard/pool";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";

/*
 * The dashboard shows the pool (公海) waiting to be claimed to every role, oldest first, and names
 * who round-robin gives new leads to: the intake's rule (active STAFF who are not away, least
 * recently assigned first), never a manager, an admin, an away or a deactivated officer.
 */

const NOW = new Date("2026-12-01T04:00:00Z");
const HOUR = 3_600_000;

function poolSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let opened: OpenedDatabase;
  let cleanup: () => Promise<void>;
  const viewers = {} as Record<"staff" | "second" | "away" | "gone" | "manager" | "admin", Viewer>;

  async function makeUser(role: Role, label: string, data: Record<string, unknown> = {}): Promise<Viewer> {
    const user = await opened.db.user.create({
      data: { email: `${label}-${process.pid}@pool.test`, name: label, role, passwordHash: "x", ...data },
    });
    return { id: user.id, email: user.email, name: user.name, role };
  }

  beforeAll(async () => {
    ({ opened, cleanup } = await open());
    viewers.staff = await makeUser("STAFF", "专员甲", { lastAssignedAt: new Date(NOW.getTime() - HOUR) });
    viewers.second = await makeUser("STAFF", "专员乙", { lastAssignedAt: new Date(NOW.getTime() - 5 * HOUR) });
    viewers.away = await makeUser("STAFF", "外出专员", { away: true });
    viewers.gone = await makeUser("STAFF", "停用专员", { active: false });
    viewers.manager = await makeUser("MANAGER", "经理");
    viewers.admin = await makeUser("ADMIN", "管理员");
    const at = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
    await opened.db.lead.createMany({
      data: [
        { id: "pool-new", company: "新来的公司", contactName: "甲", phone: "13700000001", createdAt: at(1) },
        { id: "pool-old", company: "等了很久的公司", contactName: "乙", phone: "13700000002", createdAt: at(90) },
        { id: "pool-mid", company: "等了一天的公司", contactName: "丙", phone: "13700000003", createdAt: at(24) },
        {
          id: "owned",
          company: "已有负责人的公司",
          contactName: "丁",
          phone: "13700000004",
          createdAt: at(100),
          ownerId: viewers.second.id,
        },
        { id: "archived", company: "已归档", contactName: "戊", phone: "13700000005", archivedAt: at(2) },
        { id: "erased", company: "已删除", contactName: "己", phone: "13700000006", erasedAt: at(2) },
      ],
    });
  });
  afterAll(async () => {
    await cleanup?.();
  });

  it.each([
    ["STAFF", "staff"],
    ["MANAGER", "manager"],
    ["ADMIN", "admin"],
  ] as const)("[%s] sees the pool's leads waiting to be claimed, the oldest first", async (_role, who) => {
    const { pool } = await dashboardSummary(opened.db, viewers[who], NOW);
    expect(pool.count).toBe(3);
    expect(pool.leads.map((lead) => lead.id)).toEqual(["pool-old", "pool-mid", "pool-new"]);
    expect(JSON.stringify(pool)).not.toContain("137000000");
  });

  it("stops counting the pool at its cap and says there are more", async () => {
    const capped = await poolSummary(opened.db, viewers.manager, 2);
    expect(capped).toMatchObject({ count: 2, countCapped: true });
    expect(capped.leads).toHaveLength(3);
    expect(await poolSummary(opened.db, viewers.manager, 3)).toMatchObject({ count: 3, countCapped: false });
  });

  it("names the officers round-robin gives leads to, next one first, and nobody else", async () => {
    const { pool } = await dashboardSummary(opened.db, viewers.manager, NOW);
    expect(pool.rotation.map((officer) => officer.name)).toEqual(["专员乙", "专员甲"]);
    expect(pool.rule).toBe("round_robin");
  });

  it("tells each viewer whether they take turns", async () => {
    expect((await dashboardSummary(opened.db, viewers.staff, NOW)).pool.you).toEqual({
      away: false,
      takesTurns: true,
      ownsParks: false,
    });
    expect((await dashboardSummary(opened.db, viewers.away, NOW)).pool.you).toMatchObject({
      away: true,
      takesTurns: true,
    });
    expect((await dashboardSummary(opened.db, viewers.admin, NOW)).pool.you).toMatchObject({ takesTurns: false });
  });

  it("follows the away switch: an officer back from leave rejoins the rotation", async () => {
    await opened.db.user.update({ where: { id: viewers.away.id }, data: { away: false } });
    const { pool } = await dashboardSummary(opened.db, viewers.staff, NOW);
    // Never given a lead: first in line, as the intake's NULLS FIRST puts them.
    expect(pool.rotation.map((officer) => officer.name)).toEqual(["外出专员", "专员乙", "专员甲"]);
    await opened.db.user.update({ where: { id: viewers.away.id }, data: { away: true } });
  });

  it("is for signed-in workspace users only", async () => {
    await expect(dashboardSummary(opened.db, null, NOW)).rejects.toBeInstanceOf(AccessDenied);
  });
}

describe("dashboard pool on PGlite", () => poolSuite(() => openTestPglite()));
describeOnPostgres("dashboard pool on PostgreSQL", () => poolSuite(() => openTestPostgres()));
