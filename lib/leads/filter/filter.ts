import { z } from "zod";
import { calendarDay, queryText } from "../../forms/fields";
import type { Prisma } from "../../db/generated/client";
import type { Viewer } from "../../auth/session";
import { leadsVisibleTo, phonesVisibleTo } from "../access";
import { searchesOnlyUnmaskedText } from "../mask";
import { searchTermsOf } from "../search-tokens";
import { shanghaiDayStart } from "../../calendar/shanghai-time";

const id = z
  .string()
  .trim()
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, "invalid");
/**
 * A real calendar day in the app's years: 2026-02-30, 2026-13-01 and 0000-01-01 are refused, not rolled over or sent
 * to the database.
 */
const day = calendarDay;
const flag = z.enum(["1"]);

/**
 * The filters shared by the inbox, the board and the CSV export, as they appear in the URL.
 * `owner` is a user id, "mine" or "unassigned".
 */
export const leadFilterSchema = z.strictObject({
  stage: z
    .string()
    .trim()
    .max(40)
    .regex(/^[a-z0-9_]+$/, "invalid")
    .optional(),
  owner: z.union([z.enum(["mine", "unassigned"]), id]).optional(),
  park: id.optional(),
  listing: id.optional(),
  source: queryText(100).optional(),
  from: day.optional(),
  to: day.optional(),
  /** an open follow-up task is past due */
  overdue: flag.optional(),
  /** not answered within the first-response deadline */
  late: flag.optional(),
  archived: flag.optional(),
  /** NUL, lone surrogates and controls are a notice here, not a database error from the LIKE */
  q: queryText(100).optional(),
});
export type LeadFilter = z.infer<typeof leadFilterSchema>;

/** Reads filters from URL search params, dropping empty values; invalid params become field errors. */
export function parseLeadFilter(params: Record<string, string | string[] | undefined>) {
  const known = Object.keys(leadFilterSchema.shape);
  const picked = Object.fromEntries(
    Object.entries(params)
      .filter(([key, value]) => known.includes(key) && typeof value === "string" && value.trim() !== "")
      .map(([key, value]) => [key, (value as string).trim()]),
  );
  return leadFilterSchema.safeParse(picked);
}

/** The Prisma `where` of a filter, inside what the viewer may see. */
export function leadFilterWhere(filter: LeadFilter, viewer: Viewer, now = new Date()): Prisma.LeadWhereInput {
  const and: Prisma.LeadWhereInput[] = [leadsVisibleTo(viewer), { mergedIntoId: null }];
  and.push(filter.archived ? { archivedAt: { not: null } } : { archivedAt: null });
  if (filter.stage) and.push({ stageKey: filter.stage });
  if (filter.owner === "mine") and.push({ ownerId: viewer.id });
  else if (filter.owner === "unassigned") and.push({ ownerId: null });
  else if (filter.owner) and.push({ ownerId: filter.owner });
  if (filter.park) and.push({ parkId: filter.park });
  if (filter.listing) and.push({ listingId: filter.listing });
  if (filter.source) and.push({ source: filter.source });
  if (filter.from) and.push({ createdAt: { gte: shanghaiDayStart(filter.from) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(shanghaiDayStart(filter.to).getTime() + 86_400_000) } });
  if (filter.overdue) and.push({ nextFollowUpAt: { lt: now } });
  if (filter.late) and.push({ firstRespondedAt: null, firstResponseDueAt: { lt: now } });
  if (filter.q) {
    for (const term of searchTermsOf(filter.q)) {
      const contains = { contains: term.text, mode: "insensitive" as const };
      // The tokens only narrow (through the GIN index); the text recheck decides, and it reads the
      // phone, WeChat ID and email only where the viewer may see them. Otherwise a pool lead's masked
      // number would answer "138…", "1381…" one digit at a time (and its WeChat ID or email, so often
      // the number itself, likewise). Masked notes answer only terms that masking cannot touch.
      const visible = phonesVisibleTo(viewer);
      and.push({
        ...(term.tokens.length ? { searchTokens: { hasEvery: term.tokens } } : {}),
        OR: [
          { company: contains },
          { contactName: contains },
          { AND: [visible, { OR: [{ phone: contains }, { wechat: contains }, { email: contains }] }] },
          searchesOnlyUnmaskedText(term.text) ? { notes: contains } : { AND: [visible, { notes: contains }] },
        ],
      });
    }
  }
  return { AND: and };
}
