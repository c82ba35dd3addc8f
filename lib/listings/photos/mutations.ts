import "server-only";
import type { Database } from "../../db/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import { fieldErrorsOf } from "../../forms/field-errors";
import { logEvent } from "../../log";
import { newStorageKey, type Storage } from "../../storage/storage";
import { LISTING_MANAGERS, type ListingResult } from "../admin/mutations";
import { MAX_PHOTOS, photoAltSchema, photoOrderSchema, photoRemoveSchema, photoUploadSchema } from "./schema";
import { detectPhotoType, PHOTO_TYPES } from "./type";

type Tx = Parameters<Parameters<Database["$transaction"]>[0]>[0];

/** Holds the listing's row until the transaction ends, so concurrent uploads count and number photos one at a time. */
async function lockListing(tx: Tx, listingId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Listing" WHERE "id" = ${listingId} FOR UPDATE`;
  return rows.length > 0;
}

async function discard(storage: Storage, key: string) {
  await storage.delete(key).catch((error: Error) => logEvent("storage.delete_failed", { key, error: error.message }));
}

/**
 * Stores an uploaded photo and adds it as the listing's last. The type comes from the file's first
 * bytes (JPEG, PNG or WebP), the size limit is 5 MB, a listing holds at most 12 photos. The file is
 * written before the row, and removed again if the row is refused, so no row points at nothing.
 */
export async function addListingPhoto(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  storage: Storage,
): Promise<ListingResult<{ id: string; url: string }>> {
  assertRole(viewer, LISTING_MANAGERS, "upload listing photos");
  const parsed = photoUploadSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { listingId, file, alt, altEn } = parsed.data;
  const bytes = new Uint8Array(await file.arrayBuffer());
  const contentType = detectPhotoType(bytes);
  if (!contentType) return { ok: false, fieldErrors: { file: "fileType" } };

  const listing = await db.listing.findUnique({
    where: { id: listingId },
    select: { id: true, title: true, titleEn: true, _count: { select: { photos: true } } },
  });
  if (!listing) return { ok: false, fieldErrors: { listingId: "notFound" } };
  if (listing._count.photos >= MAX_PHOTOS) return { ok: false, fieldErrors: { file: `tooMany:${MAX_PHOTOS}` } };

  const folder = `listings/${
    listing.id
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, "")
      .slice(0, 60) || "listing"
  }`;
  const key = newStorageKey(folder, PHOTO_TYPES[contentType]);
  await storage.put(key, bytes, contentType);
  try {
    const result = await db.$transaction(async (tx): Promise<ListingResult<{ id: string; url: string }>> => {
      if (!(await lockListing(tx, listingId))) return { ok: false, fieldErrors: { listingId: "notFound" } };
      const photos = await tx.listingPhoto.aggregate({
        where: { listingId },
        _count: { _all: true },
        _max: { position: true },
      });
      if (photos._count._all >= MAX_PHOTOS) return { ok: false, fieldErrors: { file: `tooMany:${MAX_PHOTOS}` } };
      const photo = await tx.listingPhoto.create({
        data: {
          listingId,
          url: storage.urlFor(key),
          storageKey: key,
          contentType,
          bytes: bytes.byteLength,
          alt: alt || listing.title,
          altEn: altEn || listing.titleEn,
          position: (photos._max.position ?? -1) + 1,
        },
      });
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "listing.photo_add",
        entityType: "Listing",
        entityId: listingId,
        details: { photoId: photo.id, storageKey: key, contentType, bytes: bytes.byteLength, alt: photo.alt },
      });
      return { ok: true, id: photo.id, url: photo.url };
    });
    if (!result.ok) await discard(storage, key);
    return result;
  } catch (error) {
    await discard(storage, key);
    throw error;
  }
}

/** Removes the photo's row, then its stored file: a failed file delete leaves an orphan file, never a broken photo. */
export async function removeListingPhoto(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  storage: Storage,
): Promise<ListingResult<{ listingId: string }>> {
  assertRole(viewer, LISTING_MANAGERS, "remove listing photos");
  const parsed = photoRemoveSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const removed = await db.$transaction(async (tx) => {
    const photo = await tx.listingPhoto.findUnique({ where: { id: parsed.data.photoId } });
    if (!photo) return null;
    await tx.listingPhoto.delete({ where: { id: photo.id } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.photo_remove",
      entityType: "Listing",
      entityId: photo.listingId,
      details: { photoId: photo.id, storageKey: photo.storageKey, url: photo.url, alt: photo.alt },
    });
    return photo;
  });
  if (!removed) return { ok: false, fieldErrors: { photoId: "notFound" } };
  if (removed.storageKey) await discard(storage, removed.storageKey);
  return { ok: true, listingId: removed.listingId };
}

/** Puts the listing's photos in the order given (the first is the cover); audited as a listing edit. */
export async function reorderListingPhotos(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<ListingResult> {
  assertRole(viewer, LISTING_MANAGERS, "reorder listing photos");
  const parsed = photoOrderSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { listingId, photoIds } = parsed.data;
  return db.$transaction(async (tx): Promise<ListingResult> => {
    if (!(await lockListing(tx, listingId))) return { ok: false, fieldErrors: { listingId: "notFound" } };
    const current = (
      await tx.listingPhoto.findMany({
        where: { listingId },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        select: { id: true },
      })
    ).map((photo) => photo.id);
    const sameSet =
      photoIds.length === current.length &&
      new Set(photoIds).size === photoIds.length &&
      photoIds.every((photoId) => current.includes(photoId));
    // A photo added or removed since the page loaded: reordering the old list would lose or misplace it.
    if (!sameSet) return { ok: false, fieldErrors: { photoIds: "stale" } };
    if (photoIds.every((photoId, index) => current[index] === photoId)) return { ok: true };
    for (const [position, photoId] of photoIds.entries())
      await tx.listingPhoto.update({ where: { id: photoId }, data: { position } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.update",
      entityType: "Listing",
      entityId: listingId,
      details: { photoOrder: [current, photoIds] },
    });
    return { ok: true };
  });
}

export async function updateListingPhotoAlt(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
): Promise<ListingResult<{ listingId: string }>> {
  assertRole(viewer, LISTING_MANAGERS, "edit listing photos");
  const parsed = photoAltSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { photoId, alt, altEn } = parsed.data;
  return db.$transaction(async (tx): Promise<ListingResult<{ listingId: string }>> => {
    const photo = await tx.listingPhoto.findUnique({
      where: { id: photoId },
      include: { listing: { select: { title: true, titleEn: true } } },
    });
    if (!photo) return { ok: false, fieldErrors: { photoId: "notFound" } };
    const next = { alt: alt || photo.listing.title, altEn: altEn || photo.listing.titleEn };
    if (next.alt === photo.alt && next.altEn === photo.altEn) return { ok: true, listingId: photo.listingId };
    await tx.listingPhoto.update({ where: { id: photoId }, data: next });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "listing.update",
      entityType: "Listing",
      entityId: photo.listingId,
      details: { photoId, alt: [photo.alt, next.alt], altEn: [photo.altEn, next.altEn] },
    });
    return { ok: true, listingId: photo.listingId };
  });
}
