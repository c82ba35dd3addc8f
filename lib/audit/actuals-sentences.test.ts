import { describe, expect, it } from "vitest";
import { loadMessages } from "../i18n/messages";
import type { AuditNames } from "./names";
import { auditWriter, type AuditSubject } from "./sentences";

/* 到资, a year's actuals, the delivery rules and a park's yardsticks as the audit log reads them. */
const names: AuditNames = {
  users: new Map(),
  leads: new Map([
    ["l1", { name: "上海锐精机械有限公司", erased: false }],
    ["l2", { name: "嘉兴保密科技有限公司", erased: true }],
  ]),
  listings: new Map(),
  parks: new Map([["p1", { name: "平湖科创智谷", nameEn: "Pinghu Innovation Valley" }]]),
  stages: new Map(),
  lostReasons: new Map(),
  channels: new Map(),
};
const entry = (action: string, entityType: string, entityId: string, details: unknown): AuditSubject => ({
  action,
  entityType,
  entityId,
  details: details as AuditSubject["details"],
  actorName: "王芳",
});
const write = async (locale: "zh-CN" | "en", subject: AuditSubject) =>
  auditWriter(await loadMessages(locale), locale, names)(subject);

describe("audit entries of 到资, yearly actuals and the delivery rules", () => {
  it("names the project by its lead, and an erased lead's project without its name", async () => {
    const plan = entry("project.funding_plan", "Project", "pr1", {
      leadId: "l1",
      instalments: [0, 3],
      scheduledTotal: ["0", "5000"],
    });
    expect(await write("zh-CN", plan)).toEqual({
      sentence: "王芳 修改了 上海锐精机械有限公司 的到资计划",
      changes: ["到资计划期数：0 → 3", "计划到资合计：0 万元 → 5,000 万元"],
    });
    expect((await write("en", plan)).sentence).toBe("王芳 changed the investment schedule of 上海锐精机械有限公司");
    const added = entry("project.funding_add", "Project", "pr1", { leadId: "l2", paidOn: "2026-03-20", amount: "800" });
    const line = await write("zh-CN", added);
    expect(line).toEqual({
      sentence: "王芳 为 已删除的线索 记录了一笔到资",
      changes: ["到账日期：2026-03-20", "金额：800 万元"],
    });
    expect(JSON.stringify(line)).not.toContain("嘉兴保密科技");
    expect(
      (await write("zh-CN", entry("project.funding_delete", "Project", "pr1", { leadId: "l1", amount: "10" })))
        .sentence,
    ).toBe("王芳 删除了 上海锐精机械有限公司 的一笔到资");
  });

  it("writes a year's changed figures", async () => {
    const year = entry("project.year", "Project", "pr1", {
      leadId: "l1",
      year: 2025,
      tax: ["400", "200"],
      jobs: [null, 90],
    });
    expect(await write("zh-CN", year)).toEqual({
      sentence: "王芳 填报了 上海锐精机械有限公司 的 2025 年实绩",
      changes: ["税收：400 万元 → 200 万元", "年末用工（人）：（空） → 90"],
    });
    expect((await write("en", year)).sentence).toBe("王芳 recorded the actuals of 2025 for 上海锐精机械有限公司");
  });

  it("writes the delivery rules and a park's yardsticks with each changed value", async () => {
    const rules = entry("settings.update", "Setting", "delivery", {
      before: { warnDays: 30, taxPerMu: 15, outputPerMu: 300, taxWeight: 60, classA: 100, classB: 80, classC: 50 },
      after: { warnDays: 14, taxPerMu: 10, outputPerMu: 300, taxWeight: 60, classA: 100, classB: 80, classC: 50 },
    });
    expect(await write("zh-CN", rules)).toEqual({
      sentence: "王芳 修改了设置：履约规则",
      changes: ["预警提前天数：30 → 14", "亩均税收标准：15 万元/亩 → 10 万元/亩"],
    });
    const yardsticks = entry("park.yardsticks", "Park", "p1", {
      benchmarkTaxPerMu: [null, "12.5"],
      benchmarkOutputPerMu: ["250.00", null],
    });
    expect(await write("zh-CN", yardsticks)).toEqual({
      sentence: "王芳 修改了园区 平湖科创智谷 的亩均标准",
      changes: ["园区亩均税收标准：（空） → 12.5 万元/亩", "园区亩均产值标准：250 万元/亩 → （空）"],
    });
    expect((await write("en", yardsticks)).sentence).toBe(
      "王芳 changed the per-mu yardsticks of the park Pinghu Innovation Valley",
    );
  });
});
