import { NextResponse } from "next/server";
import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refreshListingPages } from "@/lib/listings/refresh";
import { addListingPhoto } from "@/lib/listings/photos/mutations";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MB } from "@/lib/listings/photos/schema";
import { getStorage } from "@/lib/storage";
import { withDatabaseErrors } from "@/lib/http/route";

/** Room for the multipart envelope and the alt texts around a photo at the size limit. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

const answer = (status: number, body: object) =>
  NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

/** A form posted from another site: server actions refuse these themselves, a route handler must. */
function fromAnotherSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * POST multipart/form-data (file, alt, altEn): one photo for the listing. A route handler rather
 * than a server action because server actions stop at 1 MB; lib/listings/photos/mutations decides
 * who may upload and what is accepted.
 */
async function uploadPhoto(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (fromAnotherSite(request)) return answer(403, { ok: false, error: "forbidden" });
  const viewer = await getViewer();
  if (!viewer) return answer(401, { ok: false, error: "forbidden" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return answer(413, { ok: false, fieldErrors: { file: `fileSize:${MAX_PHOTO_MB}` } });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return answer(400, { ok: false, fieldErrors: { file: "required" } });
  }
  const input = {
    listingId: id,
    file: form.get("file") ?? undefined,
    alt: form.get("alt") ?? undefined,
    altEn: form.get("altEn") ?? undefined,
  };
  try {
    const result = await addListingPhoto(await getDb(), viewer, input, getStorage());
    if (!result.ok) return answer(result.fieldErrors.listingId === "notFound" ? 404 : 422, result);
    refreshListingPages();
    return answer(201, result);
  } catch (error) {
    if (error instanceof AccessDenied) return answer(403, { ok: false, error: "forbidden" });
    throw error;
  }
}

export const POST = withDatabaseErrors("listings.photos", uploadPhoto);
