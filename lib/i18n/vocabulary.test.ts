import { describe, expect, it } from "vitest";
import { en } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import { term } from "./vocabulary";

describe("term", () => {
  it("gives the reader's word for a stored source, medium and role", () => {
    expect(term(zhCN.vocabulary, "source", "listing")).toBe("房源页");
    expect(term(en.vocabulary, "source", "listing")).toBe("Listing page");
    expect(term(zhCN.vocabulary, "medium", "direct")).toBe("直接访问");
    expect(term(zhCN.vocabulary, "role", "MANAGER")).toBe("招商经理");
  });

  it("reads sources whatever their case, and an empty one as direct", () => {
    expect(term(zhCN.vocabulary, "source", "WeChat")).toBe("微信");
    expect(term(en.vocabulary, "medium", "")).toBe("Direct");
    expect(term(en.vocabulary, "source", null)).toBe("Direct");
  });

  it("shows a campaign's own source as it was sent", () => {
    expect(term(zhCN.vocabulary, "source", "spring-expo-2026")).toBe("spring-expo-2026");
  });
});
