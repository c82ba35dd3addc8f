import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SqlConnection } from "../../lib/db/migrate";
import { databaseBefore } from "../support/database-before";

/*
 * A database from before: the session-signing secret stored in Setting (a read of a backup could
 * forge an admin cookie), an account locked for everyone, and per-address counters under an
 * unkeyed hash. Migrating leaves none of them and keeps everything else.
 */
const MIGRATION = "20261206052839_sign_in_throttles";

describe("the sign-in migration on a database with data in it", () => {
  let database: Awaited<ReturnType<typeof databaseBefore>>;
  let conn: SqlConnection;

  beforeAll(async () => {
    database = await databaseBefore(MIGRATION);
    conn = database.conn;
    await database.pglite.exec(`
      INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES ('auth.secret', '"a-secret-anyone-with-a-backup-could-sign-with"', now()),
        ('assignment.rule', '"round_robin"', now());
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "failedLogins", "lockedUntil", "updatedAt")
        VALUES ('u1', 'boss@park.test', '老板', 'scrypt$x', 'ADMIN', 9, now() + interval '15 minutes', now());
      INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES ('login-ip:unkeyedSha256OfAnAddress', 7, now());
    `);
    await database.migrate();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("deletes the stored session secret and keeps the other settings", async () => {
    expect((await conn.query(`SELECT "key" FROM "Setting" ORDER BY "key"`)).rows).toEqual([{ key: "assignment.rule" }]);
  });

  it("unlocks every account: no account-wide lock is left to hold", async () => {
    const columns = await conn.query<{ column_name: string }>(
      `SELECT "column_name" FROM information_schema.columns WHERE "table_name" = 'User'`,
    );
    expect(columns.rows.map((row) => row.column_name)).not.toEqual(expect.arrayContaining(["failedLogins"]));
    expect(columns.rows.map((row) => row.column_name)).not.toEqual(expect.arrayContaining(["lockedUntil"]));
    expect((await conn.query(`SELECT "email", "active" FROM "User"`)).rows).toEqual([
      { email: "boss@park.test", active: true },
    ]);
  });

  it("drops the counters kept under an unkeyed hash", async () => {
    expect((await conn.query(`SELECT * FROM "LoginThrottle"`)).rows).toEqual([]);
  });
});
