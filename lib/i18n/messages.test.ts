import { describe, expect, it } from "vitest";
import { createTranslator } from "use-intl/core";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import { validationMessage } from "./validation";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

describe("message catalogues", () => {
  it("have the same keys in Chinese and English", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
  });

  it("have a message for every key the inquiry path can produce", () => {
    const produced = [
      "required",
      "invalid",
      "tooShort",
      "tooLong",
      "number",
      "integer",
      "positive",
      "tooSmall",
      "tooBig",
      "decimals",
      "phone",
      "email",
      "wechat",
      "creditCode",
      "choice",
      "consent",
      "unknownField",
      "listingGone",
      "idempotencyKey",
      "idempotencyKeyReused",
    ];
    const missing = produced.filter((key) => !(key in zhCN.validation));
    expect(missing).toEqual([]);
  });

  it("render a parameterised validation message in both languages", () => {
    const zh = createTranslator({ locale: "zh-CN", messages: zhCN });
    const english = createTranslator({ locale: "en", messages: en });
    expect(validationMessage((k, v) => zh(k as never, v as never), "tooLong:100")).toBe("最多 100 个字");
    expect(validationMessage((k, v) => english(k as never, v as never), "tooLong:100")).toBe("At most 100 characters");
    expect(validationMessage((k, v) => english(k as never, v as never), "phone")).toMatch(/mainland China mobile/);
  });
});
