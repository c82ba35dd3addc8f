import { Decimal } from "decimal.js";

/** 1 亩 = 10000/15 m² (666.67 m²), the statutory conversion. */
export const SQM_PER_MU = new Decimal(10_000).div(15);
/** The same conversion rounded to 666.67, as the admission score and the reports' 亩 figures count it. */
export const SQM_PER_MU_ROUNDED = 666.67;
const DAYS_PER_MONTH = new Decimal(365).div(12);

export type AreaUnit = "SQM" | "MU";
export type PriceUnit = "YUAN_PER_SQM" | "WAN_TOTAL" | "WAN_PER_MU" | "YUAN_PER_SQM_DAY" | "YUAN_PER_SQM_MONTH";

export function areaInSqm(area: Decimal.Value, unit: AreaUnit): Decimal {
  const value = new Decimal(area);
  return (unit === "MU" ? value.mul(SQM_PER_MU) : value).toDecimalPlaces(2);
}

/**
 * The listing's price as 元/m² (sale) or 元/m²/月 (lease), so the catalogue can filter and sort
 * listings priced in different units against each other.
 */
export function unitPrice(price: Decimal.Value, priceUnit: PriceUnit, areaSqm: Decimal.Value): Decimal {
  const value = new Decimal(price);
  switch (priceUnit) {
    case "YUAN_PER_SQM":
    case "YUAN_PER_SQM_MONTH":
      return value.toDecimalPlaces(2);
    case "YUAN_PER_SQM_DAY":
      return value.mul(DAYS_PER_MONTH).toDecimalPlaces(2);
    case "WAN_TOTAL":
      return value.mul(10_000).div(areaSqm).toDecimalPlaces(2);
    case "WAN_PER_MU":
      return value.mul(10_000).div(SQM_PER_MU).toDecimalPlaces(2);
  }
}
