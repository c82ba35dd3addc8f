import pg from "pg";
import { startOutagePostgres } from "../../scripts/outage-postgres.mjs";

export type Outage = Awaited<ReturnType<typeof startOutagePostgres>>;

/**
 * A PostgreSQL server of the test's own (to stop, crash and close) with an empty app database, which
 * the app's lib/env.ts reads as DATABASE_URL on the first request, as the server reads it at start;
 * the app's database opener is installed as instrumentation installs it at server start.
 */
export async function startAppOnOutagePostgres(poolSize: number): Promise<Outage> {
  const server = await startOutagePostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE parklead");
  await admin.end();
  process.env.DATABASE_URL = server.url.replace(/\/postgres$/, "/parklead");
  process.env.PARKLEAD_DB_POOL_SIZE = String(poolSize);
  (await import("@/lib/startup/server")).installAppDatabase();
  return server;
}
