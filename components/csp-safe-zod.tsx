"use client";
// zod's core config alone: importing all of zod here would load it with every page, though few have a form.
import { config } from "zod/v4/core";

// Zod compiles object schemas with `new Function` when it may; the first parse probes for it, and
// under the pages' Content-Security-Policy (no 'unsafe-eval') that probe is reported as a
// violation. In the browser, parse without compiling: the forms' schemas are small. The server
// keeps the compiled path.
if (typeof window !== "undefined") config({ jitless: true });

/** Rendered once by the root layout, so this module runs in every page's browser bundle. */
export function CspSafeZod() {
  return null;
}
