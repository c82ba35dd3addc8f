import "server-only";
import { Prisma } from "../../db/generated/client";

/*
 * Who a new lead goes to, as fragments of the intake's one statement (lib/inquiries/store-inquiry.ts
 * composes them): the statement must already define `allowed` (the rate limits held), and the
 * fragments define `phone_queue`, `owner_rr` and `owner` for the lead insert that follows.
 */

/**
 * Advisory-lock class for first inquiries from one phone (the two-key form keeps it apart from the app's single-key
 * locks).
 */
export const NEW_PHONE_LOCK = 72707380;

/**
 * A new lead's owner, chosen in the same statement: the park's owner under the park-owner
 * rule when they are active and not away, else round-robin among active STAFF who are not away,
 * least recently given a lead first. Concurrent new leads skip an officer another one is being
 * given to (SKIP LOCKED), so they spread. When every eligible officer is taken, the waiting leads
 * take turns (the AssignmentTurn sequence) over the officers instead of all queueing behind the
 * least recently assigned one; the lock re-checks the officer, so one deactivated or marked away
 * meanwhile is passed over. First inquiries from one phone queue on the phone before choosing, so
 * the ones that will find the lead started hold no officer while they wait. Nobody eligible: the
 * lead waits in the unassigned pool.
 */
export function ownerPickSql(phone: string, lead: { parkOwnerRule: boolean; parkId: string | null }): Prisma.Sql {
  const eligible = (alias: string) => {
    const u = Prisma.raw(alias);
    return Prisma.sql`${u}."role" = 'STAFF' AND ${u}."active" AND NOT ${u}."away"
        AND (SELECT "ok" FROM allowed) AND EXISTS (SELECT 1 FROM phone_queue)
        AND NOT EXISTS (SELECT 1 FROM owner_park) AND NOT EXISTS (SELECT 1 FROM "Lead" WHERE "phone" = ${phone})`;
  };
  const leastRecent = Prisma.sql`ORDER BY u."lastAssignedAt" ASC NULLS FIRST, u."id" LIMIT 1`;
  return Prisma.sql`owner_park AS (
      SELECT u."id" FROM "Park" p JOIN "User" u ON u."id" = p."ownerId"
      WHERE ${lead.parkOwnerRule}::boolean AND p."id" = ${lead.parkId}::text AND u."active" AND NOT u."away"
      FOR SHARE OF u
    ), phone_queue AS MATERIALIZED (
      SELECT pg_advisory_xact_lock(${NEW_PHONE_LOCK}::int, hashtext(${phone}))
    ), owner_rr_free AS (
      -- The order is this statement's snapshot: an officer given a lead since then fails the lock's
      -- re-check of the last line (the subquery still reads the snapshot), and the next one is tried.
      SELECT u."id" FROM "User" u WHERE ${eligible("u")}
        AND u."lastAssignedAt" IS NOT DISTINCT FROM (SELECT s."lastAssignedAt" FROM "User" s WHERE s."id" = u."id")
      ${leastRecent} FOR UPDATE OF u SKIP LOCKED
    ), turn AS MATERIALIZED (
      -- Materialized, so the lock's re-check reads this officer again instead of drawing another turn.
      SELECT e."id" FROM "User" e WHERE ${eligible("e")} ORDER BY e."id"
      OFFSET (SELECT nextval('"AssignmentTurn"') % greatest(count(*), 1) FROM "User" c WHERE ${eligible("c")}) LIMIT 1
    ), owner_rr_turn AS (
      SELECT u."id" FROM "User" u JOIN turn ON turn."id" = u."id" WHERE ${eligible("u")} FOR UPDATE OF u
    ), owner_rr_busy AS (
      -- Only when the officer whose turn it was left meanwhile: wait for whoever is eligible.
      SELECT u."id" FROM "User" u WHERE ${eligible("u")} ${leastRecent} FOR UPDATE OF u
    ), owner_rr AS MATERIALIZED (
      -- COALESCE only runs a waiting query when no eligible officer is free.
      SELECT COALESCE((SELECT "id" FROM owner_rr_free), (SELECT "id" FROM owner_rr_turn),
      (SELECT "id" FROM owner_rr_busy)) AS "id"
    ), owner AS (
      SELECT COALESCE((SELECT "id" FROM owner_park), (SELECT "id" FROM owner_rr)) AS "id",
             CASE WHEN EXISTS (SELECT 1 FROM owner_park) THEN 'park_owner' ELSE 'round_robin' END AS "rule"
    )`;
}

/** After the lead insert (`lead`): the round-robin officer moves to the back of the queue. */
export const ownerTurnTakenSql = Prisma.sql`bump AS (
      -- The database's clock, not the request's: it only orders officers, and must move on every lead.
      UPDATE "User" SET "lastAssignedAt" = clock_timestamp()
      WHERE "id" = (SELECT "id" FROM owner_rr) AND EXISTS (SELECT 1 FROM lead)
    )`;
