import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getLocale } from "@/lib/i18n/server";
import { attachment, invalidView, refused } from "@/lib/reports/export/response";
import { exportWorkbook } from "@/lib/reports/ledger/workbook";
import { XLSX_TYPE } from "@/lib/reports/ledger/export";
import { withDatabaseErrors } from "@/lib/http/route";

/** GET ?sheet=ledger|reserve&<the report filters>: the 招商台账 or the 项目储备库 as an .xlsx download. */
async function exportReportWorkbook(request: Request) {
  const [viewer, locale] = await Promise.all([getViewer(), getLocale()]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const result = await exportWorkbook(await getDb(), viewer, params, { locale });
    if (!result.ok) return invalidView(result.fieldErrors, locale);
    return attachment(result.body, result, XLSX_TYPE);
  } catch (error) {
    return refused(error, viewer, locale);
  }
}

export const GET = withDatabaseErrors("reports.export.workbook", exportReportWorkbook, { plain: true });
