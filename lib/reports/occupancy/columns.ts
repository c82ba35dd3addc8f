import type { ReportColumn } from "../table";

/* The occupancy report's tables: their keys and columns (labels under reportsOccupancy.columns). */

export const OCCUPANCY_TABLES = {
  rate: "reportsOccupancy.tables.rate",
  vacancy: "reportsOccupancy.tables.vacancy",
  expired: "reportsOccupancy.tables.expired",
  expiredByOfficer: "reportsOccupancy.tables.expiredByOfficer",
  now: "reportsOccupancy.tables.now",
} as const;

const column = (key: string, kind: ReportColumn["kind"]): ReportColumn => ({
  key,
  label: `reportsOccupancy.columns.${key}`,
  kind,
});
const place = [column("park", "text"), column("building", "text")];

export const rateColumns = [
  column("period", "text"),
  column("asOf", "text"),
  ...place,
  column("total", "area"),
  column("offered", "area"),
  column("taken", "area"),
  column("rate", "percent"),
];

export const vacancyColumns = [
  ...place,
  column("leftVacant", "count"),
  column("leftVacantDays", "days"),
  column("vacantAtEnd", "count"),
  column("vacantAtEndDays", "days"),
];

export const expiredColumns = [...place, column("expired", "count"), column("signedLater", "count")];

export const expiredByOfficerColumns = [
  column("officer", "text"),
  column("expired", "count"),
  column("signedLater", "count"),
];

export const nowColumns = [
  ...place,
  column("total", "area"),
  column("vacant", "area"),
  column("held", "area"),
  column("signed", "area"),
  column("occupied", "area"),
  column("unavailable", "area"),
  column("rate", "percent"),
];
