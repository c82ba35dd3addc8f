import type { Prisma } from "../../db/generated/client";

/** What a merge reads of each lead; the lead page's preview and the merge itself read the same. */
export const mergeSelect = {
  id: true,
  version: true,
  company: true,
  companyKey: true,
  contactName: true,
  phone: true,
  wechat: true,
  email: true,
  creditCode: true,
  industry: true,
  notes: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  use: true,
  expectedAnnualTax: true,
  investment: true,
  annualOutput: true,
  employees: true,
  listingId: true,
  parkId: true,
  ownerId: true,
  assignedAt: true,
  firstRespondedAt: true,
  lastInquiryAt: true,
  stageKey: true,
  archivedAt: true,
  erasedAt: true,
  mergedIntoId: true,
  stage: { select: { key: true, name: true, nameEn: true, position: true, category: true } },
} satisfies Prisma.LeadSelect;

export type MergeSide = Prisma.LeadGetPayload<{ select: typeof mergeSelect }>;

/** Fields the survivor takes from the merged lead only where its own are empty (an import's join too). */
export const FILLED_WHEN_EMPTY = [
  "wechat",
  "email",
  "creditCode",
  "industry",
  "needDeal",
  "needKind",
  "use",
  "expectedAnnualTax",
  "investment",
  "annualOutput",
  "employees",
  "listingId",
  "parkId",
] as const;

export type FilledField = (typeof FILLED_WHEN_EMPTY)[number] | "needArea" | "notes" | "ownerId";

/**
 * "advanced": both open, the merged lead was further along, the survivor moves up to its stage.
 * "kept": both open, the survivor was as far or further. "closed": one of them is won or lost, and
 * the survivor keeps its own stage whatever the other's, since a won or lost decision belongs to
 * the lead it was taken on and moving it would rewrite the funnel's figures.
 */
export type StageRule = "advanced" | "kept" | "closed";

export interface MergePlan {
  /** The survivor's changed fields, ready for an update. */
  data: Prisma.LeadUncheckedUpdateInput;
  filled: FilledField[];
  stageKey: string;
  stageRule: StageRule;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a <= b ? a : b;
}

/** What merging `merged` into `survivor` changes on the survivor; the survivor's phone and company stay. */
export function planMerge(survivor: MergeSide, merged: MergeSide): MergePlan {
  const data: Prisma.LeadUncheckedUpdateInput = {};
  const filled: FilledField[] = [];
  for (const field of FILLED_WHEN_EMPTY) {
    if (isEmpty(survivor[field]) && !isEmpty(merged[field])) {
      Object.assign(data, { [field]: merged[field] });
      filled.push(field);
    }
  }
  // An area means nothing without its unit: they move together.
  if (survivor.needArea === null && merged.needArea !== null) {
    Object.assign(data, { needArea: merged.needArea, needAreaUnit: merged.needAreaUnit });
    filled.push("needArea");
  }
  const notes = merged.notes?.trim();
  if (notes && survivor.notes?.trim() !== notes) {
    data.notes = survivor.notes?.trim() ? `${survivor.notes.trim()}\n\n${notes}` : notes;
    filled.push("notes");
  }
  if (!survivor.ownerId && merged.ownerId) {
    Object.assign(data, { ownerId: merged.ownerId, assignedAt: merged.assignedAt });
    filled.push("ownerId");
  }
  const responded = earliest(survivor.firstRespondedAt, merged.firstRespondedAt);
  if (responded && responded !== survivor.firstRespondedAt) data.firstRespondedAt = responded;
  if (merged.lastInquiryAt > survivor.lastInquiryAt) data.lastInquiryAt = merged.lastInquiryAt;

  let stageRule: StageRule;
  let stageKey = survivor.stageKey;
  if (survivor.stage.category !== "OPEN" || merged.stage.category !== "OPEN") stageRule = "closed";
  else if (merged.stage.position > survivor.stage.position) {
    stageRule = "advanced";
    stageKey = merged.stageKey;
  } else stageRule = "kept";
  return { data, filled, stageKey, stageRule };
}
