import "server-only";
import { openDatabase, type OpenedDatabase } from "./open";
import { env } from "../env";

export type { Database } from "./open";

const holder = globalThis as typeof globalThis & { parkleadDatabase?: Promise<OpenedDatabase> };

/**
 * The process-wide database, opened, migrated (and on the embedded database, seeded) on first
 * use. Kept on globalThis so dev-server reloads reuse one PGlite instead of opening the folder twice.
 */
export function getOpenedDatabase(): Promise<OpenedDatabase> {
  if (!holder.parkleadDatabase) {
    const config = env();
    const firstAdmin = { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD, generate: !config.DATABASE_URL };
    holder.parkleadDatabase = openDatabase(
      config.DATABASE_URL
        ? { kind: "postgres", url: config.DATABASE_URL, poolSize: config.PARKLEAD_DB_POOL_SIZE, seedDemo: config.PARKLEAD_SEED_DEMO === "1", firstAdmin }
        : { kind: "pglite", dataDir: config.PARKLEAD_DATA_DIR, seedDemo: true, firstAdmin },
    );
    holder.parkleadDatabase.catch(() => {
      holder.parkleadDatabase = undefined;
    });
  }
  return holder.parkleadDatabase;
}

export async function getDb() {
  return (await getOpenedDatabase()).db;
}
