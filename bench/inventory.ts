import { encode } from "next-auth/jwt";
import pg from "pg";
import type { Viewer } from "../lib/auth/session";
import { parkBoard, parkCells, RENDERED_CELLS } from "../lib/inventory/grid/queries";
import { holdUnits } from "../lib/inventory/holds/mutations";
import { parseReportFilter } from "../lib/reports/filters";
import { occupancyReport } from "../lib/reports/occupancy/queries";
import { openAppDatabase } from "../lib/startup/open-app-database";
import { benchPostgres, dropDatabase, freshDatabase, percentile, startServer, timed } from "./support";

/*
 * The inventory (租控) at a large park's scale: 200 buildings and 20,000 units with their history.
 * 1. The grid of that park: the page's query (parkBoard: every building's figures, the first buildings' cells)
 *    and the cells the browser then fetches (parkCells), for a manager and an officer; the whole page
 *    GET /crm/inventory rendered by a production server, and GET /crm/inventory/cells (target p95 < 300 ms);
 *    the occupancy report over the park's history.
 * 2. Holds under contention: 50 officers, each with a lead of their own, hold 1–3 of the same 10
 *    vacant units at the same moment, for several rounds; no unit may ever be held twice, and every
 *    officer who was refused is told who holds it.
 */
const BUILDINGS = Number(process.env.BENCH_BUILDINGS ?? 200);
const FLOORS = 10;
const UNITS_PER_FLOOR = Number(process.env.BENCH_UNITS_PER_FLOOR ?? 10);
const OFFICERS = 50;
const CONTESTED = 10;
const ROUNDS = Number(process.env.BENCH_HOLD_ROUNDS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3900) + 7;
const DATABASE = "parklead_bench_inventory";
const SECRET = "bench-inventory-secret-0123456789abcdef";

