import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getLocale } from "@/lib/i18n/server";
import { exportReportCsv } from "@/lib/reports/export/reports";
import { attachment, invalidView, refused } from "@/lib/reports/export/response";
import { withDatabaseErrors } from "@/lib/http/route";

/** GET ?report=<key>&<the report filters>: that report's tables as a CSV download. */
async function exportReport(request: Request) {
  const [viewer, locale] = await Promise.all([getViewer(), getLocale()]);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  try {
    const result = await exportReportCsv(await getDb(), viewer, params, { locale });
    if (!result.ok) return invalidView(result.fieldErrors, locale);
    return attachment(result.body, result, "text/csv; charset=utf-8");
  } catch (error) {
    return refused(error, viewer, locale);
  }
}

export const GET = withDatabaseErrors("reports.export", exportReport, { plain: true });
