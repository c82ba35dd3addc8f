import http from "node:http";
import { KEPT_PAGE_CACHE_CONTROL, withKeptPageVary } from "./page-cache";

const PATCHED = Symbol.for("parklead.keptPageVary");

/**
 * Makes every response sent as a kept page (proxy.ts gave it KEPT_PAGE_CACHE_CONTROL) say it varies by
 * language and cookie. A page's Vary header cannot come from proxy.ts: Next sets its own on every page
 * render, after the proxy's headers. So it is added when the headers are written, in the process that
 * owns the server (instrumentation's register(), as for lib/http/peer-address.ts).
 */
export function varyKeptPagesByLanguage(): void {
  const prototype = http.ServerResponse.prototype as http.ServerResponse & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const writeHead = prototype.writeHead;
  prototype.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    if (!this.headersSent && this.getHeader("cache-control") === KEPT_PAGE_CACHE_CONTROL) {
      this.setHeader("Vary", withKeptPageVary(this.getHeader("vary")?.toString()));
    }
    return Reflect.apply(writeHead, this, args) as http.ServerResponse;
  } as typeof writeHead;
  prototype[PATCHED] = true;
}
