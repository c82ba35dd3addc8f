import "server-only";
import { Decimal } from "decimal.js";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { industries, type IndustryCode } from "../../listings/industries";
import { SQM_PER_MU } from "../../listings/units";

/** A listing fits when its available area is within this share of the area the investor asked for. */
export const AREA_RANGE = { min: 0.7, max: 1.5 } as const;
export const MATCH_LIMIT = 5;
/** Enough candidates to rank by industry and closeness; a park system has hundreds of listings, not millions. */
const CANDIDATES = 100;

export interface Need {
  needDeal: "BUY" | "RENT" | null;
  needKind: "FACTORY" | "OFFICE" | "LAND" | null;
  needArea: Decimal.Value | null;
  needAreaUnit: "SQM" | "MU" | null;
  industry?: string | null;
  use?: string | null;
}

const matchSelect = {
  id: true,
  title: true,
  titleEn: true,
  kind: true,
  deal: true,
  status: true,
  availableArea: true,
  areaUnit: true,
  minSplitArea: true,
  minSplitAreaSqm: true,
  price: true,
  priceUnit: true,
  industries: true,
  createdAt: true,
  park: { select: { name: true, nameEn: true } },
} satisfies Prisma.ListingSelect;

export type MatchingListing = Awaited<ReturnType<typeof matchingListings>>[number];

/** The industry codes of a listing that the lead's industry or use names, in Chinese, English or as a code. */
export function industryMatches(codes: readonly string[], need: Pick<Need, "industry" | "use">): string[] {
  const text = `${need.industry ?? ""} ${need.use ?? ""}`.toLowerCase();
  if (!text.trim()) return [];
  return codes.filter((code) => {
    const labels = industries[code as IndustryCode];
    return text.includes(code) || (labels && (text.includes(labels.zh) || text.includes(labels.en.toLowerCase())));
  });
}

/**
 * Published listings that could serve the lead's need: same kind, the matching deal (buy → sale,
 * rent → lease), still available or reserved, with an available area of 70%–150% of the need
 * (compared in m², 1 亩 = 666.67 m²), or more than that when the listing can be split and its
 * smallest part is at most 150% of the need. Whole fits come first, then listings suited to the
 * lead's industry, then the closest in area. Nothing when the need is incomplete.
 */
export async function matchingListings(db: Database, need: Need, limit = MATCH_LIMIT) {
  if (!need.needDeal || !need.needKind || need.needArea === null || !need.needAreaUnit) return [];
  const wanted = new Decimal(need.needArea).mul(need.needAreaUnit === "MU" ? SQM_PER_MU : 1);
  if (wanted.lte(0)) return [];
  const low = wanted.mul(AREA_RANGE.min);
  const high = wanted.mul(AREA_RANGE.max);
  // Available area is stored in the listing's own unit: ask each unit for the range in that unit.
  const inUnit = (value: Decimal, per: Decimal.Value, rounding: Decimal.Rounding) =>
    value.div(per).toDecimalPlaces(2, rounding).toString();
  const whole = (unit: "SQM" | "MU", per: Decimal.Value) => ({
    areaUnit: unit,
    availableArea: { gte: inUnit(low, per, Decimal.ROUND_UP), lte: inUnit(high, per, Decimal.ROUND_DOWN) },
  });
  const splittable = (unit: "SQM" | "MU", per: Decimal.Value) => ({
    areaUnit: unit,
    availableArea: { gt: inUnit(high, per, Decimal.ROUND_DOWN) },
    minSplitAreaSqm: { lte: high.toDecimalPlaces(2, Decimal.ROUND_DOWN).toString() },
  });
  const rows = await db.listing.findMany({
    where: {
      published: true,
      status: { in: ["AVAILABLE", "RESERVED"] },
      kind: need.needKind,
      deal: need.needDeal === "BUY" ? "SALE" : "LEASE",
      OR: [whole("SQM", 1), whole("MU", SQM_PER_MU), splittable("SQM", 1), splittable("MU", SQM_PER_MU)],
    },
    select: matchSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: CANDIDATES,
  });
  return rows
    .map(({ minSplitAreaSqm, ...row }) => {
      const availableSqm = new Decimal(row.availableArea.toString()).mul(row.areaUnit === "MU" ? SQM_PER_MU : 1);
      const split = availableSqm.gt(high);
      // A split listing is as close as the part the investor would take: the need, or the smallest part if larger.
      const offered = split ? Decimal.max(wanted, new Decimal(String(minSplitAreaSqm))) : availableSqm;
      return {
        ...row,
        availableArea: row.availableArea.toString(),
        minSplitArea: row.minSplitArea?.toString() ?? null,
        price: row.price.toString(),
        /** only a part of the listing fits the need */
        split,
        matchedIndustries: industryMatches(row.industries, need),
        /** how far the area offered is from the need, as a ratio's distance from 1 on a log scale */
        distance: Math.abs(Math.log(offered.div(wanted).toNumber())),
      };
    })
    .sort(
      (a, b) =>
        Number(a.split) - Number(b.split) ||
        Number(b.matchedIndustries.length > 0) - Number(a.matchedIndustries.length > 0) ||
        Number(a.status !== "AVAILABLE") - Number(b.status !== "AVAILABLE") ||
        a.distance - b.distance,
    )
    .slice(0, limit)
    .map(({ distance: _distance, createdAt: _createdAt, ...listing }) => listing);
}
