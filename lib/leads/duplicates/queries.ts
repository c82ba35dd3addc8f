import "server-only";
import { z } from "zod";
import { cleanText } from "../../forms/clean-text";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { LEAD_MANAGERS, WORKSPACE_ROLES, contactFor, leadsVisibleTo, maySeePhone, phonesVisibleTo } from "../access";
import { mergeSelect, type MergeSide } from "../merge/plan";

export type DuplicateReason = "phone" | "company";

/** A possible duplicate, as the viewer may see it (contacts masked outside their own leads, see contactFor). */
export interface DuplicateLead extends Omit<MergeSide, "phone"> {
  phone: string;
  reasons: DuplicateReason[];
  owner: { id: string; name: string } | null;
  counts: { inquiries: number; activities: number; tasks: number; stageChanges: number };
}

export interface DuplicatesOf {
  lead: Omit<MergeSide, "phone"> & { phone: string };
  duplicates: DuplicateLead[];
}

const MAX_DUPLICATES = 20;

const duplicateSelect = {
  ...mergeSelect,
  owner: { select: { id: true, name: true } },
  _count: { select: { inquiries: true, activities: true, tasks: true, stageChanges: true } },
} satisfies Prisma.LeadSelect;

/** Merged-away tombstones and erased leads are history, not duplicates. */
const LIVE = { mergedIntoId: null, erasedAt: null } satisfies Prisma.LeadWhereInput;

/**
 * Other live leads of the same person or company, within what the viewer may see: the same phone
 * (the lead's own, or one its inquiries came from, on the other lead or on its inquiries) or the
 * same normalised company (Lead.companyKey). Null when the lead is not there for this viewer.
 * "Same phone" is only said where the viewer may see both phones: that a pool lead shares a number
 * with one of the officer's own leads would tell them the number the pool lead shows masked.
 */
export async function findDuplicates(
  db: Database,
  viewer: Viewer | null,
  leadId: string,
): Promise<DuplicatesOf | null> {
  assertRole(viewer, WORKSPACE_ROLES, "read leads");
  if (typeof leadId !== "string" || !/^[A-Za-z0-9_-]{1,40}$/.test(leadId)) return null;
  const lead = await db.lead.findFirst({ where: { id: leadId, ...leadsVisibleTo(viewer) }, select: mergeSelect });
  if (!lead) return null;
  const shown = contactFor(viewer, lead);
  if (lead.mergedIntoId || lead.erasedAt) return { lead: shown, duplicates: [] };

  const matches: Prisma.LeadWhereInput[] = [];
  let phones: string[] = [];
  let samePhoneLeads = new Set<string>();
  if (maySeePhone(viewer, lead)) {
    const inquiryPhones = await db.inquiry.findMany({
      where: { leadId },
      select: { phone: true },
      distinct: ["phone"],
    });
    phones = [...new Set([lead.phone, ...inquiryPhones.map((inquiry) => inquiry.phone)])];
    // Inquiry_phone_idx and the lead indexes below: index reads only.
    const viaInquiries = await db.inquiry.findMany({
      where: { phone: { in: phones }, leadId: { not: leadId } },
      select: { leadId: true },
      distinct: ["leadId"],
      take: 100,
    });
    samePhoneLeads = new Set(viaInquiries.map((inquiry) => inquiry.leadId));
    matches.push({
      AND: [phonesVisibleTo(viewer), { OR: [{ phone: { in: phones } }, { id: { in: [...samePhoneLeads] } }] }],
    });
  }
  if (lead.companyKey) matches.push({ companyKey: lead.companyKey });
  if (!matches.length) return { lead: shown, duplicates: [] };

  const rows = await db.lead.findMany({
    where: { AND: [leadsVisibleTo(viewer), LIVE, { id: { not: leadId } }, { OR: matches }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_DUPLICATES,
    select: duplicateSelect,
  });
  const duplicates = rows.map(({ _count, ...row }): DuplicateLead => {
    const reasons: DuplicateReason[] = [];
    if (maySeePhone(viewer, row) && (phones.includes(row.phone) || samePhoneLeads.has(row.id))) reasons.push("phone");
    if (lead.companyKey && row.companyKey === lead.companyKey) reasons.push("company");
    return { ...contactFor(viewer, row), reasons, counts: _count };
  });
  return { lead: shown, duplicates };
}

const GROUPS_PER_PAGE = 20;
const LEADS_PER_GROUP = 10;

export const duplicateGroupsSchema = z.strictObject({
  /** base64url of the company key the previous page ended with */
  cursor: z
    .string()
    .max(400, "invalid")
    .regex(/^[A-Za-z0-9_-]+$/, "invalid")
    .transform((text, ctx) => {
      const key = Buffer.from(text, "base64url").toString("utf8");
      // A made-up cursor may decode to NUL or controls, which PostgreSQL refuses to compare with.
      const clean = cleanText(key);
      if (!key || encodeGroupCursor(key) !== text || !clean.ok || clean.value !== key) {
        ctx.addIssue({ code: "custom", message: "invalid" });
        return z.NEVER;
      }
      return key;
    })
    .optional(),
});

export function encodeGroupCursor(companyKey: string): string {
  return Buffer.from(companyKey, "utf8").toString("base64url");
}

export interface DuplicateGroup {
  companyKey: string;
  count: number;
  leads: {
    id: string;
    company: string;
    contactName: string;
    stage: { key: string; name: string; nameEn: string };
    owner: { id: string; name: string } | null;
    archivedAt: Date | null;
    createdAt: Date;
  }[];
}

export type DuplicateGroupsResult =
  { ok: true; groups: DuplicateGroup[]; nextCursor: string | null } | { ok: false; fieldErrors: FieldErrors };

/**
 * The managers' "possible duplicates": live leads sharing a normalised company, one group per
 * company key in key order, paged by key (keyset), so a page reads the company-key index from
 * where the last one stopped rather than counting every group before it.
 */
export async function duplicateGroups(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<DuplicateGroupsResult> {
  assertRole(viewer, LEAD_MANAGERS, "list duplicate leads");
  const parsed = duplicateGroupsSchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const after = parsed.data.cursor ?? "";
  const keys = await db.$queryRaw<{ companyKey: string; count: number }[]>`
    SELECT "companyKey", COUNT(*)::int AS "count" FROM "Lead"
    WHERE "companyKey" > ${after} AND "mergedIntoId" IS NULL AND "erasedAt" IS NULL
    GROUP BY "companyKey" HAVING COUNT(*) > 1
    ORDER BY "companyKey" LIMIT ${GROUPS_PER_PAGE + 1}`;
  const page = keys.slice(0, GROUPS_PER_PAGE);
  const leads = await db.lead.findMany({
    where: { companyKey: { in: page.map((group) => group.companyKey) }, ...LIVE },
    orderBy: [{ companyKey: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: GROUPS_PER_PAGE * LEADS_PER_GROUP * 5,
    select: {
      id: true,
      company: true,
      companyKey: true,
      contactName: true,
      archivedAt: true,
      createdAt: true,
      stage: { select: { key: true, name: true, nameEn: true } },
      owner: { select: { id: true, name: true } },
    },
  });
  const groups = page.map(({ companyKey, count }) => ({
    companyKey,
    count,
    leads: leads
      .filter((lead) => lead.companyKey === companyKey)
      .slice(0, LEADS_PER_GROUP)
      .map(({ companyKey: _key, ...lead }) => lead),
  }));
  const nextCursor = keys.length > GROUPS_PER_PAGE ? encodeGroupCursor(page[page.length - 1].companyKey) : null;
  return { ok: true, groups, nextCursor };
}
