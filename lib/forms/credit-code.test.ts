import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter, isValidCreditCode } from "./credit-code";

describe("unified social credit code", () => {
  // Published codes of two well-known companies.
  it.each(["91110108551385082Q", "9144030071526726XG"])("accepts %s", (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it("computes the GB 32100-2015 check character", () => {
    expect(creditCodeCheckCharacter("91110108551385082")).toBe("Q");
    expect(creditCodeCheckCharacter("9144030071526726X")).toBe("G");
  });

  it("rejects a wrong check character, length or letters outside the alphabet", () => {
    expect(isValidCreditCode("91110108551385082A")).toBe(false);
    expect(isValidCreditCode("9144030071526726XH")).toBe(false);
    expect(isValidCreditCode("9111010855138508")).toBe(false);
    expect(isValidCreditCode("91110108551385082QQ")).toBe(false);
    expect(isValidCreditCode("9111010855I385082Q")).toBe(false);
  });
});
