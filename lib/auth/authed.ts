import "server-only";
import { AccessDenied } from "./access";
import { getViewer, type Viewer } from "./session";

export type Forbidden = { ok: false; error: "forbidden" };

/**
 * Runs a lib/ call as the signed-in viewer (null when anonymous or signed out) and turns a refusal
 * into an answer the form can show. The check itself lives in lib/, so every door shares it.
 */
export async function asViewer<T>(work: (viewer: Viewer | null) => Promise<T>): Promise<T | Forbidden> {
  const viewer = await getViewer();
  try {
    return await work(viewer);
  } catch (error) {
    if (error instanceof AccessDenied) return { ok: false, error: "forbidden" };
    throw error;
  }
}
