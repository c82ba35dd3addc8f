// The public pages' JavaScript budget: what a visitor's phone downloads before the page works.
// `node scripts/js-budget.mjs http://127.0.0.1:3000 [/path …]` fetches each page from a running production
// build, then every script it loads (external chunks, and the inline ones that carry the page's data to
// React), and sums their gzip sizes. The browser journeys call measurePage() and fail a page over budget
// (e2e/journeys/public-site-look.spec.ts), so `npm test` checks it.
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Compressed bytes a public page may load: the 130 KB. */
export const JS_BUDGET_BYTES = 130 * 1024;

/** The pages held to the budget; a listing is found from the listings page. */
export const BUDGETED_PAGES = ["/", "/inquire", "/listings/:id"];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/**
 * Every script the page at `url` makes a modern browser run: external ones by their address (each once),
 * inline ones by their text. `nomodule` scripts (the polyfills) are skipped: module browsers never load them.
 */
export async function measurePage(url, { headers = {} } = {}) {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const html = await response.text();
  const external = new Set();
  let inline = "";
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/i.exec(attributes)?.[1];
    if (src) external.add(new URL(src.replaceAll("&amp;", "&"), url).toString());
    else inline += body;
  }
  const scripts = await Promise.all(
    [...external].map(async (src) => {
      const script = await fetch(src);
      if (!script.ok) throw new Error(`${src} answered ${script.status}`);
      return { src, gzipBytes: gzipped(Buffer.from(await script.arrayBuffer())) };
    }),
  );
  const inlineBytes = gzipped(Buffer.from(inline));
  const total = scripts.reduce((sum, script) => sum + script.gzipBytes, inlineBytes);
  return { url, scripts, inlineBytes, total };
}

/** The address of one published listing, read from the listings page. */
export async function firstListingPath(baseUrl) {
  const html = await (await fetch(new URL("/listings", baseUrl))).text();
  const match = /href="(\/listings\/[^"?#/]+)"/.exec(html);
  if (!match) throw new Error("no listing is published: the listing page cannot be measured");
  return match[1];
}

/** Measures the budgeted pages (or the given paths) and says which are over. */
export async function checkBudget(baseUrl, paths = BUDGETED_PAGES, options = {}) {
  const results = [];
  for (const pagePath of paths) {
    const resolved = pagePath === "/listings/:id" ? await firstListingPath(baseUrl) : pagePath;
    results.push({ path: resolved, ...(await measurePage(new URL(resolved, baseUrl).toString(), options)) });
  }
  return results.map((result) => ({ ...result, over: result.total > JS_BUDGET_BYTES }));
}

function gzipped(buffer) {
  return buffer.length === 0 ? 0 : gzipSync(buffer, { level: 9 }).length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [baseUrl, ...paths] = process.argv.slice(2);
  if (!baseUrl) {
    console.error("usage: node scripts/js-budget.mjs <base url of a running build> [/path …]");
    process.exit(2);
  }
  const results = await checkBudget(baseUrl, paths.length ? paths : BUDGETED_PAGES);
  for (const result of results) {
    console.log(
      `${result.over ? "OVER" : "ok  "} ${result.path}: ${kb(result.total)} (inline ${kb(result.inlineBytes)})`,
    );
    for (const script of [...result.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      console.log(`       ${kb(script.gzipBytes).padStart(9)} ${new URL(script.src).pathname}`);
    }
  }
  console.log(`budget: ${kb(JS_BUDGET_BYTES)} per page`);
  process.exit(results.some((result) => result.over) ? 1 : 0);
}
