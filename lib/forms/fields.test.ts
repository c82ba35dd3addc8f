import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanText, isBlank } from "./clean-text";
import { amount, integer, optionalText, queryText, text } from "./fields";

const issueOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? undefined : result.error.issues[0].message;
};

describe("the field kit's text", () => {
  it.each([
    "",
    " ",
    "\u3000",
    "\u00a0",
    "\u200b",
    "\u200c\u200d",
    "\u2060",
    "\ufeff",
    "\u180e",
    "\u3000\u200b",
    "\t\n",
    "\u3164",
  ])("reads %j as blank, so a required field says required", (input) => {
    expect(isBlank(input)).toBe(true);
    expect(issueOf(text({ max: 10 }), input)).toBe("required");
    expect(z.object({ note: optionalText({ max: 10 }) }).parse({ note: input })).toEqual({ note: undefined });
  });

  it.each(["a\u0000b", "\ud800", "x\udc00", "\u202eabc", "a\u2066b", "a\u0085b", "a\u007fb", "a\u001bb", "a\ufffe"])(
    "refuses %j, which the database refuses or which reads differently from what it holds",
    (input) => {
      expect(issueOf(text({ max: 10 }), input)).toBe("characters");
      expect(issueOf(text({ max: 10, multiline: true }), input)).toBe("characters");
      expect(issueOf(queryText(10), input)).toBe("characters");
    },
  );

  it("keeps line breaks and tabs only in multi-line text, with \\r\\n made \\n", () => {
    expect(issueOf(text({ max: 20 }), "一行\n两行")).toBe("characters");
    expect(text({ max: 20, multiline: true }).parse(" 一行\r\n两行\t完\u3000")).toBe("一行\n两行\t完");
    expect(text({ max: 10 }).parse("👍🏽 好")).toBe("👍🏽 好");
  });

  it("lets the form's own cross-field rules still run, so every error shows at once", () => {
    const form = z.object({ body: text({ max: 100 }), outcome: z.string().optional() }).superRefine((value, ctx) => {
      if (!value.outcome) ctx.addIssue({ code: "custom", path: ["outcome"], message: "choice" });
    });
    const issues = form
      .safeParse({ body: "\u3000" })
      .error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues).toEqual([
      ["body", "required"],
      ["outcome", "choice"],
    ]);
  });

  it("counts length in characters as varchar(n) does, so 𠮷 is one", () => {
    expect(text({ max: 2 }).parse("𠮷𠮷")).toBe("𠮷𠮷");
    expect(issueOf(text({ max: 2 }), "𠮷𠮷𠮷")).toBe("tooLong:2");
  });

  it("answers any string with clean text or a message, never text holding NUL, controls or lone surrogates", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (input) => {
        const cleaned = cleanText(input);
        if (!cleaned.ok) return;
        expect(cleaned.value.isWellFormed()).toBe(true);
        expect(cleaned.value).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
        expect(cleaned.value).toBe(cleaned.value.trim());
      }),
      { seed: 20261206, numRuns: 3000 },
    );
  });
});

describe("the field kit's numbers", () => {
  it("says blank and missing amounts are required, and shows the expected form for the rest", () => {
    expect(issueOf(amount({ max: 100 }), "\u3000")).toBe("required");
    expect(issueOf(amount({ max: 100 }), undefined)).toBe("required");
    expect(issueOf(amount({ max: 100 }), true)).toBe("amount");
    expect(issueOf(amount({ max: 100 }), "5元")).toBe("amount");
    expect(amount({ max: 100_000 }).parse("3.5亿")).toBe("35000");
  });

  it("keeps whole numbers within int4 and refuses exponents typed as text", () => {
    expect(integer({ max: 1_000_000 }).parse("1,000")).toBe(1000);
    expect(integer({ max: 1_000_000 }).parse("１０")).toBe(10);
    expect(issueOf(integer({ max: 1_000_000 }), "1e5")).toBe("integer");
    expect(issueOf(integer({ max: 1_000_000 }), 3_000_000_000)).toBe("tooBig:1000000");
    expect(issueOf(integer({ max: 1_000_000 }), "-0.5")).toBe("tooSmall:0");
  });
});
