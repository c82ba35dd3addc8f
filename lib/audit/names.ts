import "server-only";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";

/*
 * The names an audit page's sentences need, looked up once per kind of record for the whole page
 * (one query each), never entry by entry.
 */

export interface Named {
  name: string;
  nameEn?: string | null;
}
export interface AuditNames {
  users: Map<string, Named>;
  leads: Map<string, Named & { erased: boolean }>;
  listings: Map<string, Named & { areaUnit: "SQM" | "MU"; priceUnit: string }>;
  parks: Map<string, Named>;
  stages: Map<string, Named>;
  lostReasons: Map<string, Named>;
  channels: Map<string, Named>;
}

export interface NamedEntry {
  action: string;
  entityType: string;
  entityId: string;
  details: Prisma.JsonValue | null;
}

type Wanted = Record<keyof AuditNames, Set<string>>;

const text = (value: unknown): value is string => typeof value === "string" && value.length > 0;
/** A [before, after] pair's values, or the value itself. */
const both = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

const ENTITY_KINDS: Record<string, keyof AuditNames> = {
  User: "users",
  Lead: "leads",
  Listing: "listings",
  Park: "parks",
  Stage: "stages",
  LostReason: "lostReasons",
  NotifyChannel: "channels",
};

function want(entries: NamedEntry[]): Wanted {
  const wanted: Wanted = {
    users: new Set(),
    leads: new Set(),
    listings: new Set(),
    parks: new Set(),
    stages: new Set(),
    lostReasons: new Set(),
    channels: new Set(),
  };
  const add = (kind: keyof AuditNames, ...values: unknown[]) => {
    for (const value of values) if (text(value)) wanted[kind].add(value);
  };
  for (const entry of entries) {
    const details = record(entry.details);
    const kind = ENTITY_KINDS[entry.entityType];
    if (kind) add(kind, entry.entityId);
    const pairs = Array.isArray(details.leads) ? details.leads.filter(Array.isArray) : [];
    add("leads", ...pairs.map((pair) => pair[0]), details.mergedId, details.leadId);
    add("users", ...both(details.ownerId), details.assigneeId);
    add("parks", ...both(details.parkId));
    add("lostReasons", details.lostReasonKey);
    if (entry.action === "lead.stage")
      add("stages", ...both(details.stage), details.to, ...pairs.map((pair) => pair[1]));
    if (entry.action === "lead.assign") add("users", ...pairs.map((pair) => pair[1]));
    const merged = record(details.stage);
    add("stages", merged.from, merged.to);
  }
  return wanted;
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map(({ id, ...row }) => [id, row]));
const byKey = <T extends { key: string }>(rows: T[]) => new Map(rows.map(({ key, ...row }) => [key, row]));

export async function auditNames(db: Database, entries: NamedEntry[]): Promise<AuditNames> {
  const wanted = want(entries);
  const ids = (kind: keyof AuditNames) => ({ in: [...wanted[kind]] });
  const [users, leads, listings, parks, stages, lostReasons, channels] = await Promise.all([
    db.user.findMany({ where: { id: ids("users") }, select: { id: true, name: true } }),
    db.lead.findMany({ where: { id: ids("leads") }, select: { id: true, company: true, erasedAt: true } }),
    db.listing.findMany({
      where: { id: ids("listings") },
      select: { id: true, title: true, titleEn: true, areaUnit: true, priceUnit: true },
    }),
    db.park.findMany({ where: { id: ids("parks") }, select: { id: true, name: true, nameEn: true } }),
    db.stage.findMany({ where: { key: ids("stages") }, select: { key: true, name: true, nameEn: true } }),
    db.lostReason.findMany({ where: { key: ids("lostReasons") }, select: { key: true, name: true, nameEn: true } }),
    db.notifyChannel.findMany({ where: { id: ids("channels") }, select: { id: true, name: true } }),
  ]);
  return {
    users: byId(users),
    leads: new Map(leads.map((lead) => [lead.id, { name: lead.company, erased: lead.erasedAt !== null }])),
    listings: new Map(
      listings.map((listing) => [
        listing.id,
        { name: listing.title, nameEn: listing.titleEn, areaUnit: listing.areaUnit, priceUnit: listing.priceUnit },
      ]),
    ),
    parks: byId(parks),
    stages: byKey(stages),
    lostReasons: byKey(lostReasons),
    channels: byId(channels),
  };
}
