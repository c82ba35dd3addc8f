import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import type { Viewer } from "../../auth/session";
import { saveSettingsSection, type SettingsResult } from "../../settings/mutations";
import { readSettings } from "../../settings/queries";
import { scoreLead, type LeadScoreFields, type ScoreBreakdown } from "./score";

const BATCH = 500;

type ScoredRow = { id: string; breakdown: ScoreBreakdown };

/** Writes many leads' scores in one statement, touching only the rows whose score changed. */
export async function writeScores(tx: Prisma.TransactionClient, rows: ScoredRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    UPDATE "Lead" AS l SET "score" = v."score", "scoreBreakdown" = v."breakdown"::jsonb, "vetoed" = v."vetoed"
    FROM unnest(${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.breakdown.total)}::int[],
                ${rows.map((row) => JSON.stringify(row.breakdown))}::text[],
                ${rows.map((row) => row.breakdown.vetoed)}::boolean[])
         AS v("id", "score", "breakdown", "vetoed")
    WHERE l."id" = v."id"
      AND (l."score" IS DISTINCT FROM v."score" OR l."vetoed" <> v."vetoed" OR l."scoreBreakdown" IS DISTINCT
        FROM v."breakdown"::jsonb)`;
}

/**
 * Re-scores every lead after the score settings changed, 500 at a time in id order, so a million
 * leads never sit in memory at once. Each batch is its own short transaction that locks its rows
 * (an intake or an edit of one of them waits a moment instead of being overwritten with a score of
 * stale fields) and reads the settings again, so a run overtaken by a newer change finishes with
 * the newer settings. Returns how many leads' scores changed.
 */
export async function rescoreAllLeads(db: Database): Promise<number> {
  let after = "";
  let changed = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<(LeadScoreFields & { id: string })[]>`
        SELECT "id", "needKind", "needArea", "needAreaUnit", "expectedAnnualTax", "investment", "annualOutput",
               "employees", "creditCode", "industry", "use"
        FROM "Lead" WHERE "id" > ${after} ORDER BY "id" LIMIT ${BATCH} FOR UPDATE`;
      if (rows.length === 0) return null;
      const { score } = await readSettings(tx);
      const written = await writeScores(
        tx,
        rows.map((row) => ({ id: row.id, breakdown: scoreLead(row, score) })),
      );
      return { last: rows[rows.length - 1].id, written, full: rows.length === BATCH };
    });
    if (!batch) break;
    changed += batch.written;
    after = batch.last;
    if (!batch.full) break;
  }
  return changed;
}

/**
 * Saving the score settings re-scores every lead, in batches, before answering. Saving them
 * unchanged does too, so a re-scoring cut short (a lost connection, a restart) is finished by
 * pressing save again.
 */
export async function updateScoreSettings(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<SettingsResult> {
  const saved = await saveSettingsSection(db, viewer, "score", input);
  if (!saved.ok) return saved;
  return { ...saved, rescored: await rescoreAllLeads(db) };
}
