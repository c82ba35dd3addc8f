// ESLint: the language's pitfalls (typescript-eslint), React's rules of hooks, Next.js's own checks,
// no import cycle between files or between the domains of lib/, and the boundaries between layers.
// `npm run lint` runs it with Prettier's check; `npm test` runs that as its first stage.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import { defineConfig } from "eslint/config";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import parklead from "./scripts/lint/plugin.mjs";

export default defineConfig([
  {
    // Generated, installed or written at run time (the same list as .prettierignore).
    ignores: [
      "lib/db/generated/**",
      ".next/**",
      ".next-*/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "blob-report/**",
      "bench/results/**",
      "public/uploads/**",
      "coverage/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Input rules name control characters on purpose (lib/forms/clean-text.ts refuses them, lead masking
      // tells ASCII from the rest); a control character in a pattern is never here by accident.
      "no-control-regex": "off",
      // `_`-prefixed names are deliberately unused (a destructured field left out, a required parameter).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Prettier keeps code within 120 columns but never breaks a string or a comment; in lib/ those stay
    // within 120 characters as well, so every line of the product's logic reads without scrolling. A test's
    // title is the exception: it is what a failure prints and what one searches for, so it stays one string.
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "max-len": ["error", { code: 120, tabWidth: 2, ignorePattern: '^\\s*(it|test|describe)\\("' }] },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat["recommended-latest"], nextPlugin.configs["core-web-vitals"]],
    rules: {
      // The App Router has no pages/ folder for this rule to read; <Link> is used throughout.
      "@next/next/no-html-link-for-pages": "off",
      // Only says the React Compiler would skip a component (react-hook-form's watch); the build has no
      // React Compiler (next.config.js), so there is nothing to act on.
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // File-level cycles. The TypeScript resolver reads tsconfig.json's "@/…" paths. Type-only imports are
    // skipped by this rule: they are erased when compiling, so they cannot cause an initialization-order bug
    // (a module read before it has run). Between domains they still count: see parklead/no-domain-cycle.
    files: ["**/*.{ts,tsx,mts}"],
    plugins: { "import-x": importX },
    settings: {
      // Without these the rule reads only .js files and silently finds no cycle through TypeScript.
      "import-x/extensions": [".ts", ".tsx", ".mts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },
  {
    // The layers (see ARCHITECTURE.md): lib/ never imports app/ or components/; components never import
    // lib/db or a server-only module; a domain of lib/ reaches another only through a public entry.
    //
    // A public entry of lib/<domain>/ is one of its top-level modules (the domain's shared surface:
    // lib/leads/access.ts, lib/audit/record.ts) or a capability folder's house files — schema.ts,
    // queries.ts, mutations.ts, actions.ts, index.ts — or the module named like its folder
    // (lib/leads/filter/filter.ts). The rest of a capability folder (lib/leads/inbox/cursor.ts) and
    // anything nested deeper are its own business. Inside one domain, and from app/ and components/,
    // any module may be imported. Tests may reach anything they check.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { parklead },
    settings: { parklead: { root: import.meta.dirname } },
    rules: {
      "parklead/boundaries": [
        "error",
        {
          // How a server component asks for its namespace (the i18n pattern): reads the request's locale,
          // never data. A client component may not import it either way.
          serverReaders: ["lib/i18n/server.ts"],
          // The Prisma client's generated types and enums, and the message catalogues, are data every
          // domain reads; they have no behaviour of their own to hide. The API's resources are the shapes
          // outbound webhooks carry too (lib/webhooks), so a receiver parses both alike.
          alsoPublic: ["lib/db/generated/", "lib/i18n/messages/", "lib/api/v1/resources.ts"],
        },
      ],
      "parklead/no-domain-cycle": "error",
    },
  },
]);
