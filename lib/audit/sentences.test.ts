import { describe, expect, it } from "vitest";
import { loadMessages } from "../i18n/messages";
import type { AuditNames } from "./names";
import { auditWriter, type AuditSubject } from "./sentences";

const names: AuditNames = {
  users: new Map([["u1", { name: "李强" }]]),
  leads: new Map([["l1", { name: "上海锐精机械有限公司", erased: false }]]),
  listings: new Map([
    ["li1", { name: "平湖标准厂房 A3", nameEn: "Pinghu factory A3", areaUnit: "SQM", priceUnit: "YUAN_PER_SQM_MONTH" }],
  ]),
  parks: new Map([["p1", { name: "平湖科创智谷", nameEn: "Pinghu Innovation Valley" }]]),
  stages: new Map(),
  lostReasons: new Map(),
  channels: new Map(),
};
const entry = (action: string, entityType: string, entityId: string, details: unknown = null): AuditSubject => ({
  action,
  entityType,
  entityId,
  details: details as AuditSubject["details"],
  actorName: "王芳",
});

async function write(locale: "zh-CN" | "en", subject: AuditSubject) {
  return auditWriter(await loadMessages(locale), locale, names)(subject);
}

describe("audit entries as sentences", () => {
  it("writes a listing edit with areas, prices and parks in words and units, never its ids", async () => {
    const edit = entry("listing.update", "Listing", "li1", {
      area: ["5000", "6000"],
      price: ["25", "28"],
      parkId: [null, "p1"],
      published: [false, true],
      description: ["旧", "新"],
      storageKey: "listings/li1/a.png",
    });
    expect(await write("zh-CN", edit)).toEqual({
      sentence: "王芳 修改了房源 平湖标准厂房 A3",
      changes: [
        "总面积：5,000 m² → 6,000 m²",
        "价格：25 元/m²/月 → 28 元/m²/月",
        "所在园区：（空） → 平湖科创智谷",
        "上架：否 → 是",
        "介绍（中文）：已修改",
      ],
    });
    expect((await write("en", edit)).sentence).toBe("王芳 edited the listing Pinghu factory A3");
  });

  it("writes roles, reports, settings and the investor's own request in the reader's words", async () => {
    expect((await write("zh-CN", entry("user.role", "User", "u1", { role: ["STAFF", "MANAGER"] }))).sentence).toBe(
      "王芳 把 李强 的角色从 招商专员 改为 招商经理",
    );
    expect((await write("zh-CN", entry("report.export", "Report", "ledger", { format: "xlsx" }))).sentence).toBe(
      "王芳 导出了报表：招商台账（Excel）",
    );
    expect(
      await write(
        "zh-CN",
        entry("settings.update", "Setting", "reports.reserveThreshold", { before: 1000, after: 1500 }),
      ),
    ).toEqual({ sentence: "王芳 修改了设置：项目储备库门槛", changes: ["入库门槛：1,000 万元 → 1,500 万元"] });
    const request = {
      ...entry("privacyRequest.open", "PrivacyRequest", "r1", { kind: "ERASE", leadId: "l1" }),
      actorName: null,
    };
    expect((await write("zh-CN", request)).sentence).toBe("投资方为 上海锐精机械有限公司 提出了请求：删除个人信息");
  });

  it("names what is gone as gone instead of showing its id", async () => {
    const line = await write("zh-CN", entry("channel.activate", "NotifyChannel", "cmgone123"));
    expect(line.sentence).toBe("王芳 启用了通知渠道 已删除的通知渠道");
    expect(JSON.stringify(line)).not.toContain("cmgone123");
  });
  it("writes the asset register's changes with the building's and unit's names kept in the entry", async () => {
    expect(
      await write("zh-CN", entry("unit.update", "Unit", "gone-unit", { unit: "3号楼 201", area: ["500", "650"] })),
    ).toEqual({ sentence: "王芳 修改了单元 3号楼 201", changes: ["面积：500 m² → 650 m²"] });
    expect(
      (
        await write(
          "zh-CN",
          entry("unit.add_floor", "Building", "b1", { building: "3号楼", floor: 3, numbers: ["301", "306"], count: 6 }),
        )
      ).sentence,
    ).toBe("王芳 在楼栋 3号楼 的 3 层添加了 6 个单元（301–306）");
    const unavailable = entry("unit.availability", "Unit", "u9", { unit: "A1 101", status: ["VACANT", "UNAVAILABLE"] });
    expect((await write("zh-CN", unavailable)).sentence).toBe("王芳 把单元 A1 101 从 空置 改为 不可租售");
    expect((await write("en", entry("building.delete", "Building", "b2", { building: "B2" }))).sentence).toBe(
      "王芳 removed the building B2",
    );
  });

  it("writes holds with the units, the lead and the expiry in Beijing time", async () => {
    const hold = entry("unit.hold", "Lead", "l1", {
      units: ["3号楼 101", "3号楼 201"],
      unitIds: ["u1", "u2"],
      until: "2026-12-13T16:30:00.000Z",
    });
    expect((await write("zh-CN", hold)).sentence).toBe(
      "王芳 为 上海锐精机械有限公司 锁定了 3号楼 101、3号楼 201，至 2026-12-14 00:30",
    );
    expect((await write("en", entry("unit.release", "Lead", "l1", { units: ["3号楼 101"] }))).sentence).toBe(
      "王芳 released 3号楼 101 held for 上海锐精机械有限公司",
    );
    expect((await write("zh-CN", entry("unit.move_in", "Lead", "l1", { units: ["3号楼 101"] }))).sentence).toBe(
      "王芳 为 上海锐精机械有限公司 办理了入驻：3号楼 101",
    );
    const rules = entry("settings.update", "Setting", "inventory", {
      before: { holdDays: 7, staffRenewals: 2, reminderHours: 24 },
      after: { holdDays: 14, staffRenewals: 2, reminderHours: 24 },
    });
    expect(await write("zh-CN", rules)).toEqual({
      sentence: "王芳 修改了设置：单元锁定规则",
      changes: ["锁定天数：7 → 14"],
    });
  });
});
