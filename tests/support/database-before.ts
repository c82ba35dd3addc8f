import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyMigrations, pgliteConnection, type SqlConnection } from "../../lib/db/migrate";
import { freshPglite } from "./databases";

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/**
 * An embedded database migrated up to (not including) `migration`, for a test that fills it with
 * data of that time and then checks what the migration and every later one make of it.
 */
export async function databaseBefore(migration: string) {
  const database = await freshPglite();
  const conn: SqlConnection = pgliteConnection(database.pglite);
  const earlier = await mkdtemp(path.join(tmpdir(), "parklead-migrations-before-"));
  for (const name of await readdir(migrationsDir)) {
    if (name < migration) await cp(path.join(migrationsDir, name), path.join(earlier, name), { recursive: true });
  }
  await applyMigrations(conn, { migrationsDir: earlier, log: () => {} });
  return {
    pglite: database.pglite,
    conn,
    /** Applies the migration and everything after it. */
    migrate: () => applyMigrations(conn, { migrationsDir, log: () => {} }),
    async close() {
      await database.close();
      await rm(earlier, { recursive: true, force: true });
    },
  };
}
