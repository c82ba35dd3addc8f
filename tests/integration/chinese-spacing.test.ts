import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PrivacyNotice } from "@/components/privacy/privacy-notice";
import { privacyOperator } from "@/lib/privacy/notice";
import { zhCN } from "@/lib/i18n/messages/zh-CN";

/** Full-width punctuation carries its own space; a half-width space after it reads as a gap. */
const SPACE_AFTER_FULL_WIDTH = /[，。、；：！？）】》」』”’][ \u00a0]/;

function messagesOf(value: unknown, path = ""): { path: string; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => messagesOf(child, path ? `${path}.${key}` : key));
}

describe("Chinese text", () => {
  it("puts no half-width space after full-width punctuation", () => {
    const messages = messagesOf(zhCN);
    expect(messages.length).toBeGreaterThan(500);
    expect(messages.filter(({ text }) => SPACE_AFTER_FULL_WIDTH.test(text))).toEqual([]);
  });

  it("nor does the privacy notice, as the page shows it", () => {
    const html = renderToStaticMarkup(createElement(PrivacyNotice, { operator: privacyOperator(), english: false }));
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("个人信息保护联系邮箱");
    expect(text.split(/(?<=[。；])/).filter((sentence) => SPACE_AFTER_FULL_WIDTH.test(sentence))).toEqual([]);
  });

  it("is checked by a rule that catches the mistake", () => {
    expect(SPACE_AFTER_FULL_WIDTH.test("联系电话：400， 邮箱")).toBe(true);
    expect(SPACE_AFTER_FULL_WIDTH.test("已保存。 下一步")).toBe(true);
    expect(SPACE_AFTER_FULL_WIDTH.test("保存 3 年；期满后删除。")).toBe(false);
  });
});
