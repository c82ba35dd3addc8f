import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client";
import { applyMigrations, pgConnection, pgliteConnection } from "./migrate";
import { lockDataDir } from "./data-dir-lock";
import { logEvent } from "../log";

export type Database = PrismaClient;

/** Where the database is; what the product does with it once open is lib/startup's (openAppDatabase). */
export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string; poolSize: number };

export interface OpenedDatabase {
  kind: DatabaseConfig["kind"];
  db: Database;
  close(): Promise<void>;
}

/** Opens either database and applies pending migrations; nothing of the product's data is touched here. */
export function openDatabase(config: DatabaseConfig): Promise<OpenedDatabase> {
  return config.kind === "pglite" ? openPglite(config.dataDir) : openPostgres(config.url, config.poolSize);
}

async function openPglite(dataDir: string): Promise<OpenedDatabase> {
  const absolute = path.resolve(dataDir);
  const unlock = await lockDataDir(absolute);
  // Imported here so a PostgreSQL deployment never loads the WebAssembly build.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("pglite-prisma-adapter"),
  ]);
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
  const db = new PrismaClient({
    adapter: new PrismaPg(
      // Prisma keeps DateTime in "timestamp" columns as UTC; raw SQL casting to timestamptz must convert in UTC too.
      // JIT compiling costs more than it saves on the short aggregates the workspace runs.
      { connectionString: url, max: poolSize, connectionTimeoutMillis: 5000, options: "-c TimeZone=UTC -c jit=off" },
      { onPoolError: (error) => logEvent("database.pool_error", { error: error.message }) },
    ),
  });
  return {
    kind: "postgres",
    db,
    async close() {
      await db.$disconnect();
    },
  };
}
