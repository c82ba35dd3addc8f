import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { applyMigrations, pgConnection, pgliteConnection } from "./migrate";
import { lockDataDir } from "./data-dir-lock";
import { seedDemoData } from "../../prisma/seed-data";
import { ensureFirstAdmin } from "../users/first-admin";
import { backfillLeads, backfillResponseDeadlines } from "../leads/backfill";
import { foldReportTallies } from "../reports/tallies";
import { logEvent } from "../log";

export type Database = PrismaClient;

export type DatabaseConfig =
  | ({ kind: "pglite"; dataDir: string; seedDemo: boolean } & FirstAdmin)
  | ({ kind: "postgres"; url: string; poolSize: number; seedDemo: boolean } & FirstAdmin);

/** Who becomes the first admin of an empty workspace (see lib/users/first-admin.ts); absent: nobody. */
interface FirstAdmin {
  firstAdmin?: { email?: string; password?: string; generate: boolean };
}

export interface OpenedDatabase {
  kind: DatabaseConfig["kind"];
  db: Database;
  close(): Promise<void>;
}

/** Opens either database, applies pending migrations and, when asked, seeds demo data into an empty one. */
export async function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  const started = Date.now();
  const opened = config.kind === "pglite" ? await openPglite(config.dataDir) : await openPostgres(config.url, config.poolSize);
  try {
    if (config.seedDemo) await seedDemoData(opened.db);
    if (config.firstAdmin) await ensureFirstAdmin(opened.db, config.firstAdmin);
    await backfillLeads(opened.db);
    await backfillResponseDeadlines(opened.db);
    // Whatever the triggers appended since the reports last read them, so the deltas never pile up.
    await foldReportTallies(opened.db);
  } catch (error) {
    await opened.close();
    throw error;
  }
  logEvent("database.ready", { kind: config.kind, ms: Date.now() - started });
  return opened;
}

async function openPglite(dataDir: string): Promise<OpenedDatabase> {
  const absolute = path.resolve(dataDir);
  const unlock = await lockDataDir(absolute);
  // Imported here so a PostgreSQL deployment never loads the WebAssembly build.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  const pglite = new PGlite(path.join(absolute, "pgdata"));
  try {
    await pglite.waitReady;
    await pglite.exec("SET TIME ZONE 'UTC'");
    await applyMigrations(pgliteConnection(pglite), { log: (event) => logEvent("migrate", event) });
  } catch (error) {
    await pglite.close().catch(() => {});
    await unlock();
    throw error;
  }
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: "pglite",
    db,
    async close() {
      await db.$disconnect();
      await pglite.close();
      await unlock();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<OpenedDatabase> {
  // Bounded like the pool's connections: a server that drops packets must not hang the start (or
  // the request reopening the database after PostgreSQL was down at start) for the OS's TCP timeout.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await applyMigrations(pgConnection(client), { log: (event) => logEvent("migrate", event) });
  } finally {
    await client.end();
  }
  const db = new PrismaClient({ adapter: new PrismaPg(
      // Prisma keeps DateTime in "timestamp" columns as UTC; raw SQL casting to timestamptz must convert in UTC too.
      // JIT compiling costs more than it saves on the short aggregates the workspace runs.
      { connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, options: "-c TimeZone=UTC -c jit=off" },
      { onPoolError: (error) => logEvent("database.pool_error", { error: error.message }) },
    ) });
  return {
    kind: "postgres",
    db,
    async close() {
      await db.$disconnect();
    },
  };
}
