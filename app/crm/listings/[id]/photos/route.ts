import { AccessDenied } from "@/lib/auth/access";
import { getViewer } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { refreshListingPages } from "@/lib/listings/refresh";
import { addListingPhoto } from "@/lib/listings/photos/mutations";
import { MAX_PHOTO_BYTES, MAX_PHOTO_MB } from "@/lib/listings/photos/schema";
import { getStorage } from "@/lib/storage";
import { withDatabaseErrors } from "@/lib/http/route";
import { fromAnotherSite, uploadAnswer } from "@/lib/http/upload";

/** Room for the multipart envelope and the alt texts around a photo at the size limit. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

/**
 * POST multipart/form-data (file, alt, altEn): one photo for the listing. A route handler rather
 * than a server action because server actions stop at 1 MB; lib/listings/photos/mutations decides
 * who may upload and what is accepted.
 */
async function uploadPhoto(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (fromAnotherSite(request)) return uploadAnswer(403, { ok: false, error: "forbidden" });
  const viewer = await getViewer();
  if (!viewer) return uploadAnswer(401, { ok: false, error: "forbidden" });
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) {
    return uploadAnswer(413, { ok: false, fieldErrors: { file: `fileSize:${MAX_PHOTO_MB}` } });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return uploadAnswer(400, { ok: false, fieldErrors: { file: "required" } });
  }
  const input = {
    listingId: id,
    file: form.get("file") ?? undefined,
    alt: form.get("alt") ?? undefined,
    altEn: form.get("altEn") ?? undefined,
  };
  try {
    const result = await addListingPhoto(await getDb(), viewer, input, getStorage());
    if (!result.ok) return uploadAnswer(result.fieldErrors.listingId === "notFound" ? 404 : 422, result);
    refreshListingPages();
    return uploadAnswer(201, result);
  } catch (error) {
    if (error instanceof AccessDenied) return uploadAnswer(403, { ok: false, error: "forbidden" });
    throw error;
  }
}

export const POST = withDatabaseErrors("listings.photos", uploadPhoto);
