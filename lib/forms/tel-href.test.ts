import { describe, expect, it } from "vitest";
import { telHref } from "./tel-href";

describe("a phone number's tel: address", () => {
  it.each([
    ["400 0123 021", "tel:4000123021"],
    ["0573-8501 2345", "tel:057385012345"],
    ["+86 138 1234 5678", "tel:+8613812345678"],
    [" (0573) 85012345 ", "tel:057385012345"],
  ])("dials %s as %s", (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });

  it.each(["", "  ", "-", "电话待定"])("has nothing to dial in %j", (phone) => {
    expect(telHref(phone)).toBeNull();
  });
});
