import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { withDatabaseErrors } from "@/lib/http/route";
import { loadMessages } from "@/lib/i18n/messages";
import { getLocale } from "@/lib/i18n/server";
import { importErrorFile } from "@/lib/leads/import/error-file";

function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** GET: the rows a units import could not take, with a reason column, as .csv or .xlsx like the upload. */
async function downloadErrors(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const [{ id }, viewer, locale] = await Promise.all([params, getViewer(), getLocale()]);
  try {
    const context = { locale, messages: await loadMessages(locale) };
    const file = await importErrorFile(await getDb(), viewer, id, context, "UNITS");
    if (!file) return plain(404, "Not found");
    return new Response(file.body as BodyInit, {
      headers: {
        "Content-Type": file.contentType,
        // The plain filename is for old clients; filename* carries the Chinese one (RFC 6266).
        "Content-Disposition": `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (error instanceof AccessDenied) return viewer ? plain(403, "Forbidden") : plain(401, "Sign in first");
    throw error;
  }
}

export const GET = withDatabaseErrors("inventory.import.errors", downloadErrors, { plain: true });
