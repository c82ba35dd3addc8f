import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { compiledTranslator } from "./compiled-translator";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Messages } from "./messages";

function leaves(node: unknown, prefix = ""): [string, string][] {
  if (typeof node === "string") return [[prefix, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** A value for every argument a message names: a count for plurals and counts, words for the rest. */
function valuesFor(message: string): Record<string, string | number> {
  const names = [...message.matchAll(/\{\s*(\w+)/g)].map((match) => match[1]);
  return Object.fromEntries(names.map((name) => [name, name === "count" ? 3 : `«${name}»`]));
}

describe("compiledTranslator", () => {
  for (const [locale, messages] of [
    ["zh-CN", zhCN],
    ["en", en],
  ] as const) {
    for (const namespace of ["notify", "inquiryStatus"] as const satisfies (keyof Messages)[]) {
      it(`says every ${namespace} message in ${locale} exactly as the workspace's translator does`, () => {
        const compiled = compiledTranslator(locale, messages, namespace);
        const reference = createTranslator({ locale, messages, namespace }) as unknown as (
          key: string,
          values?: Record<string, string | number>,
        ) => string;
        // Rich-text messages (a <tel> link) are the pages' own, said with t.rich; this translator is for plain text.
        const all = leaves(messages[namespace]).filter(([, message]) => !/<\w+>/.test(message));
        expect(all.length).toBeGreaterThan(10);
        for (const [key, message] of all) {
          const values = valuesFor(message);
          expect(compiled(key as never, values), key).toBe(reference(key, values));
        }
      });
    }
  }

  it("refuses a key the catalogue does not have", () => {
    expect(() => compiledTranslator("zh-CN", zhCN, "notify")("subject.nothing" as never)).toThrow(
      "no message notify.subject.nothing",
    );
  });
});
