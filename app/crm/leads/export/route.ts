import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { loadMessages } from "@/lib/i18n/messages";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { exportLeads } from "@/lib/leads/inbox/export";
import { inboxInputOf, inboxParamLabel } from "@/lib/leads/inbox/schema";
import { withDatabaseErrors } from "@/lib/http/route";

function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * GET with the inbox's filter parameters: the matching leads as a CSV download, or an .xlsx with
 * format=xlsx. Unlike the page, a filter that cannot be read is refused, so an export never quietly
 * widens to more leads.
 */
async function exportLeadsFile(request: Request) {
  const [viewer, locale] = await Promise.all([getViewer(), getLocale()]);
  const params = new URL(request.url).searchParams;
  try {
    const result = await exportLeads(await getDb(), viewer, inboxInputOf(params), {
      locale,
      format: params.get("format") ?? "csv",
    });
    if (!result.ok) {
      const [t, messages] = await Promise.all([translatorFor(locale), loadMessages(locale)]);
      const fields = Object.keys(result.fieldErrors).map((name) =>
        inboxParamLabel(name.replace(/^filter\./, "").replace(/^direction$/, "dir"), messages),
      );
      return plain(400, t("inbox.csv.invalid", { fields: fields.join("、") }));
    }
    return new Response(result.body, {
      headers: {
        "Content-Type": CONTENT_TYPES[result.format],
        // The plain filename is for old clients; filename* carries the Chinese one (RFC 6266).
        "Content-Disposition": `attachment; filename="${result.filename.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(result.filename)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return viewer ? plain(403, "Forbidden") : plain(401, "Sign in to export leads");
    throw error;
  }
}

export const GET = withDatabaseErrors("leads.export", exportLeadsFile, { plain: true });
