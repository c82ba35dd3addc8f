// Offline stand-ins for `prisma migrate …` (whose native engine cannot be downloaded here).
//   npm run db:migrate:dev -- --name add_lead_owner   new migration from schema.prisma (not applied)
//   npm run db:migrate:diff                          SQL the migrations still lack; exit 2 if any
//   npm run db:migrate:deploy                        apply pending migrations to the configured database
//   npm run db:migrate:status                        applied / pending / failed on the configured database
// The configured database is DATABASE_URL, else the embedded one in PARKLEAD_DATA_DIR (default ./data).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { lockDataDir } from "../../lib/db/data-dir-lock.ts";
import {
  applyMigrations,
  migrationStatus,
  pgConnection,
  pgliteConnection,
  type SqlConnection,
} from "../../lib/db/migrate.ts";
import { createMigration, sqlFromEmpty, sqlFromMigrations } from "./engine.mts";

const root = path.resolve(import.meta.dirname, "../..");
const schemaPath = path.join(root, "prisma/schema.prisma");
const migrationsDir = path.join(root, "prisma/migrations");

async function withConfiguredDatabase<T>(work: (conn: SqlConnection) => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(pgConnection(client));
    } finally {
      await client.end();
    }
  }
  const dataDir = path.resolve(process.env.PARKLEAD_DATA_DIR ?? path.join(root, "data"));
  const unlock = await lockDataDir(dataDir);
  const pglite = new PGlite(path.join(dataDir, "pgdata"));
  try {
    return await work(pgliteConnection(pglite));
  } finally {
    await pglite.close();
    await unlock();
  }
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, "from-empty": { type: "boolean" } },
  });
  const schema = await readFile(schemaPath, "utf8");
  switch (positionals[0]) {
    case "dev": {
      if (!values.name) throw new Error("Name the migration: npm run db:migrate:dev -- --name add_lead_owner");
      const created = await createMigration(schema, migrationsDir, values.name);
      if (!created) {
        console.log("No changes: prisma/schema.prisma and the migrations agree.");
        return 0;
      }
      console.log(`Created prisma/migrations/${created.directory}/migration.sql — review it, then commit it.`);
      console.log("It is applied on the next start, or now with npm run db:migrate:deploy.");
      return 0;
    }
    case "diff": {
      if (values["from-empty"]) {
        process.stdout.write(await sqlFromEmpty(schema));
        return 0;
      }
      const { changed, sql } = await sqlFromMigrations(schema, migrationsDir);
      process.stdout.write(sql);
      return changed ? 2 : 0;
    }
    case "deploy": {
      const { applied } = await withConfiguredDatabase((conn) =>
        applyMigrations(conn, { migrationsDir, log: () => {} }),
      );
      console.log(applied.length ? `Applied ${applied.join(", ")}` : "No pending migrations.");
      return 0;
    }
    case "status": {
      const status = await withConfiguredDatabase((conn) => migrationStatus(conn, { migrationsDir }));
      const lines: [string, string[]][] = [
        ["applied", status.applied],
        ["pending", status.pending],
        ["failed (fix, then mark rolled back)", status.failed],
        ["changed after being applied", status.modified],
        ["in the database but not in prisma/migrations", status.unknown],
      ];
      for (const [label, names] of lines)
        if (names.length) console.log(`${label}:\n${names.map((name) => `  ${name}`).join("\n")}`);
      const healthy =
        !status.pending.length && !status.failed.length && !status.modified.length && !status.unknown.length;
      console.log(healthy ? "Database schema is up to date." : "Database schema is NOT up to date.");
      return healthy ? 0 : 1;
    }
    default:
      throw new Error("usage: cli.mts dev --name NAME | diff [--from-empty] | deploy | status");
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
