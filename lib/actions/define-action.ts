import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { asViewer, type Forbidden, type Unavailable } from "../auth/authed";
import type { Viewer } from "../auth/session";
import type { Database } from "../db/client";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";

/*
 * The one server-action body (saas-starter's validatedActionWithUser, formbricks'
 * authenticatedActionClient): input checked, the viewer and the database handed to the work,
 * a refusal or an outage turned into an answer the form shows, and the pages the change shows on
 * refreshed once it succeeded. Who may do what is decided by the lib/ call the action runs, so
 * every door (page, action, API) shares one check.
 */

export type Invalid = { ok: false; fieldErrors: FieldErrors };
export type ActionContext = { viewer: Viewer | null; db: Database };
/** A page to refresh after a change, or `{ layout }` for a layout and every page below it. */
export type RefreshedPath = string | { layout: string };

type Outcome = { ok: boolean };
type Succeeded<Result> = Extract<Result, { ok: true }>;
type Refresh<Input, Result> =
  readonly RefreshedPath[] | ((result: Succeeded<Result>, input: Input) => readonly RefreshedPath[]);

interface Spec<Input, Result extends Outcome> {
  /** Pages to refresh when the work answers ok: fixed, or read from the answer and the input. */
  revalidate?: Refresh<Input, Result>;
  run: (input: Input, context: ActionContext) => Promise<Result>;
}

/**
 * With `schema`, the input is parsed first — before the database is opened or the viewer read —
 * and a refused input answers `{ ok: false, fieldErrors }`. Leave it out when the lib/ call parses
 * its input with its own schema (most do, since tests and the API call them directly): the input
 * is then handed on as it came, and checked once, there.
 */
export function defineAction<Input, Result extends Outcome>(
  spec: Spec<Input, Result> & { schema: z.ZodType<Input> },
): (input: unknown) => Promise<Result | Invalid | Forbidden | Unavailable>;
export function defineAction<Input, Result extends Outcome>(
  spec: Spec<Input, Result> & { schema?: undefined },
): (input: Input) => Promise<Result | Forbidden | Unavailable>;
export function defineAction<Input, Result extends Outcome>(spec: Spec<Input, Result> & { schema?: z.ZodType<Input> }) {
  return async (raw: unknown): Promise<Result | Invalid | Forbidden | Unavailable> => {
    let input = raw as Input;
    if (spec.schema) {
      const parsed = spec.schema.safeParse(raw);
      if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
      input = parsed.data;
    }
    const result = await asViewer((viewer, db) => spec.run(input, { viewer, db }));
    if (result.ok && spec.revalidate) {
      refreshPaths(
        typeof spec.revalidate === "function" ? spec.revalidate(result as Succeeded<Result>, input) : spec.revalidate,
      );
    }
    return result;
  };
}

/** Refreshes pages after a change; also for the doors that are route handlers, not actions (a photo upload). */
export function refreshPaths(paths: readonly RefreshedPath[]): void {
  for (const path of paths) {
    if (typeof path === "string") revalidatePath(path);
    else revalidatePath(path.layout, "layout");
  }
}
