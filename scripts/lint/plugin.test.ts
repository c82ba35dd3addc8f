// The house's lint rules on a small repository of their own: each boundary is refused and its
// allowed neighbour passes, and a cycle between domains is found through type-only imports too.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import parklead, { isPublicEntry } from "./plugin.mjs";

let root: string;

const files: Record<string, string> = {
  "lib/db/client.ts": `import "server-only";\nexport const getDb = () => 1;\n`,
  "lib/db/generated/client.ts": `export const Role = { STAFF: "STAFF" };\n`,
  "lib/i18n/server.ts": `import "server-only";\nexport const getTranslations = () => (key: string) => key;\n`,
  "lib/leads/access.ts": `export const leadsVisibleTo = () => ({});\n`,
  "lib/leads/inbox/queries.ts": `import "server-only";\nexport type InboxRow = { id: string };\nexport const listInbox = () => [];\n`,
  "lib/leads/inbox/cursor.ts": `export const encodeCursor = () => "";\n`,
  "lib/leads/filter/filter.ts": `export const leadWhere = () => ({});\n`,
  "lib/leads/intake/sql/owner-pick.ts": `export const ownerPick = "";\n`,
  "lib/leads/score.ts": `import type { Range } from "@/lib/reports/range";\nexport const score = (range: Range) => range;\n`,
  "lib/reports/range.ts": `export type Range = { from: string };\n`,
  "lib/reports/funnel/queries.ts": `import { leadsVisibleTo } from "@/lib/leads/access";\nexport const funnel = leadsVisibleTo;\n`,
  "lib/audit/record.ts": `export const recordAudit = () => {};\n`,
  "components/ui/button.tsx": `export const Button = () => null;\n`,
  "app/crm/page.tsx": `export default function Page() { return null; }\n`,
};

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "parklead-lint-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The messages the house rules give `text` saved as `file` in the fixture repository. */
async function lint(file: string, text: string): Promise<string[]> {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ["**/*.{ts,tsx}"],
        languageOptions: { parser: tseslint.parser },
        plugins: { parklead },
        settings: { parklead: { root } },
        rules: {
          "parklead/boundaries": [
            "error",
            { serverReaders: ["lib/i18n/server.ts"], alsoPublic: ["lib/db/generated/"] },
          ],
          "parklead/no-domain-cycle": "error",
        },
      },
    ],
  });
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe("boundaries", () => {
  it("refuses lib/ importing a page or a component, relative paths included", async () => {
    expect(await lint("lib/audit/view.ts", `import { Button } from "@/components/ui/button";\n`)).toEqual([
      expect.stringContaining("lib/ never imports components/ui/button.tsx"),
    ]);
    expect(await lint("lib/audit/view.ts", `import Page from "../../app/crm/page";\n`)).toEqual([
      expect.stringContaining("lib/ never imports app/crm/page.tsx"),
    ]);
  });

  it("refuses a component importing the database or a server-only data module", async () => {
    const messages = await lint(
      "components/leads/panel.tsx",
      `import { getDb } from "@/lib/db/client";\nimport { listInbox } from "@/lib/leads/inbox/queries";\n`,
    );
    expect(messages).toEqual([
      expect.stringContaining("never imports the database (lib/db/client.ts)"),
      expect.stringContaining("never imports server-only lib/leads/inbox/queries.ts"),
    ]);
  });

  it("lets a component take types from anywhere and a server component ask for translations", async () => {
    const text =
      `import type { InboxRow } from "@/lib/leads/inbox/queries";\n` +
      `import { type getDb } from "@/lib/db/client";\n` +
      `import { getTranslations } from "@/lib/i18n/server";\n` +
      `export type Props = { row: InboxRow; db: typeof getDb; t: typeof getTranslations };\n`;
    expect(await lint("components/leads/row.tsx", text)).toEqual([]);
  });

  it("refuses a client component importing a server reader", async () => {
    const text = `"use client";\nimport { getTranslations } from "@/lib/i18n/server";\nexport const t = getTranslations;\n`;
    expect(await lint("components/leads/client-row.tsx", text)).toEqual([
      expect.stringContaining("client component cannot import server-only lib/i18n/server.ts"),
    ]);
  });

  it("lets a domain reach another only through a top-level module or a capability's entry", async () => {
    const allowed =
      `import { leadsVisibleTo } from "@/lib/leads/access";\n` +
      `import { listInbox } from "@/lib/leads/inbox/queries";\n` +
      `import { leadWhere } from "@/lib/leads/filter/filter";\n` +
      `import { Role } from "@/lib/db/generated/client";\n`;
    expect(await lint("lib/tasks/mutations.ts", allowed)).toEqual([]);
    const reaching =
      `import { encodeCursor } from "@/lib/leads/inbox/cursor";\n` +
      `export { ownerPick } from "../leads/intake/sql/owner-pick";\n`;
    expect(await lint("lib/tasks/mutations.ts", reaching)).toEqual([
      expect.stringContaining("lib/leads/inbox/cursor.ts is private to lib/leads"),
      expect.stringContaining("lib/leads/intake/sql/owner-pick.ts is private to lib/leads"),
    ]);
  });

  it("lets a domain's own files and its tests import anything inside", async () => {
    expect(await lint("lib/leads/inbox/export.ts", `import { ownerPick } from "../intake/sql/owner-pick";\n`)).toEqual(
      [],
    );
    expect(await lint("lib/tasks/due.test.ts", `import { encodeCursor } from "@/lib/leads/inbox/cursor";\n`)).toEqual(
      [],
    );
  });

  it("names what a public entry is", () => {
    expect(isPublicEntry("lib/log.ts")).toBe(true);
    expect(isPublicEntry("lib/leads/mask.ts")).toBe(true);
    expect(isPublicEntry("lib/leads/merge/mutations.ts")).toBe(true);
    expect(isPublicEntry("lib/reports/tallies/tallies.ts")).toBe(true);
    expect(isPublicEntry("lib/leads/merge/plan.ts")).toBe(false);
    expect(isPublicEntry("lib/leads/intake/sql/queries.ts")).toBe(false);
  });
});

describe("no-domain-cycle", () => {
  it("finds a cycle closed by a value import over a type-only import, at the import that closes it", async () => {
    // lib/leads/score.ts already takes a type from lib/reports; reports reading leads closes the loop.
    const messages = await lint("lib/reports/funnel/queries.ts", files["lib/reports/funnel/queries.ts"]);
    expect(messages).toEqual([
      expect.stringContaining("lib/reports → lib/leads closes a cycle: reports → leads → reports"),
    ]);
    expect(messages[0]).toContain("lib/leads/score.ts → lib/reports/range.ts");
  });

  it("says nothing for imports that go one way", async () => {
    expect(
      await lint("lib/audit/record.ts", `import { getDb } from "@/lib/db/client";\nexport const a = getDb;\n`),
    ).toEqual([]);
  });
});