/** One park of BUILDINGS buildings × FLOORS floors × UNITS_PER_FLOOR units, statuses mixed, with history. */
async function fillPark(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    await client.query(`
      INSERT INTO "Park" ("id", "slug", "name", "nameEn", "city", "cityEn", "address", "addressEn", "description",
        "descriptionEn", "operatorName", "contactPhone", "updatedAt")
      VALUES ('benchpark', 'bench-park', '基准产业园', 'Bench park', '平湖', 'Pinghu', '新兴路 1 号', '1 Xinxing Rd',
        '二百栋楼的园区', 'A park of 200 buildings', '基准运营', '0573-80000000', now())`);
    await client.query(`
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
      SELECT 'benchofficer' || n, 'officer' || n || '@bench.test', '专员' || n, 'unused', 'STAFF'::"Role", now()
      FROM generate_series(1, ${OFFICERS}) n
      UNION ALL SELECT 'benchmanager', 'manager@bench.test', '经理', 'unused', 'MANAGER'::"Role", now()`);
    // Each officer's own lead (the contention round), and 2,000 more leads the grid's held and signed units name.
    await client.query(`
      INSERT INTO "Lead" ("id", "phone", "company", "contactName", "ownerId", "updatedAt")
      SELECT 'benchlead' || n, '139' || lpad(n::text, 8, '0'), '平湖第' || n || '精密机械有限公司', '联系人' || n,
        'benchofficer' || (1 + n % ${OFFICERS}), now()
      FROM generate_series(1, 2000 + ${OFFICERS}) n`);
    await client.query(`
      INSERT INTO "Building" ("id", "parkId", "name", "nameEn", "kind", "storeys", "position", "updatedAt")
      SELECT 'benchb' || b, 'benchpark', b || '号楼', 'Building ' || b,
        (CASE WHEN b % 10 = 0 THEN 'OFFICE' ELSE 'FACTORY' END)::"ListingKind", ${FLOORS}, b, now()
      FROM generate_series(1, ${BUILDINGS}) b`);
    // Statuses by a hash of the unit: about 55% vacant, 10% held, 15% signed, 15% occupied, 5% unavailable.
    await client.query(`
      INSERT INTO "Unit" ("id", "buildingId", "parkId", "floor", "number", "area", "areaUnit", "areaSqm", "listPrice",
        "floorPrice", "priceUnit", "status", "statusChangedAt", "leadId", "heldUntil", "heldById", "updatedAt")
      SELECT u.id, 'benchb' || u.b, 'benchpark', u.f, u.f || lpad(u.n::text, 2, '0'), u.area, 'SQM'::"AreaUnit", u.area, 28, 24,
        'YUAN_PER_SQM_MONTH'::"PriceUnit", u.status::"UnitStatus", now() - (u.h % 60) * interval '1 day',
        CASE WHEN u.status IN ('HELD', 'SIGNED', 'OCCUPIED') THEN 'benchlead' || (${OFFICERS} + 1 + u.h % 2000) END,
        CASE WHEN u.status = 'HELD' THEN now() + (1 + u.h % 7) * interval '1 day' END,
        CASE WHEN u.status = 'HELD' THEN 'benchofficer' || (1 + u.h % ${OFFICERS}) END, now()
      FROM (
        SELECT 'benchu' || b || '_' || f || '_' || n AS id, b, f, n, 200 + (b * 7 + f * 13 + n * 31) % 1800 AS area,
          h, CASE WHEN h % 100 < 55 THEN 'VACANT' WHEN h % 100 < 65 THEN 'HELD' WHEN h % 100 < 80 THEN 'SIGNED'
            WHEN h % 100 < 95 THEN 'OCCUPIED' ELSE 'UNAVAILABLE' END AS status
        FROM generate_series(1, ${BUILDINGS}) b, generate_series(1, ${FLOORS}) f,
          generate_series(1, ${UNITS_PER_FLOOR}) n,
          LATERAL (SELECT abs(hashtext(b || ':' || f || ':' || n)) AS h) hash
      ) u`);
    // The contested units: the first building's ground floor, all vacant.
    await client.query(`
      UPDATE "Unit" SET "status" = 'VACANT', "leadId" = NULL, "heldUntil" = NULL, "heldById" = NULL
      WHERE "buildingId" = 'benchb1' AND "floor" = 1 AND "number" <= '1${String(CONTESTED).padStart(2, "0")}'`);
    await client.query(`
      INSERT INTO "UnitHold" ("id", "unitId", "leadId", "holderId", "heldAt", "expiresAt")
      SELECT 'benchh' || u."id", u."id", u."leadId", u."heldById", now() - interval '1 day', u."heldUntil"
      FROM "Unit" u WHERE u."status" = 'HELD'`);
    // History, ten changes a unit: vacant when the park opened 500 days ago, four holds of two weeks that lapsed
    // (one every 100 days), then where it is now within the last 60 days.
    await client.query(`
      INSERT INTO "UnitStatusChange" ("id", "unitId", "fromStatus", "toStatus", "changedAt")
      SELECT 'benchs0' || u."id", u."id", NULL, 'VACANT'::"UnitStatus", now() - interval '500 days' FROM "Unit" u`);
    await client.query(`
      INSERT INTO "UnitStatusChange" ("id", "unitId", "fromStatus", "toStatus", "changedAt")
      SELECT 'benchs' || c || step || u."id", u."id", s.from_status::"UnitStatus", s.to_status::"UnitStatus",
        now() - interval '500 days' + (c * 100 + s.days) * interval '1 day'
      FROM "Unit" u, generate_series(1, 4) c,
        (VALUES ('a', 'VACANT', 'HELD', 0), ('b', 'HELD', 'VACANT', 14)) AS s(step, from_status, to_status, days)`);
    await client.query(`
      INSERT INTO "UnitStatusChange" ("id", "unitId", "fromStatus", "toStatus", "leadId", "changedAt")
      SELECT 'benchs1' || u."id", u."id", 'VACANT', u."status", u."leadId", u."statusChangedAt"
      FROM "Unit" u WHERE u."status" <> 'VACANT'`);
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
  }
}

async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { sub: userId, userId, sessionVersion: 0 }, secret: SECRET });
  return `next-auth.session-token=${token}`;
}

