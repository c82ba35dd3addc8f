import "server-only";
import type { Database } from "../../db/client";
import type { ImportLookups } from "./types";

/**
 * The stages, active users, parks, listings and lost reasons a row's words are looked up in: a few
 * small tables, read once for a chunk of rows rather than once per row.
 */
export async function loadImportLookups(db: Database, now = new Date()): Promise<ImportLookups> {
  const [stages, users, parks, listings, lostReasons] = await Promise.all([
    db.stage.findMany({
      select: { key: true, name: true, nameEn: true, category: true },
      orderBy: { position: "asc" },
    }),
    db.user.findMany({
      where: { active: true },
      select: { id: true, name: true, email: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.park.findMany({ select: { id: true, name: true, nameEn: true, slug: true }, orderBy: { createdAt: "asc" } }),
    db.listing.findMany({
      select: { id: true, title: true, titleEn: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.lostReason.findMany({ select: { key: true, name: true, nameEn: true }, orderBy: { position: "asc" } }),
  ]);
  return { stages, users, parks, listings, lostReasons, now };
}
