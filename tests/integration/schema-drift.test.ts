import { cp, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, pgliteConnection, type SqlConnection } from "../../lib/db/migrate";
import {
  createMigration,
  migrationDirectoryName,
  sqlFromEmpty,
  sqlFromMigrations,
} from "../../scripts/prisma-engine/engine.mts";
import { freshPglite } from "../support/databases";

const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma/migrations");
const readSchema = () => readFile(path.join(root, "prisma/schema.prisma"), "utf8");

/**
 * Everything about the public schema that the Prisma client relies on, as sorted text lines, so
 * two databases built different ways can be compared line by line.
 */
async function catalogue(conn: SqlConnection): Promise<string[]> {
  const queries = [
    `SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || udt_name || ' null=' || is_nullable
        || ' default=' || coalesce(column_default, '-') || ' len=' || coalesce(character_maximum_length::text, '-')
        || ' prec=' || coalesce(numeric_precision::text, '-') || ',' || coalesce(numeric_scale::text, '-') AS line
       FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    `SELECT 'index ' || tablename || ' ' || indexname || ' ' || indexdef AS line
       FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
    `SELECT 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
      WHERE ns.nspname = 'public' AND rel.relname <> '_prisma_migrations'`,
    `SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS line
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace ns ON ns.oid = t.typnamespace
      WHERE ns.nspname = 'public' GROUP BY t.typname`,
  ];
  const lines: string[] = [];
  for (const query of queries) lines.push(...(await conn.query<{ line: string }>(query)).rows.map((row) => row.line));
  return lines.sort();
}

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("build the same database: migrations on one, the engine's SQL from empty to the schema on another", async () => {
    const [fromMigrations, fromSchema] = await Promise.all([freshPglite(), freshPglite()]);
    try {
      await applyMigrations(pgliteConnection(fromMigrations.pglite), { migrationsDir, log: () => {} });
      await fromSchema.pglite.exec(await sqlFromEmpty(await readSchema()));
      const [migrated, expected] = await Promise.all([
        catalogue(pgliteConnection(fromMigrations.pglite)),
        catalogue(pgliteConnection(fromSchema.pglite)),
      ]);
      expect(expected.length).toBeGreaterThan(50);
      expect(migrated).toEqual(expected);
    } finally {
      await Promise.all([fromMigrations.close(), fromSchema.close()]);
    }
  });

  it("agree according to the schema engine's own diff", async () => {
    const { changed, sql } = await sqlFromMigrations(await readSchema(), migrationsDir);
    expect(sql).not.toMatch(/CREATE|ALTER|DROP/);
    expect(changed).toBe(false);
  });
});

describe("the migration tooling (npm run db:migrate:dev)", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(path.join(tmpdir(), "parklead-dev-"));
    await cp(migrationsDir, scratch, { recursive: true });
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it("writes nothing when the schema has not changed", async () => {
    const before = await readdir(scratch);
    expect(await createMigration(await readSchema(), scratch, "nothing")).toBeNull();
    expect(await readdir(scratch)).toEqual(before);
  });

  it("writes the engine's SQL for a schema change as a new migration in Prisma's layout, which then agrees", async () => {
    const changed = `${await readSchema()}\nmodel ParkNote {\n  id   String @id\n  body String @db.VarChar(500)\n}\n`;
    const now = new Date("2030-01-02T03:04:05Z");
    const created = await createMigration(changed, scratch, "Add park notes", now);
    expect(created?.directory).toBe("20300102030405_add_park_notes");
    const written = await readFile(path.join(scratch, "20300102030405_add_park_notes", "migration.sql"), "utf8");
    expect(written).toBe(created?.sql);
    expect(written).toMatch(/CREATE TABLE "ParkNote"/);
    expect(written).toMatch(/VARCHAR\(500\)/);
    expect((await sqlFromMigrations(changed, scratch)).changed).toBe(false);
    // The original schema now lags behind the migrations: the drift check must notice.
    const drift = await sqlFromMigrations(await readSchema(), scratch);
    expect(drift.changed).toBe(true);
    expect(drift.sql).toMatch(/DROP TABLE "ParkNote"/);
  });

  it("refuses a name with nothing usable in it", () => {
    expect(() => migrationDirectoryName("——")).toThrow(/at least one letter or digit/);
  });
});
