// What the house's lint rules need to know about a module: where an import specifier leads, which
// top-level folder of lib/ (domain) a file belongs to, whether it is server-only, and what it imports.
// Specifiers are resolved the way tsconfig.json's paths do ("@/x" is the repository root); packages
// resolve to nothing, since boundaries are about our own folders.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

const extensions = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.tsx"];

/** The repository-relative path (with "/") a specifier leads to, or null for a package or a missing file. */
export function resolveImport(root, importer, specifier) {
  let base;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith("./") || specifier.startsWith("../"))
    base = path.resolve(path.dirname(importer), specifier);
  else return null;
  for (const extension of extensions) {
    const candidate = base + extension;
    if (isFile(candidate)) return toRelative(root, candidate);
  }
  return null;
}

export function toRelative(root, file) {
  return path.relative(root, file).split(path.sep).join("/");
}

function isFile(file) {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** "leads" for lib/leads/inbox/queries.ts, "log" for lib/log.ts; null outside lib/. */
export function domainOf(relativePath) {
  const parts = relativePath.split("/");
  if (parts[0] !== "lib" || parts.length < 2) return null;
  return parts.length === 2 ? parts[1].replace(/\.[^.]+$/, "") : parts[1];
}

export function isTestFile(relativePath) {
  return /\.test\.[cm]?[jt]sx?$/.test(relativePath);
}

const serverOnly = new Map();

/** Whether the file declares itself server-only (`import "server-only"`, which Next.js refuses in a client bundle). */
export function isServerOnly(root, relativePath) {
  const key = path.join(root, relativePath);
  if (!serverOnly.has(key)) {
    let source = "";
    try {
      source = fs.readFileSync(key, "utf8");
    } catch {
      // A file that cannot be read imports nothing we can judge.
    }
    serverOnly.set(key, /^\s*import\s+["']server-only["'];?\s*$/m.test(source));
  }
  return serverOnly.get(key);
}

/** Every module specifier a source text imports or re-exports, static or dynamic (comments ignored). */
export function importedSpecifiers(source) {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName);
}

function sourceFiles(directory) {
  const found = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(full));
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) found.push(full);
  }
  return found;
}

/**
 * The domains of lib/ and, for each, the domains it imports (type-only imports included), with one
 * file-to-file import as the example of each edge. Tests are left out: nothing imports them, so an
 * edge they add is never part of the product's dependencies.
 */
export function domainGraph(root, skip = []) {
  const edges = new Map();
  for (const file of sourceFiles(path.join(root, "lib"))) {
    const importer = toRelative(root, file);
    if (isTestFile(importer) || skip.some((prefix) => importer.startsWith(prefix))) continue;
    const from = domainOf(importer);
    for (const specifier of importedSpecifiers(fs.readFileSync(file, "utf8"))) {
      const target = resolveImport(root, file, specifier);
      const to = target && domainOf(target);
      if (!to || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from).has(to)) edges.get(from).set(to, `${importer} → ${target}`);
    }
  }
  return edges;
}

/** The shortest chain of domains from `from` to `to` in the graph, or null when there is none. */
export function domainPath(edges, from, to) {
  const previous = new Map([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const domain = queue.shift();
    if (domain === to) {
      const chain = [];
      for (let step = to; step !== null; step = previous.get(step)) chain.unshift(step);
      return chain;
    }
    for (const next of edges.get(domain)?.keys() ?? []) {
      if (!previous.has(next)) {
        previous.set(next, domain);
        queue.push(next);
      }
    }
  }
  return null;
}
