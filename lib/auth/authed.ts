import "server-only";
import { AccessDenied } from "./access";
import { getViewer, type Viewer } from "./session";
import { getDb, type Database } from "../db/client";
import { noteIfDatabaseUnavailable } from "../db/outage";

export type Forbidden = { ok: false; error: "forbidden" };
/** The database could not be reached: nothing was saved; the form says so and keeps its input. */
export type Unavailable = { ok: false; error: "unavailable" };

/**
 * Runs a lib/ call as the signed-in viewer (null when anonymous or signed out) and turns a refusal
 * into an answer the form can show. The check itself lives in lib/, so every door shares it.
 * The database being down (opening it, at the session check or in the work) is an answer too, not a throw:
 * a thrown action reaches the browser as a bare 500 and the form as a crash.
 */
export async function asViewer<T>(
  work: (viewer: Viewer | null, db: Database) => Promise<T>,
): Promise<T | Forbidden | Unavailable> {
  try {
    // Opened inside the guard: after a restart while the database is down, the first open fails too.
    const db = await getDb();
    return await work(await getViewer(), db);
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, error: "forbidden" };
    if (noteIfDatabaseUnavailable(error, "action")) return { ok: false, error: "unavailable" };
    throw error;
  }
}
