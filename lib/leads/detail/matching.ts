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
  area: true,
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

const FREENESS_ORDER: Record<Freeness, number> = { free: 0, partly: 1, held: 2 };

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

/** How free a match is: its vacant area covers the need, covers part of it, or nothing is vacant (held, 洽谈中). */
export type Freeness = "free" | "partly" | "held";

/**
 * Published listings that could serve the lead's need: same kind, the matching deal (buy → sale,
 * rent → lease), not fully taken (signed or occupied listings read LEASED or SOLD and are left out),
 * with an available area (the vacant area of its units) of 70%–150% of the need (compared in m²,
 * 1 亩 = 666.67 m²), or more than that when the listing can be split and its smallest part is at most
 * 150% of the need; a held listing with nothing vacant is offered by its whole area, last. What is
 * actually free comes first: vacant area at least the need, then partly free, then held. Within each,
 * whole fits before splits, then listings suited to the lead's industry, then the closest in area.
 * Nothing when the need is incomplete.
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
  // Held with nothing vacant: may come free when the hold ends, so it is named, by the area it would offer.
  const held = (unit: "SQM" | "MU", per: Decimal.Value) => ({
    status: "RESERVED" as const,
    areaUnit: unit,
    availableArea: 0,
    area: { gte: inUnit(low, per, Decimal.ROUND_UP), lte: inUnit(high, per, Decimal.ROUND_DOWN) },
  });
  const rows = await db.listing.findMany({
    where: {
      published: true,
      status: { in: ["AVAILABLE", "RESERVED"] },
      kind: need.needKind,
      deal: need.needDeal === "BUY" ? "SALE" : "LEASE",
      OR: [
        whole("SQM", 1),
        whole("MU", SQM_PER_MU),
        splittable("SQM", 1),
        splittable("MU", SQM_PER_MU),
        held("SQM", 1),
        held("MU", SQM_PER_MU),
      ],
    },
    select: matchSelect,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: CANDIDATES,
  });
  return rows
    .map(({ minSplitAreaSqm, ...row }) => {
      const perUnit = row.areaUnit === "MU" ? SQM_PER_MU : 1;
      const availableSqm = new Decimal(row.availableArea.toString()).mul(perUnit);
      // RESERVED means nothing of it is vacant now (lib/inventory/listing-sync.ts), whatever area it once stated.
      const freeness: Freeness =
        row.status !== "AVAILABLE"
          ? "held"
          : availableSqm.gte(wanted)
            ? "free"
            : availableSqm.gt(0)
              ? "partly"
              : "held";
      const split = availableSqm.gt(high);
      // A split listing is as close as the part the investor would take: the need, or the smallest part if larger;
      // one with nothing vacant as close as its whole area.
      const offered = split
        ? Decimal.max(wanted, new Decimal(String(minSplitAreaSqm)))
        : availableSqm.isZero()
          ? new Decimal(row.area.toString()).mul(perUnit)
          : availableSqm;
      return {
        ...row,
        area: row.area.toString(),
        availableArea: row.availableArea.toString(),
        freeness,
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
        FREENESS_ORDER[a.freeness] - FREENESS_ORDER[b.freeness] ||
        Number(a.split) - Number(b.split) ||
        Number(b.matchedIndustries.length > 0) - Number(a.matchedIndustries.length > 0) ||
        a.distance - b.distance,
    )
    .slice(0, limit)
    .map(({ distance: _distance, createdAt: _createdAt, ...listing }) => listing);
}
