import "server-only";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { logEvent } from "../log";
import { dayResponseDeadline } from "../calendar/response-deadline";
import { readSettings } from "../settings/queries";
import { companyKey } from "./company-key";
import { scoreLead, type LeadScoreFields } from "./score/score";
import { leadSearchTokens } from "./search-tokens";

const BATCH = 500;

type Tx = Prisma.TransactionClient;

/**
 * Runs `batch` in a transaction again and again until it fills nothing, then logs `event` with how
 * many leads it filled. Each batch locks its leads with SKIP LOCKED, so instances starting together
 * share the work.
 */
async function inBatches(db: Database, event: string, batch: (tx: Tx) => Promise<number>): Promise<number> {
  const started = Date.now();
  let filled = 0;
  for (let done = await db.$transaction(batch); done > 0; done = await db.$transaction(batch)) filled += done;
  logEvent(event, { leads: filled, ms: Date.now() - started });
  return filled;
}

type LegacyLead = LeadScoreFields & {
  id: string;
  company: string;
  contactName: string;
  phone: string;
  wechat: string | null;
  email: string | null;
  notes: string | null;
  erasedAt: Date | null;
};

/**
 * Leads stored before the leads-workspace migration have no company key, search tokens or score:
 * those are computed in TypeScript, so the migration could not fill them. Run at every start after
 * the migrations; it only touches leads whose company key is still empty, so a second run finds
 * nothing.
 */
export async function backfillLeads(db: Database): Promise<number> {
  const [{ pending }] = await db.$queryRaw<
    { pending: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM "Lead" WHERE "companyKey" = '') AS "pending"`;
  if (!pending) return 0;
  // A name that folds to nothing would be picked again forever; it is left as it is.
  const unfoldable: string[] = [];
  return inBatches(db, "leads.backfilled", async (tx) => {
    const leads = await tx.$queryRaw<LegacyLead[]>`
      SELECT "id", "company", "contactName", "phone", "wechat", "email", "notes", "erasedAt", "needKind", "needArea",
             "needAreaUnit", "expectedAnnualTax", "investment", "annualOutput", "employees", "creditCode", "industry",
             "use"
      FROM "Lead" WHERE "companyKey" = '' AND NOT ("id" = ANY(${unfoldable}::text[]))
      LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (leads.length === 0) return 0;
    const { score } = await readSettings(tx);
    const rows = leads.map((lead) => {
      const key = companyKey(lead.company);
      if (key === "") unfoldable.push(lead.id);
      // An erased lead keeps only its company searchable, as the erasure left it.
      const person = lead.erasedAt ? { contactName: "", phone: "" } : lead;
      const tokens = leadSearchTokens({
        company: lead.company,
        contactName: person.contactName,
        phone: person.phone,
        wechat: lead.wechat,
        email: lead.email,
        notes: lead.notes,
      });
      const breakdown = scoreLead(lead, score);
      return { id: lead.id, key, tokens: JSON.stringify(tokens), breakdown };
    });
    await tx.$executeRaw`
      UPDATE "Lead" AS l SET "companyKey" = v."key",
        "searchTokens" = ARRAY(SELECT jsonb_array_elements_text(v."tokens"::jsonb)),
        "score" = v."score", "scoreBreakdown" = v."breakdown"::jsonb, "vetoed" = v."vetoed"
      FROM unnest(${rows.map((row) => row.id)}::text[], ${rows.map((row) => row.key)}::text[],
      ${rows.map((row) => row.tokens)}::text[],
                  ${rows.map((row) => row.breakdown.total)}::int[],
                  ${rows.map((row) => JSON.stringify(row.breakdown))}::text[],
                  ${rows.map((row) => row.breakdown.vetoed)}::boolean[])
           AS v("id", "key", "tokens", "score", "breakdown", "vetoed")
      WHERE l."id" = v."id"`;
    return leads.length;
  });
}

/**
 * Leads stored before the report tallies have no one-working-day deadline (Lead.dayResponseDueAt):
 * it needs the working calendar, which lives in the settings, so the migration could not fill it.
 * Filled here by the calendar of now, at every start, in batches as above; a second run finds nothing.
 */
export async function backfillResponseDeadlines(db: Database): Promise<number> {
  const [{ pending }] = await db.$queryRaw<
    { pending: boolean }[]
  >`SELECT EXISTS (SELECT 1 FROM "Lead" WHERE "dayResponseDueAt" IS NULL) AS "pending"`;
  if (!pending) return 0;
  const { workingHours } = await readSettings(db);
  return inBatches(db, "leads.deadlinesBackfilled", async (tx) => {
    const leads = await tx.$queryRaw<{ id: string; createdAt: Date }[]>`
      SELECT "id", "createdAt" FROM "Lead" WHERE "dayResponseDueAt" IS NULL LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
    if (leads.length === 0) return 0;
    await tx.$executeRaw`
      UPDATE "Lead" AS l SET "dayResponseDueAt" = v."due"
      FROM unnest(
        ${leads.map((lead) => lead.id)}::text[],
        ${leads.map((lead) => dayResponseDeadline(lead.createdAt, workingHours).toISOString())}::timestamptz[]
      ) AS v("id", "due")
      WHERE l."id" = v."id"`;
    return leads.length;
  });
}
