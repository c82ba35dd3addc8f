import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { ClientBase } from "pg";

/*
 * The runtime migration runner: applies prisma/migrations/<name>/migration.sql in name order and
 * records each in Prisma's own _prisma_migrations table, the way `prisma migrate deploy` does, so
 * either tool sees the other's work. It needs no schema engine, so it runs wherever the app runs.
 */

export interface SqlConnection {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(text: string): Promise<void>;
}

export function pgConnection(client: ClientBase): SqlConnection {
  return {
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as T[] }),
    exec: async (text) => {
      await client.query(text);
    },
  };
}

export function pgliteConnection(db: PGlite): SqlConnection {
  return {
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await db.query<T>(text, params)).rows }),
    exec: async (text) => {
      await db.exec(text);
    },
  };
}

/** Prisma's own advisory lock key, so this runner and `prisma migrate deploy` exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

// Prisma's DDL for its bookkeeping table (schema-engine sql-migration-connector, PostgreSQL flavour).
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(
  migrationsDir = path.resolve(process.cwd(), "prisma/migrations"),
): Promise<Migration[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ path.join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

export async function applyMigrations(
  conn: SqlConnection,
  options: { migrationsDir?: string; log?: (event: Record<string, unknown>) => void } = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? ((event) => console.log(JSON.stringify({ event: "migrate", ...event })));
  const migrations = await readMigrations(options.migrationsDir);
  await conn.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
  try {
    await conn.exec(CREATE_MIGRATIONS_TABLE);
    const rows = (
      await conn.query<AppliedRow>(
        `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
      )
    ).rows;
    const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and is not marked as rolled back; ` +
          "fix the database, then mark it (prisma migrate resolve) before starting again.",
      );
    }
    const done = new Map(
      rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row.checksum]),
    );
    const applied: string[] = [];
    for (const migration of migrations) {
      const checksum = done.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) log({ step: "checksum_mismatch", migration: migration.name });
        continue;
      }
      await applyOne(conn, migration);
      log({ step: "applied", migration: migration.name });
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    await conn.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]);
  }
}

async function applyOne(conn: SqlConnection, migration: Migration): Promise<void> {
  const id = randomUUID();
  await conn.query(
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count")
      VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await conn.exec(`BEGIN;\n${migration.sql}\n;COMMIT;`);
  } catch (error) {
    await conn.exec("ROLLBACK").catch(() => {});
    const message = error instanceof Error ? error.message : String(error);
    await conn.query(`UPDATE "_prisma_migrations" SET "logs" = $2 WHERE "id" = $1`, [id, message]);
    throw new Error(`Migration ${migration.name} failed: ${message}`);
  }
  await conn.query(`UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1`, [
    id,
  ]);
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Started but never finished, and not marked rolled back: the runner refuses to go on. */
  failed: string[];
  /** Applied, but the file has changed since. */
  modified: string[];
  /** Recorded in the database but missing from the migrations folder. */
  unknown: string[];
}

/** What `prisma migrate status` reports, read without taking the lock or changing anything. */
export async function migrationStatus(
  conn: SqlConnection,
  options: { migrationsDir?: string } = {},
): Promise<MigrationStatus> {
  const migrations = await readMigrations(options.migrationsDir);
  const exists = (
    await conn.query<{ table: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS "table"`)
  ).rows[0].table;
  const rows = exists
    ? (
        await conn.query<AppliedRow>(
          `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"
            ORDER BY "started_at"`,
        )
      ).rows
    : [];
  const finished = new Map(
    rows
      .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
      .map((row) => [row.migration_name, row.checksum]),
  );
  const known = new Set(migrations.map((migration) => migration.name));
  return {
    applied: migrations.filter((migration) => finished.has(migration.name)).map((migration) => migration.name),
    pending: migrations.filter((migration) => !finished.has(migration.name)).map((migration) => migration.name),
    failed: rows
      .filter((row) => row.finished_at === null && row.rolled_back_at === null)
      .map((row) => row.migration_name),
    modified: migrations
      .filter((migration) => finished.has(migration.name) && finished.get(migration.name) !== migration.checksum)
      .map((migration) => migration.name),
    unknown: [...finished.keys()].filter((name) => !known.has(name)),
  };
}
