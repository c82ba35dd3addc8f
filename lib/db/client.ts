import "server-only";
import type { OpenedDatabase } from "./open";

export type { Database } from "./open";

/** Opens the app's database: lib/startup's, which knows the environment and the product's start-up steps. */
export type DatabaseOpener = () => Promise<OpenedDatabase>;

// On globalThis, not in module scope: Next evaluates this module once per route bundle (and again on
// every dev-server reload), yet a process holds one database, so one PGlite opens the folder.
const holder = globalThis as typeof globalThis & {
  parkleadDatabase?: Promise<OpenedDatabase>;
  parkleadDatabaseOpener?: DatabaseOpener;
};

/**
 * Called by lib/startup before the first use (instrumentation at server start): lib/db cannot import
 * the product's start-up steps without the product importing it back, so they are handed in.
 */
export function installDatabaseOpener(open: DatabaseOpener): void {
  holder.parkleadDatabaseOpener = open;
}

/**
 * The process-wide database, opened, migrated and made ready by the installed opener on first use,
 * and opened again on the next use after a failed open (PostgreSQL down at start).
 */
export function getOpenedDatabase(): Promise<OpenedDatabase> {
  if (!holder.parkleadDatabase) {
    const open = holder.parkleadDatabaseOpener;
    if (!open)
      return Promise.reject(
        new Error("No database opener is installed: lib/startup installs it at server start (instrumentation.ts)"),
      );
    holder.parkleadDatabase = open();
    holder.parkleadDatabase.catch(() => {
      holder.parkleadDatabase = undefined;
    });
  }
  return holder.parkleadDatabase;
}

export async function getDb() {
  return (await getOpenedDatabase()).db;
}
