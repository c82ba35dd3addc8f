import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, pgConnection, pgliteConnection, type SqlConnection } from "../../lib/db/migrate";
import {
  newestSourcesMigration,
  readSources,
  renderMigration,
  sqlDir,
  writeSourcesMigration,
} from "../../scripts/sql-sources.mjs";
import { databaseBefore } from "../support/database-before";
import { describeOnPostgres, freshPglite, freshPostgresDatabase } from "../support/databases";

/*
 * prisma/sql holds the one source of every SQL function the database keeps data with, and of the
 * triggers that run it. A freshly migrated database must hold exactly those files: each function and
 * trigger in the catalogue is compared with what the catalogue holds after the file alone creates it
 * again, so only what PostgreSQL itself rewrites (qualified names, quoting, parentheses) is normalised,
 * by PostgreSQL. Nothing may exist without a file and no file may create something else.
 */

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
/** The migration that first applied prisma/sql: before it, the functions came from hand-written migrations. */
const FIRST_SOURCES = "20261206062608_sql_sources";

interface Catalogue {
  /** name → pg_get_functiondef, for the public schema's own functions (an extension's are its own business) */
  functions: Map<string, string>;
  /** name → [table, the function it executes, pg_get_triggerdef] */
  triggers: Map<string, [string, string, string]>;
}

async function catalogue(conn: SqlConnection): Promise<Catalogue> {
  const functions = await conn.query<{ name: string; def: string }>(
    `SELECT p.proname AS name,
            CASE WHEN p.prokind IN ('f', 'p') THEN pg_get_functiondef(p.oid) ELSE 'kind ' || p.prokind::text END AS def
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_depend d
                         WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
  );
  const triggers = await conn.query<{ name: string; relname: string; proname: string; def: string }>(
    `SELECT t.tgname AS name, c.relname, p.proname, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE n.nspname = 'public' AND NOT t.tgisinternal`,
  );
  return {
    functions: new Map(functions.rows.map((row) => [row.name, row.def])),
    triggers: new Map(triggers.rows.map((row) => [row.name, [row.relname, row.proname, row.def]])),
  };
}

const sorted = <T>(map: Map<string, T>) => [...map].sort(([a], [b]) => a.localeCompare(b));

/** The checks, on a database that has every migration applied and may be changed at will. */
function definitionsEqualTheirFiles(connect: () => Promise<{ conn: SqlConnection; close(): Promise<void> }>) {
  let database: { conn: SqlConnection; close(): Promise<void> };
  let migrated: Catalogue;
  let sources: Awaited<ReturnType<typeof readSources>>;

  beforeAll(async () => {
    database = await connect();
    await applyMigrations(database.conn, { migrationsDir, log: () => {} });
    migrated = await catalogue(database.conn);
    sources = await readSources();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("has a file in prisma/sql for every function, and a function for every file", () => {
    expect(migrated.functions.size).toBeGreaterThanOrEqual(14);
    expect([...migrated.functions.keys()].sort()).toEqual(sources.map((source) => source.name).sort());
    expect(migrated.triggers.size).toBeGreaterThanOrEqual(8);
  });

  it("holds each function and trigger exactly as its file creates it, and nothing else", async () => {
    const { conn } = database;
    const { rows } = await conn.query<{ signature: string }>(
      `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proname = ANY($1)`,
      [[...migrated.functions.keys()]],
    );
    // Dropping a trigger function drops its triggers: what is left then was made by no file.
    for (const { signature } of rows) await conn.exec(`DROP FUNCTION ${signature} CASCADE`);
    const emptied = await catalogue(conn);
    expect(sorted(emptied.functions)).toEqual([]);
    expect(sorted(emptied.triggers)).toEqual([]);

    // Each file alone, in the script's order, creates its own function and triggers running it.
    let before = emptied;
    for (const source of sources) {
      await conn.exec(source.text);
      const after = await catalogue(conn);
      const newFunctions = [...after.functions.keys()].filter((name) => !before.functions.has(name));
      const newTriggers = [...after.triggers].filter(([name]) => !before.triggers.has(name));
      expect(newFunctions, `prisma/sql/${source.name}.sql`).toEqual([source.name]);
      for (const [name, [, runs]] of newTriggers) {
        expect(runs, `trigger ${name} in prisma/sql/${source.name}.sql`).toBe(source.name);
      }
      before = after;
    }

    expect(sorted(before.functions)).toEqual(sorted(migrated.functions));
    expect(sorted(before.triggers)).toEqual(sorted(migrated.triggers));
  });
}

describe("prisma/sql and the functions and triggers of a migrated embedded database", () => {
  definitionsEqualTheirFiles(async () => {
    const database = await freshPglite();
    return { conn: pgliteConnection(database.pglite), close: database.close };
  });
});

describeOnPostgres("prisma/sql and the functions and triggers of a migrated PostgreSQL database", () => {
  definitionsEqualTheirFiles(async () => {
    const database = await freshPostgresDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return {
      conn: pgConnection(client),
      async close() {
        await client.end();
        await database.drop();
      },
    };
  });
});

describe("the migration written from prisma/sql (node scripts/sql-sources.mjs)", () => {
  it("is the files as they are now: an edited file without its migration fails here", async () => {
    const newest = await newestSourcesMigration(migrationsDir);
    expect(newest, "no migration written by scripts/sql-sources.mjs").not.toBeNull();
    const expected = renderMigration(await readSources());
    expect(newest?.sql, "prisma/sql changed: run node scripts/sql-sources.mjs").toBe(expected);
  });

  it("changed nothing the first time: the files are the functions and triggers the migrations had made", async () => {
    const database = await databaseBefore(FIRST_SOURCES);
    try {
      const earlier = await catalogue(database.conn);
      // That migration alone: later ones may change a function on purpose.
      await database.migrateOnlyIt();
      const later = await catalogue(database.conn);
      expect(sorted(later.functions)).toEqual(sorted(earlier.functions));
      expect(sorted(later.triggers)).toEqual(sorted(earlier.triggers));
    } finally {
      await database.close();
    }
  });

  it("is written again after a file changes, and only then", async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), "parklead-sql-sources-"));
    try {
      const [sql, migrations] = [path.join(scratch, "sql"), path.join(scratch, "migrations")];
      await Promise.all([cp(sqlDir, sql, { recursive: true }), cp(migrationsDir, migrations, { recursive: true })]);
      const before = await readdir(migrations);
      expect(await writeSourcesMigration({ sql, migrations })).toBeNull();
      expect(await readdir(migrations)).toEqual(before);

      const file = path.join(sql, "report_minutes.sql");
      await writeFile(file, (await readFile(file, "utf8")).replace("ceil(seconds / 60)", "ceil(seconds / 60.0)"));
      const now = new Date("2030-01-02T03:04:05Z");
      const directory = await writeSourcesMigration({ name: "Minutes in numeric", now, sql, migrations });
      expect(directory).toBe("20300102030405_minutes_in_numeric");
      const written = await readFile(path.join(migrations, directory!, "migration.sql"), "utf8");
      expect(written).toBe(renderMigration(await readSources(sql)));
      expect(written).toContain("ceil(seconds / 60.0)");
      expect(await writeSourcesMigration({ sql, migrations, now: new Date("2030-01-02T03:04:06Z") })).toBeNull();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
