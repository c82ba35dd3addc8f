import { NextResponse } from "next/server";

/*
 * What the workspace's upload routes (a listing's photos, a project's evidence) share: server actions stop at
 * 1 MB, so files come to route handlers, which must do for themselves what actions do — refuse a form posted from
 * another site — and answer JSON that is never cached.
 */

export const uploadAnswer = (status: number, body: object) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** A form posted from another site: server actions refuse these themselves, a route handler must. */
export function fromAnotherSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** A text field of a multipart form, or undefined for a missing one or a file where text belongs. */
export const formText = (value: FormDataEntryValue | null) => (typeof value === "string" ? value : undefined);
