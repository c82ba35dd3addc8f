import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import { PrismaPGlite } from "pglite-prisma-adapter";

/*
 * Prisma's schema engine compiled to WebAssembly, driven through an in-memory PGlite. It is the
 * offline stand-in for the native engine that Prisma 7's CLI would download: it writes our
 * migrations (`createMigration`) and diffs the schema against them. Nothing here touches the app's
 * databases; the app applies the resulting migration.sql files itself (lib/db/migrate.ts).
 */

let instantiated: Promise<void> | undefined;

/** Instantiates the wasm by hand, so no --experimental-wasm-modules flag is needed to import it. */
function instantiate(): Promise<void> {
  instantiated ??= (async () => {
    const require = createRequire(import.meta.url);
    const packageDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = await readFile(path.join(packageDir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports,
    });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return instantiated;
}

export interface EngineSession {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** A schema engine for `schema`, whose main and shadow databases are throwaway in-memory PGlites. */
export async function openSchemaEngine(schema: string, schemaPath = "schema.prisma"): Promise<EngineSession> {
  await instantiate();
  const opened: PGlite[] = [];
  const memory = () => {
    const pglite = new PGlite();
    opened.push(pglite);
    return pglite;
  };
  const factory = new PrismaPGlite(memory());
  // The adapter's own shadow database would be the main one; migrations must replay on a clean one.
  factory.connectToShadowDb = () => new PrismaPGlite(memory()).connect();
  const logs: string[] = [];
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    async close() {
      engine.free();
      await Promise.all(opened.map((pglite) => pglite.close().catch(() => {})));
    },
  };
}

export async function migrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const lockfilePath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockfilePath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
            (value) => ({ tag: "ok" as const, value }),
            (error: Error) => ({ tag: "error" as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** The SQL that turns an empty database into `schema`. */
export async function sqlFromEmpty(schema: string): Promise<string> {
  const session = await openSchemaEngine(schema);
  try {
    const result = await session.engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await session.close();
  }
}

/** The SQL still needed after the migrations to reach `schema`; `changed` is false when they agree. */
export async function sqlFromMigrations(
  schema: string,
  migrationsDir: string,
): Promise<{ changed: boolean; sql: string }> {
  const session = await openSchemaEngine(schema);
  try {
    const result = await session.engine.diff({
      from: { tag: "migrations", ...(await migrationList(migrationsDir)) },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schema }] },
      script: true,
      // The engine answers 2 when the diff is not empty, as `prisma migrate diff --exit-code` does.
      exitCode: true,
      filters: noFilters,
    });
    return { changed: result.exitCode === 2, sql: result.stdout ?? "" };
  } finally {
    await session.close();
  }
}

/** A migration directory name the way Prisma makes one: UTC timestamp, then the name in snake case. */
export function migrationDirectoryName(name: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
  if (!slug) throw new Error("A migration name needs at least one letter or digit, e.g. --name add_lead_owner");
  return `${stamp}_${slug}`;
}

/**
 * `migrate dev --create-only`: writes the engine's SQL from the existing migrations to the schema as
 * a new migration directory, or returns null when the schema has no changes. The wasm engine's own
 * createMigration wants a shadow database it cannot be given here, so the diff it runs is called directly.
 */
export async function createMigration(
  schema: string,
  migrationsDir: string,
  name: string,
  now = new Date(),
): Promise<{ directory: string; sql: string } | null> {
  const directory = migrationDirectoryName(name, now);
  const { changed, sql } = await sqlFromMigrations(schema, migrationsDir);
  if (!changed) return null;
  await mkdir(path.join(migrationsDir, directory), { recursive: false });
  await writeFile(path.join(migrationsDir, directory, "migration.sql"), sql);
  return { directory, sql };
}
