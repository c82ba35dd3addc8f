import "server-only";
import { AccessDenied } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { FieldErrors } from "../../forms/field-errors";
import { loadMessages, type Locale } from "../../i18n/messages";
import { invalidFields } from "./view";

/* The HTTP answers of the export routes, so each route only picks the export and hands its result here. */

function plain(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A download: filename* carries the name in the UI language (RFC 6266), `fallback` an ASCII one for old clients. */
export function attachment(body: BodyInit, file: { filename: string; fallback: string }, type: string): Response {
  const fallback = file.fallback.replace(/[^\x20-\x7e]|"/g, "_");
  const encoded = encodeURIComponent(file.filename);
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`,
      "Cache-Control": "no-store",
    },
  });
}

/** 400 naming the parameters that could not be read, in the viewer's language. */
export async function invalidView(fieldErrors: FieldErrors, locale: Locale): Promise<Response> {
  const messages = await loadMessages(locale);
  return plain(
    400,
    messages.reportsExport.invalid.replace("{fields}", invalidFields(Object.keys(fieldErrors), messages)),
  );
}

/** 401 for a visitor who is not signed in, 403 for a signed-in user without a workspace role. */
export async function refused(error: unknown, viewer: Viewer | null, locale: Locale): Promise<Response> {
  if (!(error instanceof AccessDenied)) throw error;
  const messages = await loadMessages(locale);
  return viewer ? plain(403, messages.reportsExport.forbidden) : plain(401, messages.reportsExport.signIn);
}
