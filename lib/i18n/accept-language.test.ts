import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("the language a browser asks for", () => {
  it("is English when English is preferred, in any region", () => {
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("en-GB,zh-CN;q=0.8")).toBe("en");
    expect(localeFromAcceptLanguage("EN")).toBe("en");
  });

  it("is Chinese when Chinese is preferred, or weighs more than English", () => {
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=0.5,zh-TW;q=0.7")).toBe("zh-CN");
  });

  it("passes over languages the site does not have", () => {
    expect(localeFromAcceptLanguage("fr-FR,fr;q=0.9,en;q=0.8,zh;q=0.5")).toBe("en");
    expect(localeFromAcceptLanguage("ja,ko;q=0.9")).toBe("zh-CN");
  });

  it("ignores refused languages (q=0) and malformed weights, and defaults to Chinese", () => {
    expect(localeFromAcceptLanguage("en;q=0,zh;q=0.1")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("en;q=abc")).toBe("zh-CN");
    expect(localeFromAcceptLanguage("")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
    expect(localeFromAcceptLanguage("*")).toBe("zh-CN");
  });
});
