import { encode } from "next-auth/jwt";
import pg from "pg";
import type { Viewer } from "../lib/auth/session";
import { deliveryReport } from "../lib/reports/delivery/queries";
import { parseReportFilter } from "../lib/reports/filters";
import { openAppDatabase } from "../lib/startup/open-app-database";
import { benchPostgres, dropDatabase, freshDatabase, startServer, timed } from "./support";

/*
 * The delivery (履约) report at a county's scale: 50,000 signed projects over ten parks and 40 officers, each with
 * six milestones (about a tenth re-planned, with their plan history), 到资 payments and schedule, and a year's
 * actuals. Times the report's query as of today (a manager over everything, an officer over their own, a manager
 * over one park) and the page GET /crm/reports?tab=delivery on a production build (target p95 < 300 ms).
 */
const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 50_000);
const PARKS = 10;
const OFFICERS = 40;
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3900) + 8;
const DATABASE = "parklead_bench_delivery";
const SECRET = "bench-delivery-secret-0123456789abcdef";

/** Days after the signing each milestone is planned for, in MILESTONE_KINDS order. */
const OFFSETS = [30, 120, 240, 540, 720, 1080];
const KINDS = ["REGISTERED", "LAND_HANDOVER", "CONSTRUCTION_START", "COMPLETION", "PRODUCTION", "FULL_PRODUCTION"];

