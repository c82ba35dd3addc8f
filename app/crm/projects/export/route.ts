import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withDatabaseErrors } from "@/lib/http/route";
import { loadMessages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { exportProgressWorkbook } from "@/lib/projects/export/export";

function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** GET with the /crm/projects list's filter parameters: the 项目推进表 of those projects as an .xlsx download. */
async function exportProgress(request: Request) {
  const [viewer, locale] = await Promise.all([getViewer(), getLocale()]);
  const params = new URL(request.url).searchParams;
  const messages = await loadMessages(locale);
  const text = messages.reportsDelivery.workbook;
  const labels = messages.projects.list as unknown as Record<string, unknown>;
  try {
    const result = await exportProgressWorkbook(await getDb(), viewer, params, { locale });
    if (!result.ok) {
      const fields = Object.keys(result.fieldErrors).map((field) => {
        const label = labels[field];
        return typeof label === "string" ? label : field;
      });
      return plain(400, text.invalid.replace("{fields}", fields.join("、")));
    }
    const fallback = result.fallback.replace(/[^\x20-\x7e]|"/g, "_");
    return new Response(result.body, {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return viewer ? plain(403, text.forbidden) : plain(401, text.signIn);
    throw error;
  }
}

export const GET = withDatabaseErrors("projects.export", exportProgress, { plain: true });
