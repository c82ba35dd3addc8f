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
  const folders: string[] = [];
  /** A folder of the migrations whose names pass `keep`, for the runner to apply. */
  const migrationsWhere = async (keep: (name: string) => boolean) => {
    const folder = await mkdtemp(path.join(tmpdir(), "parklead-migrations-"));
    folders.push(folder);
    for (const name of await readdir(migrationsDir)) {
      if (keep(name)) await cp(path.join(migrationsDir, name), path.join(folder, name), { recursive: true });
    }
    return folder;
  };
  await applyMigrations(conn, { migrationsDir: await migrationsWhere((name) => name < migration), log: () => {} });
  return {
    pglite: database.pglite,
    conn,
    /** Applies the migration and everything after it. */
    migrate: () => applyMigrations(conn, { migrationsDir, log: () => {} }),
    /** Applies the migration alone (and none after it). */
    migrateOnlyIt: async () =>
      applyMigrations(conn, {
        migrationsDir: await migrationsWhere((name) => name <= migration || name === "migration_lock.toml"),
        log: () => {},
      }),
    async close() {
      await database.close();
      await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
    },
  };
}
