import type { ReportColumn } from "../table";

/* The delivery report's tables: their keys and columns (labels under reportsDelivery.columns). */

export const DELIVERY_TABLES = {
  progress: "reportsDelivery.tables.progress",
  funding: "reportsDelivery.tables.funding",
  evaluation: "reportsDelivery.tables.evaluation",
  classes: "reportsDelivery.tables.classes",
} as const;

const column = (key: string, kind: ReportColumn["kind"]): ReportColumn => ({
  key,
  label: `reportsDelivery.columns.${key}`,
  kind,
});
const group = [column("dimension", "text"), column("group", "text")];

export const progressColumns = [
  ...group,
  column("projects", "count"),
  column("startDone", "count"),
  column("startDue", "count"),
  column("startRate", "percent"),
  column("productionDone", "count"),
  column("productionDue", "count"),
  column("productionRate", "percent"),
  column("fullDone", "count"),
  column("fullDue", "count"),
  column("fullRate", "percent"),
  column("late", "count"),
  column("projectsLate", "count"),
];

export const fundingColumns = [
  ...group,
  column("committed", "wan"),
  column("paid", "wan"),
  column("paidRate", "percent"),
  column("scheduled", "wan"),
  column("paidOfScheduled", "wan"),
  column("scheduledRate", "percent"),
];

export const evaluationColumns = [
  ...group,
  column("evaluated", "count"),
  column("promisedTax", "wan"),
  column("actualTax", "wan"),
  column("taxRate", "percent"),
  column("promisedOutput", "wan"),
  column("actualOutput", "wan"),
  column("outputRate", "percent"),
  column("gradeA", "count"),
  column("gradeB", "count"),
  column("gradeC", "count"),
  column("gradeD", "count"),
  column("unclassed", "count"),
];

export const classColumns = [
  column("grade", "text"),
  column("evaluated", "count"),
  column("share", "percent"),
  column("intakeScore", "decimal"),
  column("taxPerMu", "decimal"),
  column("outputPerMu", "decimal"),
];
