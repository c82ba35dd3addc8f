import { describe, expect, it } from "vitest";
import type { GroupMessage } from "../message";
import { combineGroupMessages } from "./combine";

const message = (company: string): GroupMessage => ({
  medium: "GROUP",
  title: `新线索：${company}`,
  lines: [`企业：${company}`, "电话：138****5678"],
  link: { label: "认领线索", url: `https://crm.example/crm/leads/${company}` },
});

describe("several group messages as one", () => {
  it("keeps each message's title, lines and link, under a title that counts them", async () => {
    const combined = await combineGroupMessages([message("甲公司"), message("乙公司")]);
    expect(combined.title).toBe("2 条新通知");
    expect(combined.lines).toEqual([
      "【新线索：甲公司】",
      "企业：甲公司",
      "电话：138****5678",
      "认领线索：https://crm.example/crm/leads/甲公司",
      "【新线索：乙公司】",
      "企业：乙公司",
      "电话：138****5678",
      "认领线索：https://crm.example/crm/leads/乙公司",
    ]);
    expect(combined.link?.url).toMatch(/\/crm\/leads$/);
  });

  it("leaves a single message as it is", async () => {
    const one = message("丙公司");
    expect(await combineGroupMessages([one])).toBe(one);
  });
});
