/**
 * This instance's view of its own database connection, for proxy.ts: once any door has seen the
 * database unavailable (lib/db/errors.ts decided it by code), page views are answered 503 at once
 * instead of each rendering into a 500 error page, until a probe finds the database back. Not
 * shared state between instances: each one judges the connection it has.
 *
 * Kept on globalThis because proxy.ts is bundled apart from the pages and route handlers: the
 * module is loaded twice, the process (and so globalThis) is one. Imports nothing, so the proxy
 * bundle stays free of Prisma and the database drivers; the probe is handed over by the door that
 * marked the outage (it owns a database client) and run from here.
 */

/** How often a marked instance asks the database whether it is back: at most once a second. */
export const PROBE_INTERVAL_MS = 1000;

type Probe = () => Promise<boolean>;

interface Outage {
  probe: Probe;
  timer?: ReturnType<typeof setTimeout>;
}

const holder = globalThis as typeof globalThis & { parkleadDatabaseOutage?: Outage };

/**
 * Called where an error was classified as unavailability; `probe` answers whether the database is
 * back. Probes run on a timer rather than on page requests, so the mark clears within about a
 * second of the database's return even when nobody is asking, and a page check costs no I/O.
 */
export function markDatabaseUnavailable(probe: Probe): void {
  const current = holder.parkleadDatabaseOutage;
  if (current) {
    current.probe = probe;
    return;
  }
  const outage: Outage = { probe };
  holder.parkleadDatabaseOutage = outage;
  scheduleProbe(outage);
}

/** Whether this instance last saw its database unavailable and no probe has found it back yet. */
export function databaseMarkedDown(): boolean {
  return holder.parkleadDatabaseOutage !== undefined;
}

export function markDatabaseAvailable(): void {
  clearTimeout(holder.parkleadDatabaseOutage?.timer);
  holder.parkleadDatabaseOutage = undefined;
}

function scheduleProbe(outage: Outage): void {
  outage.timer = setTimeout(async () => {
    const back = await outage.probe().catch(() => false);
    // A later markDatabaseAvailable() (or a new outage) owns the state now.
    if (holder.parkleadDatabaseOutage !== outage) return;
    if (back) markDatabaseAvailable();
    else scheduleProbe(outage);
  }, PROBE_INTERVAL_MS);
  // The probe must never be what keeps a stopping server alive.
  outage.timer.unref?.();
}
