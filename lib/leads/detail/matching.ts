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
 * (compared in m², 1 亩 = 666.67 m²). Listings suited to the lead's industry come first, then the
 * closest in area. Nothing when the need is incomplete.
 */
export async function matchingListings(db: Database, need: Need, limit = MATCH_LIMIT) {
  if (!need.needDeal || !need.needKind || need.needArea === null || !need.needAreaUnit) return [];
  const wanted = new Decimal(need.needArea).mul(need.needAreaUnit === "MU" ? SQM_PER_MU : 1);
  if (wanted.lte(0)) return [];
  const low = wanted.mul(AREA_RANGE.min);
  const high = wanted.mul(AREA_RANGE.max);
  // Available area is stored in the listing's own unit: ask each unit for the range in that unit.
  const inRange = (unit: "SQM" | "MU", per: Decimal.Value) => ({
    areaUnit: unit,
    availableArea: {
      gte: low.div(per).toDecimalPlaces(2, Decimal.ROUND_UP).toString(),
      lte: high.div(per).toDecimalPlaces(2, Decimal.ROUND_DOWN).toString(),
    },
  });
  const rows = await db.listing.findMany({
    where: {
      published: true,
      status: { in: ["AVAILABLE", "RESERVED"] },
      kind: need.needKind,
      deal: need.needDeal === "BUY" ? "SALE" : "LEASE",
      OR: [inRange("SQM", 1), inRange("MU", SQM_PER_MU)],
    },
    select: matchSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: CANDIDATES,
  });
  return rows
    .map((row) => {
      const availableSqm = new Decimal(row.availableArea.toString()).mul(row.areaUnit === "MU" ? SQM_PER_MU : 1);
      return {
        ...row,
        availableArea: row.availableArea.toString(),
        price: row.price.toString(),
        matchedIndustries: industryMatches(row.industries, need),
        /** how far the available area is from the need, as a ratio's distance from 1 on a log scale */
        distance: Math.abs(Math.log(availableSqm.div(wanted).toNumber())),
      };
    })
    .sort(
      (a, b) =>
        Number(b.matchedIndustries.length > 0) - Number(a.matchedIndustries.length > 0) ||
        Number(a.status !== "AVAILABLE") - Number(b.status !== "AVAILABLE") ||
        a.distance - b.distance,
    )
    .slice(0, limit)
    .map(({ distance: _distance, createdAt: _createdAt, ...listing }) => listing);
}
