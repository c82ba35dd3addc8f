import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { zhCN } from "../../lib/i18n/messages/zh-CN";

/*
 * A static reading of which catalogue namespaces the browser needs, used by the test that keeps
 * every page's <I18nProvider namespaces={…}> complete. From a route file (page, layout, error…)
 * imports are followed through server code until a "use client" file; from there on, every file
 * the client bundle pulls in is read for the namespaces it translates with:
 *   useTranslations("ns…"), a key written out in full ("ns.key", `ns.${…}`) for a root translator
 *   or validationMessage, and messages.ns / (useMessages() as Messages).ns for raw catalogue reads.
 * "use server" files are not followed: the client holds only a reference to them.
 */

const catalogue = zhCN as unknown as Record<string, Record<string, unknown>>;

export type RouteNeeds = { file: string; provided: string[]; needed: Map<string, string[]> };

const routeFileNames = /^(page|layout|error|not-found|loading|template|global-error)\.tsx$/;

export function routeFiles(appDir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(appDir)) {
    const full = path.join(appDir, entry);
    if (statSync(full).isDirectory()) found.push(...routeFiles(full));
    else if (routeFileNames.test(entry)) found.push(full);
  }
  return found.sort();
}

function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const sources = new Map<string, string>();
function source(file: string): string {
  let text = sources.get(file);
  if (text === undefined) {
    text = readFileSync(file, "utf8");
    sources.set(file, text);
  }
  return text;
}

/** Imports that reach the bundle: type-only imports and re-exports are erased by the compiler. */
function importsOf(root: string, file: string): string[] {
  const text = source(file);
  const specifiers = [
    ...[...text.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm)].map((match) => match[1]),
    ...[...text.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+["']([^"']+)["']/gm)].map((match) => match[1]),
    ...[...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]),
  ];
  return specifiers
    .map((specifier) => resolveImport(root, file, specifier))
    .filter((resolved): resolved is string => resolved !== null);
}

const directive = (file: string, name: string) =>
  new RegExp(`^\\s*(?:\\/\\/[^\\n]*\\n\\s*|\\/\\*[\\s\\S]*?\\*\\/\\s*)*["']${name}["']`).test(source(file));

function namespacesIn(file: string, topLevel: ReadonlySet<string>): string[] {
  const text = source(file);
  const names = new Set<string>();
  for (const match of text.matchAll(/useTranslations\(\s*["'`]([\w]+)/g)) names.add(match[1]);
  // "ns.key" names a namespace only when key is one of its keys ("inquiry.created" is a webhook event's name).
  for (const match of text.matchAll(/["'`]([A-Za-z]\w*)\.([\w$]+)/g))
    if (topLevel.has(match[1]) && (match[2].startsWith("$") || match[2] in catalogue[match[1]])) names.add(match[1]);
  for (const match of text.matchAll(/(?:\bmessages|Messages\))\.(\w+)/g))
    if (topLevel.has(match[1])) names.add(match[1]);
  return [...names];
}

/** Namespaces each client file reachable from `file` (without crossing another route file) translates with. */
export function clientNamespaces(root: string, file: string, topLevel: ReadonlySet<string>): Map<string, string[]> {
  const needed = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (current: string, inClient: boolean) => {
    const key = `${current}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (directive(current, "use server") && current !== file) return;
    const client = inClient || directive(current, "use client");
    if (client) {
      const names = namespacesIn(current, topLevel);
      if (names.length > 0) needed.set(path.relative(root, current), names);
    }
    for (const imported of importsOf(root, current)) {
      if (
        imported !== file &&
        routeFileNames.test(path.basename(imported)) &&
        imported.includes(`${path.sep}app${path.sep}`)
      )
        continue;
      visit(imported, client);
    }
  };
  visit(file, false);
  return needed;
}

/** The namespaces a route file's own <I18nProvider namespaces={[…]}> gives the client. */
export function providedIn(file: string): string[] {
  const names: string[] = [];
  for (const match of source(file).matchAll(/<I18nProvider\s+namespaces=\{\[([^\]]*)\]\}/g)) {
    for (const name of match[1].matchAll(/["']([\w]+)["']/g)) names.push(name[1]);
  }
  return names;
}

/**
 * The providers of the server components a route file renders, up to the client boundary: a project page's
 * sections each give their own client parts their namespaces.
 */
function providedBelow(root: string, file: string): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    if (current !== file) {
      if (directive(current, "use client") || directive(current, "use server")) return;
      for (const name of providedIn(current)) names.add(name);
    }
    for (const imported of importsOf(root, current)) {
      if (routeFileNames.test(path.basename(imported)) && imported.includes(`${path.sep}app${path.sep}`)) continue;
      visit(imported);
    }
  };
  visit(file);
  return [...names];
}

/**
 * What reaches a route file's client components: its own provider, those of the server components it renders
 * and those of every layout above it (providers nest and add to each other, see
 * components/i18n-client-provider.tsx).
 */
export function providedTo(appDir: string, file: string): string[] {
  const names = new Set([...providedIn(file), ...providedBelow(path.dirname(appDir), file)]);
  for (let dir = path.dirname(file); dir.startsWith(appDir); dir = path.dirname(dir)) {
    const layout = path.join(dir, "layout.tsx");
    if (existsSync(layout) && layout !== file) for (const name of providedIn(layout)) names.add(name);
    if (dir === appDir) break;
  }
  return [...names].sort();
}