const ms = (value: number) => value.toFixed(1);

export async function benchInventory(): Promise<void> {
  const postgres = benchPostgres();
  try {
    const url = await freshDatabase(postgres.url, DATABASE);
    const opened = await openAppDatabase({ kind: "postgres", url, poolSize: 10, seedDemo: false });
    const db = opened.db;
    try {
      const started = performance.now();
      await fillPark(url);
      const units = await db.unit.count();
      console.log(
        `\n== inventory: one park of ${BUILDINGS} buildings and ${units.toLocaleString("en")} units ` +
          `(filled in ${((performance.now() - started) / 1000).toFixed(1)} s) ==`,
      );
      const manager: Viewer = { id: "benchmanager", email: "manager@bench.test", name: "经理", role: "MANAGER" };
      const officer: Viewer = { id: "benchofficer1", email: "officer1@bench.test", name: "专员1", role: "STAFF" };

      const grid = [
        {
          name: "page query, parkBoard (manager)",
          ...(await timed(RUNS, () => parkBoard(db, manager, "benchpark", {}, RENDERED_CELLS))),
        },
        {
          name: "page query, parkBoard (officer)",
          ...(await timed(RUNS, () => parkBoard(db, officer, "benchpark", {}, RENDERED_CELLS))),
        },
        {
          name: "page query, vacant ≥ 1,000 m²",
          ...(await timed(RUNS, () =>
            parkBoard(db, manager, "benchpark", { status: ["VACANT"], minArea: "1000" }, RENDERED_CELLS),
          )),
        },
        { name: "every cell, parkCells (manager)", ...(await timed(RUNS, () => parkCells(db, manager, "benchpark"))) },
      ];
      for (const [label, params] of [
        ["this year, by month", { range: "this_year" }],
        ["last month, by week", { range: "last_month", period: "week" }],
      ] as const) {
        const filter = parseReportFilter(params);
        if (!filter.success) throw new Error(`bad bench filter ${JSON.stringify(params)}`);
        grid.push({
          name: `occupancy report (${label})`,
          ...(await timed(RUNS, () => occupancyReport(db, manager, filter.data))),
        });
      }

      const server = await startServer({ DATABASE_URL: url, NEXTAUTH_SECRET: SECRET, PARKLEAD_NOTIFY: "off" }, PORT);
      try {
        const doors = [
          ["GET /crm/inventory", "/crm/inventory?park=benchpark", "1号楼"],
          ["GET /crm/inventory/cells", "/crm/inventory/cells?park=benchpark", "benchu200_10_10"],
        ] as const;
        for (const [door, path, expected] of doors) {
          for (const [who, viewer] of [
            ["manager", manager],
            ["officer", officer],
          ] as const) {
            const cookie = await sessionCookie(viewer.id);
            const check = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
            const body = await check.text();
            if (check.status !== 200 || !body.includes(expected))
              throw new Error(`${door} answered ${check.status} without ${expected}`);
            grid.push({
              name: `${door} (${who}, ${(body.length / 1024 / 1024).toFixed(1)} MB)`,
              ...(await timed(RUNS, async () => {
                const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
                await response.arrayBuffer();
              })),
            });
          }
        }
      } finally {
        await server.stop();
      }
      const changes = await db.unitStatusChange.count();
      console.log(`p50/p95 ms over ${RUNS} runs after one warm-up (target p95 < 300 ms); ${changes} status changes`);
      console.table(grid.map((row) => ({ case: row.name, p50: ms(row.p50), p95: ms(row.p95) })));

      await contention(db);
    } finally {
      await opened.close();
      await dropDatabase(postgres.url, DATABASE);
    }
  } finally {
    postgres.stop();
  }
}

