import { Prisma } from "../db/generated/client";
import type { UnitStatus } from "./types";

/*
 * The one definition of the inventory's figures, shared by the 租控表, the occupancy report and the
 * public catalogue. Every area is in m² (a unit's areaSqm, so land plots in 亩 count too), kept to
 * the hundredth as the columns store it. 出租率/去化率 is the area let or sold (signed or occupied) over
 * the area that can be let or sold at all: 不可租售 is left out of the denominator, since a parking
 * block that is not on offer should not make a full park look empty.
 */

export interface AreaTotals {
  /** every unit's area, 招商总面积 */
  total: number;
  vacant: number;
  held: number;
  signed: number;
  occupied: number;
  unavailable: number;
  /** (signed + occupied) ÷ (total − unavailable), 0…1; null when nothing is on offer */
  rate: number | null;
}

/** The areas by status, before the rate is worked out: what SQL sums and what sums add up. */
export type AreaSums = Omit<AreaTotals, "rate">;

const KEYS = ["total", "vacant", "held", "signed", "occupied", "unavailable"] as const;
const STATUS_KEY: Record<UnitStatus, Exclude<keyof AreaSums, "total">> = {
  VACANT: "vacant",
  HELD: "held",
  SIGNED: "signed",
  OCCUPIED: "occupied",
  UNAVAILABLE: "unavailable",
};

// Sums are taken in hundredths of a m² as integers, so 20,000 units add up exactly as numeric(14,2) does.
const cents = (value: number | string) => Math.round(Number(value) * 100);

/** 出租率/去化率 of the areas: null when the denominator is 0 (no unit, or every unit 不可租售). */
export function occupancyRate(sums: AreaSums): number | null {
  const offered = cents(sums.total) - cents(sums.unavailable);
  if (offered <= 0) return null;
  return (cents(sums.signed) + cents(sums.occupied)) / offered;
}

/** The sums with their rate. */
export function totalsOf(sums: AreaSums): AreaTotals {
  const kept = Object.fromEntries(KEYS.map((key) => [key, cents(sums[key]) / 100])) as AreaSums;
  return { ...kept, rate: occupancyRate(kept) };
}

/** The figures of a set of units (a building, a floor, a listing, a park). */
export function areaTotals(units: Iterable<{ areaSqm: number | string; status: UnitStatus }>): AreaTotals {
  const sums: Record<keyof AreaSums, number> = { total: 0, vacant: 0, held: 0, signed: 0, occupied: 0, unavailable: 0 };
  for (const unit of units) {
    const area = cents(unit.areaSqm);
    sums.total += area;
    sums[STATUS_KEY[unit.status]] += area;
  }
  return totalsOf(Object.fromEntries(KEYS.map((key) => [key, sums[key] / 100])) as AreaSums);
}

/** The figures of several parts added together (a park from its buildings). */
export function addTotals(parts: Iterable<AreaSums>): AreaTotals {
  const sums: Record<keyof AreaSums, number> = { total: 0, vacant: 0, held: 0, signed: 0, occupied: 0, unavailable: 0 };
  for (const part of parts) for (const key of KEYS) sums[key] += cents(part[key]);
  return totalsOf(Object.fromEntries(KEYS.map((key) => [key, sums[key] / 100])) as AreaSums);
}

/**
 * The same sums as select-list columns over "Unit" aliased as `alias` in a grouped query, named as AreaSums
 * names them; hand each row to totalsOf.
 */
export function areaSumsSql(alias = "u"): Prisma.Sql {
  const area = Prisma.raw(`"${alias}"."areaSqm"`);
  const status = Prisma.raw(`"${alias}"."status"`);
  const of = (value: UnitStatus) =>
    Prisma.sql`COALESCE(sum(${area}) FILTER (WHERE ${status} = ${value}::"UnitStatus"), 0)`;
  return Prisma.sql`COALESCE(sum(${area}), 0)::float8 AS "total",
    ${of("VACANT")}::float8 AS "vacant",
    ${of("HELD")}::float8 AS "held",
    ${of("SIGNED")}::float8 AS "signed",
    ${of("OCCUPIED")}::float8 AS "occupied",
    ${of("UNAVAILABLE")}::float8 AS "unavailable"`;
}
