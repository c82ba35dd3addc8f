/*
 * The audit log's "older entries" link: "createdAt~id" of the last row shown, as milliseconds and
 * an id. A hand-edited one that names no instant PostgreSQL holds, or an id with characters it
 * refuses, reads as no cursor (the newest page) rather than reaching the database.
 */

const ID = /^[A-Za-z0-9_-]{1,40}$/;
/** 2000-01-01 and 2100-12-31 (UTC): the app's years, as the calendar days in forms and URLs. */
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);

export function parseAuditCursor(value: string | string[] | undefined): { createdAt: Date; id: string } | undefined {
  const [time, id, ...rest] = String(Array.isArray(value) ? value[0] : (value ?? "")).split("~");
  const millis = /^\d{1,15}$/.test(time) ? Number(time) : Number.NaN;
  if (rest.length || !id || !ID.test(id) || !(millis >= EARLIEST && millis < LATEST)) return undefined;
  return { createdAt: new Date(millis), id };
}
