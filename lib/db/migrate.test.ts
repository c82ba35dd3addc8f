import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeOnPostgres, freshPglite, freshPostgresDatabase } from "../../tests/support/databases";
import {
  applyMigrations,
  migrationStatus,
  pgConnection,
  pgliteConnection,
  readMigrations,
  type SqlConnection,
} from "./migrate";

const realMigrations = path.resolve(import.meta.dirname, "../../prisma/migrations");
const quiet = { log: () => {} };

/** A copy of prisma/migrations that a test may add to without touching the real one. */
async function scratchMigrations(): Promise<{
  dir: string;
  add(name: string, sql: string): Promise<void>;
  remove(): Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), "parklead-migrations-"));
  await cp(realMigrations, dir, { recursive: true });
  return {
    dir,
    add: async (name, sql) => {
      await mkdir(path.join(dir, name));
      await writeFile(path.join(dir, name, "migration.sql"), sql);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

interface PrismaMigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  applied_steps_count: number;
  logs: string | null;
}

const recorded = (conn: SqlConnection) =>
  conn
    .query<PrismaMigrationRow>(
      `SELECT "migration_name", "checksum", "finished_at", "applied_steps_count", "logs" FROM "_prisma_migrations"
        ORDER BY "migration_name"`,
    )
    .then((result) => result.rows);

/** The same behaviour is required of both databases; each suite supplies a fresh connection. */
function runnerContract(open: () => Promise<{ conn: SqlConnection; close(): Promise<void> }>) {
  let conn: SqlConnection;
  let close: () => Promise<void>;
  let scratch: Awaited<ReturnType<typeof scratchMigrations>>;

  beforeEach(async () => {
    ({ conn, close } = await open());
    scratch = await scratchMigrations();
  });
  afterEach(async () => {
    await close();
    await scratch.remove();
  });

  it("applies every migration once and records it the way prisma migrate deploy does", async () => {
    const migrations = await readMigrations(realMigrations);
    const first = await applyMigrations(conn, { migrationsDir: realMigrations, ...quiet });
    expect(first.applied).toEqual(migrations.map((migration) => migration.name));

    const rows = await recorded(conn);
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((migration) => migration.name));
    for (const row of rows) {
      const sql = await readFile(path.join(realMigrations, row.migration_name, "migration.sql"), "utf8");
      // Prisma's checksum is the SHA-256 of the file's bytes, hex-encoded.
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
    expect((await conn.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Stage"`)).rows[0].n).toBe(7);

    const again = await applyMigrations(conn, { migrationsDir: realMigrations, ...quiet });
    expect(again.applied).toEqual([]);
    expect(await recorded(conn)).toHaveLength(migrations.length);
    expect(await migrationStatus(conn, { migrationsDir: realMigrations })).toMatchObject({
      pending: [],
      failed: [],
      modified: [],
      unknown: [],
    });
  });

  it("applies only the new migration on the next start", async () => {
    await applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet });
    await scratch.add("29990101000000_add_note", `ALTER TABLE "Park" ADD COLUMN "note" TEXT;`);
    expect(await migrationStatus(conn, { migrationsDir: scratch.dir })).toMatchObject({
      pending: ["29990101000000_add_note"],
    });

    const next = await applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet });
    expect(next.applied).toEqual(["29990101000000_add_note"]);
    const columns = await conn.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Park' AND column_name = 'note'`,
    );
    expect(columns.rows).toHaveLength(1);
  });

  it("rolls back a failing migration whole, records the failure and refuses to go on until it is resolved", async () => {
    await applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet });
    // The first statement would succeed alone; the second fails, so neither may remain.
    await scratch.add(
      "29990101000000_broken",
      `ALTER TABLE "Park" ADD COLUMN "half" TEXT;\nALTER TABLE "NoSuchTable" ADD COLUMN "x" TEXT;`,
    );

    await expect(applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet })).rejects.toThrow(
      /29990101000000_broken failed: .*NoSuchTable/,
    );
    const half = await conn.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'Park' AND column_name = 'half'`,
    );
    expect(half.rows).toHaveLength(0);
    const broken = (await recorded(conn)).find((row) => row.migration_name === "29990101000000_broken");
    expect(broken?.finished_at).toBeNull();
    expect(broken?.logs).toMatch(/NoSuchTable/);
    expect((await migrationStatus(conn, { migrationsDir: scratch.dir })).failed).toEqual(["29990101000000_broken"]);

    await expect(applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet })).rejects.toThrow(
      /failed earlier and is not marked as rolled back/,
    );

    // What `prisma migrate resolve --rolled-back` does; after the fix the runner goes on.
    await conn.query(
      `UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = '29990101000000_broken'`,
    );
    await writeFile(
      path.join(scratch.dir, "29990101000000_broken", "migration.sql"),
      `ALTER TABLE "Park" ADD COLUMN "half" TEXT;`,
    );
    expect((await applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet })).applied).toEqual([
      "29990101000000_broken",
    ]);
  });

  it("reports a migration edited after it was applied", async () => {
    await applyMigrations(conn, { migrationsDir: scratch.dir, ...quiet });
    const [first] = await readMigrations(scratch.dir);
    await writeFile(path.join(scratch.dir, first.name, "migration.sql"), `${first.sql}\n-- edited`);
    const events: Record<string, unknown>[] = [];
    await applyMigrations(conn, { migrationsDir: scratch.dir, log: (event) => events.push(event) });
    expect(events).toContainEqual({ step: "checksum_mismatch", migration: first.name });
    expect((await migrationStatus(conn, { migrationsDir: scratch.dir })).modified).toEqual([first.name]);
  });
}

describe("the migration runner on PGlite", () => {
  runnerContract(async () => {
    const db = await freshPglite();
    return { conn: pgliteConnection(db.pglite), close: db.close };
  });
});

describeOnPostgres("the migration runner on PostgreSQL", () => {
  runnerContract(async () => {
    const database = await freshPostgresDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return {
      conn: pgConnection(client),
      close: async () => {
        await client.end();
        await database.drop();
      },
    };
  });

  it("applies each migration exactly once when five instances start at the same moment", async () => {
    const database = await freshPostgresDatabase();
    const clients = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        return client;
      }),
    );
    try {
      const results = await Promise.all(
        clients.map((client) => applyMigrations(pgConnection(client), { migrationsDir: realMigrations, ...quiet })),
      );
      const migrations = await readMigrations(realMigrations);
      expect(results.flatMap((result) => result.applied).sort()).toEqual(
        migrations.map((migration) => migration.name).sort(),
      );
      expect(await recorded(pgConnection(clients[0]))).toHaveLength(migrations.length);
      expect((await clients[0].query(`SELECT count(*)::int AS n FROM "Stage"`)).rows[0].n).toBe(7);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
      await database.drop();
    }
  });
});
