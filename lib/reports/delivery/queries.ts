import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { reportsDeliveryEn } from "../../i18n/messages/reports-delivery.en";
import { reportsDeliveryZhCN } from "../../i18n/messages/reports-delivery.zh-CN";
import { PROJECT_READERS } from "../../projects/access";
import { EVALUATION_CLASSES } from "../../projects/types";
import { readSettings } from "../../settings/queries";
import type { ReportFilter } from "../filters";
import type { ReportTable, ReportValue } from "../table";
import { classColumns, DELIVERY_TABLES, evaluationColumns, fundingColumns, progressColumns } from "./columns";
import { deliveryFiguresSql, deliveryScopeSql, type FigureRow } from "./figures";
import { deliveryViewOf } from "./view";

/*
 * 履约报表 (/crm/reports?tab=delivery): 开工率, 投产率, 达产率 and late milestones, 到资, promised vs actual and the
 * 亩均 classes, as of a day, per park, officer, industry and signing year with a total row first; and the classes
 * beside the admission score the projects had at signing. One statement (./figures.ts); staff read their own
 * projects only.
 */

type Row = Record<string, ReportValue>;
type GroupRow = FigureRow & { dimension: Exclude<FigureRow["dimension"], "grade"> };

const ratio = (part: number | null, whole: number | null) =>
  whole === null || whole === 0 ? null : (part ?? 0) / whole;

const ORDER: GroupRow["dimension"][] = ["all", "park", "owner", "industry", "signedYear"];

function groupWords(
  row: GroupRow,
  names: { parks: Map<string, { name: string; nameEn: string }>; owners: Map<string, string> },
): Row {
  const zh = reportsDeliveryZhCN.groups;
  const en = reportsDeliveryEn.groups;
  const words = (group: string, groupEn: string) => ({
    dimension: reportsDeliveryZhCN.dimensions[row.dimension],
    dimensionEn: reportsDeliveryEn.dimensions[row.dimension],
    group,
    groupEn,
  });
  switch (row.dimension) {
    case "all":
      return words(zh.all, en.all);
    case "park": {
      const park = row.parkId ? names.parks.get(row.parkId) : undefined;
      return park ? words(park.name, park.nameEn) : words(zh.noPark, en.noPark);
    }
    case "owner": {
      const owner = row.ownerId ? names.owners.get(row.ownerId) : undefined;
      return owner ? words(owner, owner) : words(zh.noOwner, en.noOwner);
    }
    case "industry":
      return row.industry ? words(row.industry, row.industry) : words(zh.noIndustry, en.noIndustry);
    case "signedYear":
      return words(
        zh.year.replace("{year}", String(row.signedYear)),
        en.year.replace("{year}", String(row.signedYear)),
      );
  }
}

function sortGroups(rows: (GroupRow & { words: Row })[]) {
  return rows.sort((a, b) => {
    const byDimension = ORDER.indexOf(a.dimension) - ORDER.indexOf(b.dimension);
    if (byDimension !== 0) return byDimension;
    if (a.dimension === "signedYear") return (a.signedYear ?? 0) - (b.signedYear ?? 0);
    if (a.dimension === "industry" && a.projects !== b.projects) return b.projects - a.projects;
    return String(a.words.group).localeCompare(String(b.words.group), "zh-CN");
  });
}

export async function deliveryReport(
  db: Database,
  viewer: Viewer | null,
  filter: ReportFilter,
  now = new Date(),
): Promise<ReportTable[]> {
  assertRole(viewer, PROJECT_READERS, "read the delivery report");
  const view = deliveryViewOf(filter, now);
  const rules = (await readSettings(db)).delivery;
  const figures = await db.$queryRaw<FigureRow[]>(deliveryFiguresSql(view, deliveryScopeSql(filter, viewer), rules));

  const groups = figures.filter((row): row is GroupRow => row.dimension !== "grade");
  const parkIds = groups.flatMap((row) => (row.dimension === "park" && row.parkId ? [row.parkId] : []));
  const ownerIds = groups.flatMap((row) => (row.dimension === "owner" && row.ownerId ? [row.ownerId] : []));
  const [parks, owners] = await Promise.all([
    parkIds.length
      ? db.park.findMany({ where: { id: { in: parkIds } }, select: { id: true, name: true, nameEn: true } })
      : [],
    ownerIds.length ? db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } }) : [],
  ]);
  const names = {
    parks: new Map(parks.map((park) => [park.id, park])),
    owners: new Map(owners.map((owner) => [owner.id, owner.name])),
  };
  // With no project counted, GROUPING SETS still answers the empty total; the tables then say there is nothing.
  const rows = sortGroups(
    groups.filter((row) => row.projects > 0).map((row) => ({ ...row, words: groupWords(row, names) })),
  );
  const keys = (row: GroupRow & { words: Row }): Row => ({
    ...row.words,
    asOf: view.day,
    parkId: row.parkId,
    ownerId: row.ownerId,
  });

  const evaluatedTotal = figures.find((row) => row.dimension === "all")?.evaluated ?? 0;
  const grades = [...EVALUATION_CLASSES, "-"].flatMap((grade) => {
    const row = figures.find((candidate) => candidate.dimension === "grade" && candidate.grade === grade);
    if (!row) return [];
    const label = grade === "-" ? "unclassed" : (grade as (typeof EVALUATION_CLASSES)[number]);
    return [
      {
        grade: reportsDeliveryZhCN.grades[label],
        gradeEn: reportsDeliveryEn.grades[label],
        code: grade,
        evaluated: row.projects,
        share: ratio(row.projects, evaluatedTotal),
        intakeScore: row.intakeScore,
        taxPerMu: row.taxPerMu,
        outputPerMu: row.outputPerMu,
      },
    ];
  });

  return [
    {
      key: DELIVERY_TABLES.progress,
      columns: progressColumns,
      rows: rows.map((row) => ({
        ...keys(row),
        projects: row.projects,
        startDone: row.startDone,
        startDue: row.startDue,
        startRate: ratio(row.startDone, row.startDue),
        productionDone: row.productionDone,
        productionDue: row.productionDue,
        productionRate: ratio(row.productionDone, row.productionDue),
        fullDone: row.fullDone,
        fullDue: row.fullDue,
        fullRate: ratio(row.fullDone, row.fullDue),
        late: row.late,
        projectsLate: row.projectsLate,
      })),
    },
    {
      key: DELIVERY_TABLES.funding,
      columns: fundingColumns,
      rows: rows.map((row) => ({
        ...keys(row),
        committed: row.committed,
        paid: row.committed === null ? null : row.paid,
        paidRate: ratio(row.paid, row.committed),
        scheduled: row.scheduled,
        paidOfScheduled: row.scheduled === null ? null : row.paidOfScheduled,
        scheduledRate: ratio(row.paidOfScheduled, row.scheduled),
      })),
    },
    {
      key: DELIVERY_TABLES.evaluation,
      columns: evaluationColumns,
      rows: rows.map((row) => ({
        ...keys(row),
        evaluated: row.evaluated,
        promisedTax: row.promisedTax,
        actualTax: row.actualTax,
        taxRate: ratio(row.actualTax, row.promisedTax),
        promisedOutput: row.promisedOutput,
        actualOutput: row.actualOutput,
        outputRate: ratio(row.actualOutput, row.promisedOutput),
        gradeA: row.gradeA,
        gradeB: row.gradeB,
        gradeC: row.gradeC,
        gradeD: row.gradeD,
        unclassed: row.unclassed,
      })),
    },
    { key: DELIVERY_TABLES.classes, columns: classColumns, rows: grades },
  ];
}
