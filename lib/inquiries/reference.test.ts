import { describe, expect, it } from "vitest";
import { newInquiryReference, REFERENCE_PATTERN } from "./reference";

describe("inquiry reference", () => {
  it("uses the business day in Asia/Shanghai", () => {
    // 2026-11-24 17:30 UTC is already 25 November in Shanghai.
    expect(newInquiryReference(new Date("2026-11-24T17:30:00Z"))).toMatch(/^PL-261125-/);
    expect(newInquiryReference(new Date("2026-11-24T15:59:59Z"))).toMatch(/^PL-261124-/);
  });

  it("avoids letters that are misheard on the phone and matches its own pattern", () => {
    for (let i = 0; i < 500; i++) {
      const reference = newInquiryReference();
      expect(reference).toMatch(REFERENCE_PATTERN);
      expect(reference.slice(10)).not.toMatch(/[ILOU]/);
    }
  });
});
