import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { OpenedDatabase } from "../../lib/db/open";
import { openAppDatabase } from "../../lib/startup/open-app-database";
import { describe } from "vitest";

/** A superuser URL of a throwaway PostgreSQL server; tests create and drop their own databases in it. */
export const testDatabaseUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

async function asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testDatabaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `parklead_test_${randomBytes(6).toString("hex")}`;
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export async function freshPglite(): Promise<{ pglite: PGlite; dataDir: string; close(): Promise<void> }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-test-pglite-"));
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  return {
    pglite,
    dataDir,
    async close() {
      await pglite.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let warned = false;

/**
 * describe() for suites that need PostgreSQL. Without TEST_DATABASE_URL they are skipped with a
 * printed reason; in CI (where .ci/run always provides one) its absence is a failure, not a skip.
 */
export const describeOnPostgres = ((name: string, body: () => void) => {
  if (testDatabaseUrl) return describe(name, body);
  if (process.env.CI) throw new Error(`${name}: TEST_DATABASE_URL must be set in CI`);
  if (!warned) {
    warned = true;
    console.warn(
      "[tests] TEST_DATABASE_URL is not set: PostgreSQL suites are skipped (npm test starts a throwaway server when one is installed)",
    );
  }
  return describe.skip(name, body);
}) as (name: string, body: () => void) => void;

export interface TestDatabase {
  opened: OpenedDatabase;
  cleanup(): Promise<void>;
}

/** The app's embedded database in a temporary data folder, migrated (and seeded when asked). */
export async function openTestPglite({ seedDemo = false }: { seedDemo?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "parklead-test-db-"));
  const opened = await openAppDatabase({ kind: "pglite", dataDir, seedDemo });
  return {
    opened,
    async cleanup() {
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh database on the throwaway PostgreSQL server, migrated (and seeded when asked), dropped afterwards. */
export async function openTestPostgres({
  seedDemo = false,
  poolSize = 4,
}: { seedDemo?: boolean; poolSize?: number } = {}): Promise<TestDatabase> {
  const database = await freshPostgresDatabase();
  const opened = await openAppDatabase({ kind: "postgres", url: database.url, poolSize, seedDemo });
  return {
    opened,
    async cleanup() {
      await opened.close();
      await database.drop();
    },
  };
}
