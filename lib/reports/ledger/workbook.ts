import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Locale } from "../../i18n/messages";
import { WORKSPACE_ROLES } from "../../leads/access";
import { firstParam, type UrlParams } from "../filters";
import { exportLedger, type WorkbookExport } from "./export";
import { exportReserve } from "./reserve";

/** GET /crm/reports/export/workbook?sheet=ledger|reserve: the workbook named, after the access check. */
export async function exportWorkbook(
  db: Database,
  viewer: Viewer | null,
  params: UrlParams,
  options: { locale: Locale; now?: Date },
): Promise<WorkbookExport> {
  assertRole(viewer, WORKSPACE_ROLES, "export workbooks");
  const sheet = firstParam(params.sheet);
  if (sheet === "ledger") return exportLedger(db, viewer, params, options);
  if (sheet === "reserve") return exportReserve(db, viewer, params, options);
  return { ok: false, fieldErrors: { sheet: "choice" } };
}
