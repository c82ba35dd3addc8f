import { randomBytes } from "node:crypto";
import { queryE2eDatabase } from "./database";

/*
 * Import jobs written straight into the journeys' database, in the state a page check needs (the
 * runner would otherwise have to get there first). Shapes as lib/leads/import stores them.
 */

const HEADERS = ["公司名称", "联系人", "手机号", "负责人"];
const MAPPING = { "0": "company", "1": "contactName", "2": "phone", "3": "owner" };

function lead(company: string, contactName: string, phone: string, unknownOwner: string | null) {
  const empty = Object.fromEntries(
    ["wechat", "email", "creditCode", "industry", "needDeal", "needKind", "needArea", "needAreaUnit", "use"]
      .concat(["expectedAnnualTax", "investment", "annualOutput", "employees", "notes", "sourceNote", "ownerId"])
      .concat(["stageKey", "parkId", "listingId", "createdAt", "lastActivityAt", "signedAt", "signedArea"])
      .concat(["signedAreaUnit", "signedAnnualTax", "lostReasonKey"])
      .map((field) => [field, null]),
  );
  return {
    ...empty,
    company,
    contactName,
    phone,
    unknownOwner,
    needDeal: "RENT",
    needKind: "FACTORY",
    needArea: "3000",
    needAreaUnit: "SQM",
  };
}

/**
 * A job of `createdById` in `status`: MAPPING (no file kept, so no samples), PREVIEW (three rows: a
 * new lead with an owner the workspace does not have, a duplicate of `duplicateOf`, a row with a bad
 * phone) or DONE (finished just now, so it can still be undone). Returns its id.
 */
export async function seedImportJob(
  status: "MAPPING" | "PREVIEW" | "DONE",
  createdById: string,
  duplicateOf: { id: string; phone: string },
): Promise<string> {
  const id = `e2eimport${randomBytes(8).toString("hex")}`;
  const rows = status === "MAPPING" ? 0 : 3;
  await queryE2eDatabase(
    `INSERT INTO "ImportJob" ("id", "status", "fileName", "fileType", "headers", "headerRow", "mapping", "totalRows",
       "processedRows", "created", "merged", "skipped", "createdById", "updatedAt", "startedAt", "finishedAt")
     VALUES ($1, $2::"ImportStatus", $3, 'xlsx', $4, 2, $5, $6, $6, $7, $7, $7, $8, now(),
       CASE WHEN $2 = 'DONE' THEN now() - interval '1 minute' END, CASE WHEN $2 = 'DONE' THEN now() END)`,
    [
      id,
      status,
      `招商台账-${status}.xlsx`,
      JSON.stringify(HEADERS),
      JSON.stringify(MAPPING),
      rows,
      status === "DONE" ? 1 : 0,
      createdById,
    ],
  );
  if (status !== "PREVIEW") return id;
  const newPhone = `139${String(Date.now()).slice(-8)}`;
  const preview = [
    {
      cells: ["海宁新材料有限公司", "陈经理", newPhone, "张三"],
      values: lead("海宁新材料有限公司", "陈经理", newPhone, "张三"),
      errors: null,
      match: null,
      proposal: "CREATE",
    },
    {
      cells: ["桐乡精工有限公司", "沈总", duplicateOf.phone, ""],
      values: lead("桐乡精工有限公司", "沈总", duplicateOf.phone, null),
      errors: null,
      match: duplicateOf.id,
      proposal: "MERGE",
    },
    {
      cells: ["嘉善电子有限公司", "王女士", "1234", ""],
      values: null,
      errors: { phone: "phone" },
      match: null,
      proposal: "SKIP",
    },
  ];
  for (const [index, row] of preview.entries()) {
    await queryE2eDatabase(
      `INSERT INTO "ImportRow" ("id", "jobId", "rowNumber", "cells", "values", "errors", "matchLeadId", "matchBy", "proposal")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::"ImportAction")`,
      [
        `${id}r${index}`,
        id,
        index + 3,
        JSON.stringify(row.cells),
        row.values && JSON.stringify(row.values),
        row.errors && JSON.stringify(row.errors),
        row.match,
        row.match && "phone",
        row.proposal,
      ],
    );
  }
  return id;
}

/**
 * A units import of `createdById` into `parkId`, waiting at its preview: a new unit, an update of the
 * unit `existing` (its building's name and number), and a row refused for a status only leads set.
 */
export async function seedUnitImportPreview(
  createdById: string,
  parkId: string,
  existing: { id: string; building: string; number: string },
): Promise<string> {
  const id = `e2eunits${randomBytes(8).toString("hex")}`;
  const headers = ["楼栋", "楼层", "单元号", "面积（m²）", "租金（元/m²/月）", "状态"];
  const mapping = { "0": "building", "1": "floor", "2": "number", "3": "areaSqm", "4": "rent", "5": "status" };
  await queryE2eDatabase(
    `INSERT INTO "ImportJob" ("id", "kind", "parkId", "status", "fileName", "fileType", "headers", "headerRow",
       "mapping", "totalRows", "processedRows", "createdById", "updatedAt")
     VALUES ($1, 'UNITS', $2, 'PREVIEW', '租控表.xlsx', 'xlsx', $3, 2, $4, 3, 3, $5, now())`,
    [id, parkId, JSON.stringify(headers), JSON.stringify(mapping), createdById],
  );
  const unit = (building: string, number: string) => ({
    building,
    floor: 2,
    number,
    area: "800",
    areaUnit: "SQM",
    kind: null,
    floorHeightM: null,
    floorLoadKgPerSqm: null,
    powerKva: null,
    structure: null,
    storeys: null,
    completionYear: null,
    propertyTermYears: null,
    listPrice: "28",
    floorPrice: null,
    priceUnit: "YUAN_PER_SQM_MONTH",
    status: "VACANT",
  });
  const rows = [
    { values: unit("无障碍新楼", "201"), errors: null, match: null, proposal: "CREATE" },
    { values: unit(existing.building, existing.number), errors: null, match: existing.id, proposal: "MERGE" },
    { values: null, errors: { status: "unitStatusFromLeads" }, match: null, proposal: "SKIP" },
  ];
  for (const [index, row] of rows.entries()) {
    const cells = row.values
      ? [row.values.building, "2", row.values.number, "800", "28", "空置"]
      : ["无障碍新楼", "3", "301", "800", "28", "已签约"];
    await queryE2eDatabase(
      `INSERT INTO "ImportRow" ("id", "jobId", "rowNumber", "cells", "values", "errors", "matchUnitId", "proposal")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"ImportAction")`,
      [
        `${id}r${index}`,
        id,
        index + 3,
        JSON.stringify(cells),
        row.values && JSON.stringify(row.values),
        row.errors && JSON.stringify(row.errors),
        row.match,
        row.proposal,
      ],
    );
  }
  return id;
}
