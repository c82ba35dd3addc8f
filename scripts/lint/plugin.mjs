// The house's own lint rules: the layer boundaries (README/ARCHITECTURE "where things go") and no
// import cycle between the domains of lib/. Registered as plugin "parklead" in eslint.config.mjs.
import path from "node:path";
import { domainGraph, domainOf, domainPath, isServerOnly, isTestFile, resolveImport, toRelative } from "./modules.mjs";

/** The file names that make a capability folder's public entry (the house pattern), besides one named like the folder. */
export const entryFiles = ["schema", "queries", "mutations", "actions", "index"];

function rootOf(context) {
  return context.settings?.parklead?.root ?? context.cwd;
}

function relativeFilename(context) {
  return toRelative(rootOf(context), context.physicalFilename ?? context.filename);
}

/** Calls `check(node, target, typeOnly)` for each import, re-export and dynamic import of one of our files. */
function visitImports(context, check) {
  const root = rootOf(context);
  const importer = path.resolve(root, relativeFilename(context));
  const visit = (node, typeOnly) => {
    if (node.source?.type !== "Literal" || typeof node.source.value !== "string") return;
    const target = resolveImport(root, importer, node.source.value);
    if (target) check(node, target, typeOnly);
  };
  return {
    ImportDeclaration: (node) =>
      visit(
        node,
        node.importKind === "type" ||
          (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type")),
      ),
    ExportNamedDeclaration: (node) => visit(node, node.exportKind === "type"),
    ExportAllDeclaration: (node) => visit(node, node.exportKind === "type"),
    ImportExpression: (node) => visit(node, false),
  };
}

function isClientModule(sourceCode) {
  const first = sourceCode.ast.body[0];
  return first?.type === "ExpressionStatement" && first.directive === "use client";
}

/** Whether `target` (in another domain) is that domain's shared surface or a capability's entry. */
export function isPublicEntry(target, alsoPublic = []) {
  if (alsoPublic.some((prefix) => target.startsWith(prefix))) return true;
  const inside = target.split("/").slice(2);
  if (inside.length <= 1) return true;
  if (inside.length > 2) return false;
  const [capability, file] = inside;
  const name = file.replace(/\.[^.]+$/, "");
  return entryFiles.includes(name) || name === capability;
}

/** @type {import("eslint").Rule.RuleModule} */
const boundaries = {
  meta: {
    type: "problem",
    docs: { description: "Keep each layer to the folders it may depend on" },
    schema: [
      {
        type: "object",
        properties: {
          serverReaders: { type: "array", items: { type: "string" } },
          alsoPublic: { type: "array", items: { type: "string" } },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      libImportsUi: "lib/ never imports {{target}}: the product's logic does not depend on pages or components.",
      componentImportsDb:
        "A component never imports the database ({{target}}): the route or a lib/ query reads the data.",
      componentImportsServerOnly:
        "A component never imports server-only {{target}}: the route or a lib/ query reads the data and passes it in.",
      clientImportsServerOnly: "A client component cannot import server-only {{target}}.",
      privateModule:
        "{{target}} is private to lib/{{domain}}: import the capability's {{entries}} or a top-level module of lib/{{domain}}.",
    },
  },
  create(context) {
    const root = rootOf(context);
    const importer = relativeFilename(context);
    const { serverReaders = [], alsoPublic = [] } = context.options[0] ?? {};
    const fromDomain = domainOf(importer);
    const inComponents = importer.startsWith("components/");
    const client = inComponents && isClientModule(context.sourceCode);
    return visitImports(context, (node, target, typeOnly) => {
      if (importer.startsWith("lib/") && /^(app|components)\//.test(target)) {
        context.report({ node, messageId: "libImportsUi", data: { target } });
      }
      // Type-only imports are erased when compiling: no server code can reach a bundle through them.
      if (inComponents && !typeOnly) {
        if (target.startsWith("lib/db/")) {
          context.report({ node, messageId: "componentImportsDb", data: { target } });
        } else if (isServerOnly(root, target)) {
          if (client) context.report({ node, messageId: "clientImportsServerOnly", data: { target } });
          else if (!serverReaders.includes(target)) {
            context.report({ node, messageId: "componentImportsServerOnly", data: { target } });
          }
        }
      }
      const toDomain = domainOf(target);
      // A test may reach into what it checks or sets up; only the product's own imports are held to entries.
      if (fromDomain && toDomain && fromDomain !== toDomain && !isTestFile(importer)) {
        if (!isPublicEntry(target, alsoPublic)) {
          context.report({
            node,
            messageId: "privateModule",
            data: { target, domain: toDomain, entries: `${entryFiles.join("/")} file` },
          });
        }
      }
    });
  },
};

const graphs = new Map();

/** @type {import("eslint").Rule.RuleModule} */
const noDomainCycle = {
  meta: {
    type: "problem",
    docs: {
      description: "No import cycle between the domains (top-level folders) of lib/, type-only imports included",
    },
    schema: [
      {
        type: "object",
        properties: { skip: { type: "array", items: { type: "string" } } },
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        "lib/{{from}} → lib/{{to}} closes a cycle: {{chain}} (e.g. {{example}}). Move the shared piece to the lower domain.",
    },
  },
  create(context) {
    const root = rootOf(context);
    const importer = relativeFilename(context);
    const from = domainOf(importer);
    const skip = context.options[0]?.skip ?? [];
    if (!from || isTestFile(importer) || skip.some((prefix) => importer.startsWith(prefix))) return {};
    // The graph is read from disk once per lint run; editors that keep ESLint running see it as of their start.
    const key = `${root}\0${skip.join("\0")}`;
    if (!graphs.has(key)) graphs.set(key, domainGraph(root, skip));
    const edges = graphs.get(key);
    return visitImports(context, (node, target) => {
      const to = domainOf(target);
      if (!to || to === from) return;
      const back = domainPath(edges, to, from);
      if (!back) return;
      const last = back.at(-2);
      context.report({
        node,
        messageId: "cycle",
        data: { from, to, chain: [from, ...back].join(" → "), example: edges.get(last).get(from) },
      });
    });
  },
};

/** @type {import("eslint").ESLint.Plugin} */
export default {
  meta: { name: "parklead" },
  rules: { boundaries, "no-domain-cycle": noDomainCycle },
};
