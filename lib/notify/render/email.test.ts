import { describe, expect, it } from "vitest";
import { emailMessage } from "./email";

describe("a staff email's parts", () => {
  const mail = emailMessage({
    to: "li@park.test",
    subject: "新线索：<b>A&B</b> 电机",
    intro: "有一条新线索 <script>alert(1)</script>",
    lines: ['企业：A&B "电机" 有限公司', "电话：13800001111"],
    link: { label: "查看线索", url: "https://parks.example.cn/crm/leads/c1?a=1&b=2" },
    footer: "Parklead",
    deliveryId: "cdelivery1",
  });

  it("escapes every text in the HTML part and keeps the text part plain", () => {
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("有一条新线索 &#60;script&#62;alert(1)&#60;/script&#62;");
    expect(mail.html).toContain("企业：A&#38;B &#34;电机&#34; 有限公司");
    expect(mail.html).toContain('href="https://parks.example.cn/crm/leads/c1?a=1&#38;b=2"');
    expect(mail.text).toBe(
      [
        "有一条新线索 <script>alert(1)</script>",
        '企业：A&B "电机" 有限公司\n电话：13800001111',
        "查看线索: https://parks.example.cn/crm/leads/c1?a=1&b=2",
        "--\nParklead",
      ].join("\n\n"),
    );
  });

  it("is a whole document with a stable Message-ID per delivery", () => {
    expect(mail.html).toMatch(/^<!DOCTYPE html><html>[\s\S]*<\/body><\/html>$/);
    expect(mail.messageId).toBe("<cdelivery1@parklead>");
    expect(mail.subject).toBe("新线索：<b>A&B</b> 电机");
  });
});
