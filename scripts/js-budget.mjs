// The public pages' JavaScript budget: what a visitor's phone downloads before the page works.
// `node scripts/js-budget.mjs http://127.0.0.1:3000 [/path …]` fetches each page from a running production
// build, then every script it loads (external chunks, and the inline ones that carry the page's data to
// React), and sums their gzip sizes. The browser journeys run it with --json and fail a page over budget
// (e2e/journeys/public-site-look.spec.ts), so `npm test` checks it.
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

/*
 * Compressed bytes each public page may load. The issue asked for 130 KB; Next.js 16 and React 19 alone
 * (react-dom, the router, the flight client, the runtime: the scripts every page loads) are 129 KB, so
 * the budgets are what the pages weigh with that floor, plus a little room. They catch a page that takes
 * on the workspace's libraries (Radix, TanStack, recharts) or the whole catalogue.
 */
export const JS_BUDGETS_KB = { "/": 160, "/inquire": 180, "/listings/:id": 180 };
export const ISSUE_TARGET_KB = 130;

/** The pages held to a budget; a listing is found from the listings page. */
export const BUDGETED_PAGES = Object.keys(JS_BUDGETS_KB);

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
    const budget = (JS_BUDGETS_KB[pagePath] ?? ISSUE_TARGET_KB) * 1024;
    const measured = await measurePage(new URL(resolved, baseUrl).toString(), options);
    results.push({ path: resolved, budget, ...measured, over: measured.total > budget });
  }
  return results;
}

function gzipped(buffer) {
  return buffer.length === 0 ? 0 : gzipSync(buffer, { level: 9 }).length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(args) {
  const json = args.includes("--json");
  const [baseUrl, ...paths] = args.filter((arg) => arg !== "--json");
  if (!baseUrl) {
    console.error("usage: node scripts/js-budget.mjs <base url of a running build> [/path …] [--json]");
    return 2;
  }
  const results = await checkBudget(baseUrl, paths.length ? paths : BUDGETED_PAGES);
  if (json) {
    console.log(JSON.stringify({ results }));
    return 0;
  }
  for (const result of results) {
    const line = `${result.path}: ${kb(result.total)} of ${kb(result.budget)} (inline ${kb(result.inlineBytes)})`;
    console.log(`${result.over ? "OVER" : "ok  "} ${line}`);
    for (const script of [...result.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) {
      console.log(`       ${kb(script.gzipBytes).padStart(9)} ${new URL(script.src).pathname}`);
    }
  }
  console.log(`the issue's target: ${ISSUE_TARGET_KB} KB per page`);
  return results.some((result) => result.over) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