/** 50 officers at once on the same 10 vacant units, ROUNDS times, released between rounds. */
async function contention(db: Awaited<ReturnType<typeof openAppDatabase>>["db"]): Promise<void> {
  const contested = (
    await db.unit.findMany({
      where: { buildingId: "benchb1", floor: 1, status: "VACANT" },
      orderBy: { number: "asc" },
      take: CONTESTED,
      select: { id: true },
    })
  ).map((unit) => unit.id);
  const officers: Viewer[] = Array.from({ length: OFFICERS }, (_, index) => ({
    id: `benchofficer${index + 1}`,
    email: `officer${index + 1}@bench.test`,
    name: `专员${index + 1}`,
    role: "STAFF",
  }));
  // benchlead1…benchlead50 are owned by benchofficer<1 + n % 50>: one lead for each officer.
  const leads = await db.lead.findMany({
    where: { id: { in: Array.from({ length: OFFICERS }, (_, index) => `benchlead${index + 1}`) } },
    select: { id: true, ownerId: true },
  });
  const leadOf = new Map(leads.map((lead) => [lead.ownerId, lead.id]));
  let won = 0;
  let refused = 0;
  let refusalsNamingHolder = 0;
  let doubleBooked = 0;
  const latencies: number[] = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const attempts = officers.map((viewer) => {
      const wanted = new Set<string>();
      const count = 1 + Math.floor(random() * 3);
      while (wanted.size < count) wanted.add(contested[Math.floor(random() * contested.length)]);
      return { viewer, leadId: leadOf.get(viewer.id)!, unitIds: [...wanted] };
    });
    const results = await Promise.all(
      attempts.map(async (attempt) => {
        const start = performance.now();
        const result = await holdUnits(db, attempt.viewer, { leadId: attempt.leadId, unitIds: attempt.unitIds });
        latencies.push(performance.now() - start);
        return { attempt, result };
      }),
    );
    const holders = new Map<string, string>();
    for (const { attempt, result } of results) {
      if (result.ok) {
        won++;
        for (const unitId of attempt.unitIds) {
          if (holders.has(unitId)) doubleBooked++;
          holders.set(unitId, attempt.leadId);
        }
      } else if ("taken" in result) {
        refused++;
        if (result.taken.length > 0 && result.taken.every((unit) => unit.holderName && unit.heldUntil))
          refusalsNamingHolder++;
      } else throw new Error(`a hold was refused for another reason: ${JSON.stringify(result)}`);
    }
    const open = await db.unitHold.groupBy({
      by: ["unitId"],
      where: { unitId: { in: contested }, endedAt: null },
      _count: { _all: true },
    });
    doubleBooked += open.filter((row) => row._count._all > 1).length;
    const held = await db.unit.findMany({
      where: { id: { in: contested } },
      select: { id: true, status: true, leadId: true },
    });
    for (const unit of held) {
      if (unit.status === "HELD" && holders.get(unit.id) !== unit.leadId) doubleBooked++;
      if (unit.status !== "HELD" && holders.has(unit.id)) doubleBooked++;
    }
    // Back to vacant for the next round (bench bookkeeping, outside the app: no history row is needed here).
    await db.$executeRaw`UPDATE "UnitHold" SET "endedAt" = now(), "endReason" = 'RELEASED'::"HoldEnd"
      WHERE "unitId" = ANY(${contested}::text[]) AND "endedAt" IS NULL`;
    await db.$executeRaw`UPDATE "Unit" SET "status" = 'VACANT'::"UnitStatus", "leadId" = NULL, "heldUntil" = NULL, "heldById" = NULL
      WHERE "id" = ANY(${contested}::text[])`;
  }
  latencies.sort((a, b) => a - b);
  console.log(
    `\nHolds under contention: ${OFFICERS} officers × ${ROUNDS} rounds on ${CONTESTED} units (1–3 each, all at once)`,
  );
  console.table([
    {
      attempts: OFFICERS * ROUNDS,
      held: won,
      refused,
      "refusals naming the holder": refusalsNamingHolder,
      "units held twice": doubleBooked,
      "hold p50 ms": ms(percentile(latencies, 0.5)),
      "hold p95 ms": ms(percentile(latencies, 0.95)),
    },
  ]);
  if (doubleBooked > 0) throw new Error(`${doubleBooked} units were held twice`);
}
