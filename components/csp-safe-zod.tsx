"use client";

// Zod compiles object schemas with `new Function` when it may; the first parse probes for it, and
// under the pages' Content-Security-Policy (no 'unsafe-eval') that probe is reported as a
// violation. In the browser, parse without compiling: the forms' schemas are small. The server
// keeps the compiled path.
// The setting goes where zod keeps its configuration, globalThis.__zod_globalConfig (shared by every
// copy of zod, created by whichever runs first), so no page loads zod for it: the forms load zod
// themselves, after this module ran.
type ZodGlobal = typeof globalThis & { __zod_globalConfig?: { jitless?: boolean } };
if (typeof window !== "undefined") ((globalThis as ZodGlobal).__zod_globalConfig ??= {}).jitless = true;

/** Rendered once by the root layout, so this module runs in every page's browser bundle. */
export function CspSafeZod() {
  return null;
}