async function fill(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description",
        "descriptionEn", "operatorName", "contactPhone", "benchmarkTaxPerMu", "benchmarkOutputPerMu", "updatedAt")
      SELECT 'benchpark' || k, 'bench-park-' || k, '基准园区' || k, 'Bench park ' || k, '平湖', 'Pinghu', '新兴路 1 号',
        '1 Xinxing Rd', '园区', 'A park', '基准运营', '0573-80000000',
        CASE WHEN k % 2 = 0 THEN 10 + k END, CASE WHEN k % 2 = 0 THEN 250 + 10 * k END, now()
      FROM generate_series(1, ${PARKS}) k`);
    await client.query(`
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
      SELECT 'benchofficer' || n, 'officer' || n || '@bench.test', '专员' || n, 'unused', 'STAFF'::"Role", now()
      FROM generate_series(1, ${OFFICERS}) n
      UNION ALL SELECT 'benchmanager', 'manager@bench.test', '经理', 'unused', 'MANAGER'::"Role", now()`);
    await client.query(`
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "ownerId", "updatedAt")
      SELECT 'benchlead' || n, '139' || lpad(n::text, 8, '0'), '平湖第' || n || '精密机械有限公司', '联系人' || n,
        'benchofficer' || (1 + n % ${OFFICERS}), now()
      FROM generate_series(1, ${PROJECTS}) n`);
    // Signed over the last six years; 3% terminated 200 days after signing.
    await client.query(`
      INSERT INTO "Project" ("id", "leadId", "parkId", "ownerId", "name", "companyName", "industry", "status",
        "signedAt", "intakeScore", "totalInvestment", "fixedAssetInvestment", "annualOutput", "annualTax", "jobs",
        "landMu", "terminatedAt", "updatedAt")
      SELECT 'benchp' || n, 'benchlead' || n, 'benchpark' || (1 + n % ${PARKS}), 'benchofficer' || (1 + n % ${OFFICERS}),
        '项目' || n, '平湖第' || n || '精密机械有限公司',
        (ARRAY['智能制造', '新材料', '生物医药', '新能源', '电子信息', '汽车零部件', '纺织服装', NULL])[1 + n % 8],
        (CASE WHEN h % 100 < 3 THEN 'TERMINATED' ELSE 'ACTIVE' END)::"ProjectStatus",
        timestamp '2020-12-01' + (h % 2190) * interval '1 day', 40 + h % 60,
        CASE WHEN h % 20 <> 0 THEN 1000 + h % 20000 END, 800 + h % 15000, 5000 + h % 50000, 100 + h % 3000,
        20 + h % 500, CASE WHEN h % 10 <> 0 THEN 5 + h % 200 END,
        CASE WHEN h % 100 < 3 THEN timestamp '2020-12-01' + (h % 2190 + 200) * interval '1 day' END, now()
      FROM generate_series(1, ${PROJECTS}) n, LATERAL (SELECT abs(hashtext('p' || n)) AS h) hash`);
    // Six milestones each, planned from the signing; most of those planned before today are done, some late.
    // Every tenth milestone was re-planned 90 days later, halfway to its first plan.
    await client.query(`
      INSERT INTO "ProjectMilestone" ("id", "projectId", "kind", "plannedOn", "plannedSince", "actualOn")
      SELECT 'benchm' || k || '_' || p."id", p."id", (ARRAY[${KINDS.map((kind) => `'${kind}'`).join(", ")}])[k]::"MilestoneKind",
        (p."signedAt" + o * interval '1 day' + CASE WHEN r THEN interval '90 days' ELSE interval '0' END)::date,
        CASE WHEN r THEN p."signedAt" + (o / 2) * interval '1 day' ELSE p."signedAt" END,
        CASE WHEN h % 10 < 8 AND p."signedAt" + (o + h % 60 - 20) * interval '1 day' < now()
          THEN (p."signedAt" + (o + h % 60 - 20) * interval '1 day')::date END
      FROM "Project" p, generate_series(1, 6) k,
        LATERAL (SELECT (ARRAY[${OFFSETS.join(", ")}])[k] AS o, abs(hashtext(p."id" || k)) AS h) x,
        LATERAL (SELECT x.h % 10 = 3 AS r) replanned`);
    await client.query(`
      INSERT INTO "MilestonePlanChange" ("id", "projectId", "kind", "plannedOn", "previousOn", "effectiveAt", "reason")
      SELECT 'benchc0' || m."id", m."projectId", m."kind",
        CASE WHEN m."plannedSince" > p."signedAt" THEN m."plannedOn" - 90 ELSE m."plannedOn" END, NULL, p."signedAt", NULL
      FROM "ProjectMilestone" m JOIN "Project" p ON p."id" = m."projectId"
      UNION ALL
      SELECT 'benchc1' || m."id", m."projectId", m."kind", m."plannedOn", m."plannedOn" - 90, m."plannedSince", '进度调整'
      FROM "ProjectMilestone" m JOIN "Project" p ON p."id" = m."projectId" WHERE m."plannedSince" > p."signedAt"`);
    await client.query(`
      INSERT INTO "ProjectFunding" ("id", "projectId", "paidOn", "amount")
      SELECT 'benchf' || i || '_' || p."id", p."id", (p."signedAt" + (60 + i * 180) * interval '1 day')::date,
        200 + abs(hashtext(p."id" || 'f' || i)) % 3000
      FROM "Project" p, generate_series(1, 3) i`);
    await client.query(`
      INSERT INTO "ProjectFundingPlan" ("id", "projectId", "dueOn", "amount")
      SELECT 'benchs' || i || '_' || p."id", p."id", (p."signedAt" + i * 365 * interval '1 day')::date,
        1000 + abs(hashtext(p."id" || 's' || i)) % 3000
      FROM "Project" p, generate_series(1, 2) i`);
    await client.query(`
      INSERT INTO "ProjectYear" ("id", "projectId", "year", "tax", "output", "jobs", "updatedAt")
      SELECT 'benchy' || y || '_' || p."id", p."id", y, 50 + abs(hashtext(p."id" || y)) % 3000,
        2000 + abs(hashtext(p."id" || 'o' || y)) % 60000, 10 + abs(hashtext(p."id" || 'j' || y)) % 400, now()
      FROM "Project" p, generate_series(2021, 2025) y
      WHERE p."signedAt" < make_date(y, 1, 1)`);
    // The triggers that keep each project's copy of its milestones and money (prisma/sql/project_facts*.sql)
    // rewrote every project row once per table filled; autovacuum would clear those old versions in a running
    // workspace, so the report is measured on the table as it then is.
    await client.query(`VACUUM ANALYZE`);
  } finally {
    await client.end();
  }
}

async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, userId, sessionVersion: 0 }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

const ms = (value: number) => value.toFixed(1);

export async function benchDelivery(): Promise<void> {
  const postgres = benchPostgres();
  try {
    const url = await freshDatabase(postgres.url, DATABASE);
    const opened = await openAppDatabase({ kind: "postgres", url, poolSize: 10, seedDemo: false });
    const db = opened.db;
    try {
      const started = performance.now();
      await fill(url);
      const [projects, milestones, changes] = await Promise.all([
        db.project.count(),
        db.projectMilestone.count(),
        db.milestonePlanChange.count(),
      ]);
      console.log(
        `\n== delivery: ${projects.toLocaleString("en")} projects, ${milestones.toLocaleString("en")} milestones, ` +
          `${changes.toLocaleString("en")} plan rows (filled in ${((performance.now() - started) / 1000).toFixed(1)} s) ==`,
      );
      const manager: Viewer = { id: "benchmanager", email: "manager@bench.test", name: "经理", role: "MANAGER" };
      const officer: Viewer = { id: "benchofficer1", email: "officer1@bench.test", name: "专员1", role: "STAFF" };
      const filter = (params: Record<string, string>) => {
        const parsed = parseReportFilter(params);
        if (!parsed.success) throw new Error(`bad bench filter ${JSON.stringify(params)}`);
        return parsed.data;
      };
      const [check] = await deliveryReport(db, manager, filter({}));
      if (Number(check.rows[0]?.projects) < projects * 0.9)
        throw new Error(`the report counted ${String(check.rows[0]?.projects)} of ${projects} projects`);

      const figures = [
        {
          name: "report query, manager (all parks)",
          ...(await timed(RUNS, () => deliveryReport(db, manager, filter({})))),
        },
        {
          name: "report query, officer (own projects)",
          ...(await timed(RUNS, () => deliveryReport(db, officer, filter({})))),
        },
        {
          name: "report query, manager (one park)",
          ...(await timed(RUNS, () => deliveryReport(db, manager, filter({ park: "benchpark1" })))),
        },
        {
          name: "report query, manager (as of 2024-06-30)",
          ...(await timed(RUNS, () => deliveryReport(db, manager, filter({ asOf: "2024-06-30", year: "2023" })))),
        },
      ];

      console.log(`report query: p50/p95 ms over ${RUNS} runs after one warm-up (target p95 < 300 ms)`);
      console.table(figures.map((row) => ({ case: row.name, p50: ms(row.p50), p95: ms(row.p95) })));
      const pages: typeof figures = [];
      const server = await startServer({ DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, PARKLEAD_NOTIFY: "off" }, PORT);
      try {
        for (const [who, viewer] of [
          ["manager", manager],
          ["officer", officer],
        ] as const) {
          const cookie = await sessionCookie(viewer.id);
          const path = "/crm/reports?tab=delivery";
          const answer = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
          const body = await answer.text();
          if (answer.status !== 200 || !body.includes('data-testid="delivery-summary"'))
            throw new Error(`GET ${path} answered ${answer.status} without the summary`);
          pages.push({
            name: `GET ${path} (${who})`,
            ...(await timed(RUNS, async () => {
              const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
              await response.arrayBuffer();
            })),
          });
        }
      } finally {
        await server.stop();
      }
      console.log(`the page: p50/p95 ms over ${RUNS} runs after one warm-up`);
      console.table(pages.map((row) => ({ case: row.name, p50: ms(row.p50), p95: ms(row.p95) })));
    } finally {
      await opened.close();
      await dropDatabase(postgres.url, DATABASE);
    }
  } finally {
    postgres.stop();
  }
}
