import { describe, expect, it } from "vitest";
import type { AuditNames } from "../../audit/names";
import { auditWriter, type AuditSubject } from "../../audit/sentences";
import { loadMessages } from "../../i18n/messages";

/*
 * Milestones and evidence in the audit log: the project named by its lead's company (an erased one unnamed), plans
 * as before → after per milestone, an actual's day; never a re-plan's reason, a note, a file's name or the code.
 */
const names: AuditNames = {
  users: new Map(),
  leads: new Map([
    ["l1", { name: "上海锐精机械有限公司", erased: false }],
    ["l2", { name: "已删除公司", erased: true }],
  ]),
  listings: new Map(),
  parks: new Map(),
  stages: new Map(),
  lostReasons: new Map(),
  channels: new Map(),
};
const entry = (action: string, details: unknown): AuditSubject => ({
  action,
  entityType: "Project",
  entityId: "p1",
  details: details as AuditSubject["details"],
  actorName: "张专员",
});
const write = async (locale: "zh-CN" | "en", subject: AuditSubject) =>
  auditWriter(await loadMessages(locale), locale, names)(subject);

describe("milestones in the audit log", () => {
  it("words the contract's plan and a re-plan, milestone by milestone, without the reason", async () => {
    const first = entry("project.milestone_plan", {
      leadId: "l1",
      plans: { REGISTERED: [null, "2026-02-01"], CONSTRUCTION_START: [null, "2026-05-01"] },
    });
    expect(await write("zh-CN", first)).toEqual({
      sentence: "张专员 修改了 上海锐精机械有限公司 的里程碑计划",
      changes: ["注册：（空） → 2026-02-01", "开工：（空） → 2026-05-01"],
    });
    const replan = entry("project.milestone_plan", {
      leadId: "l1",
      plans: { CONSTRUCTION_START: ["2026-05-01", "2026-08-01"] },
      reason: "环评批复推迟，联系人 13812345678",
    });
    const line = await write("zh-CN", replan);
    expect(line.sentence).toBe("张专员 调整了 上海锐精机械有限公司 的里程碑计划（计划调整，原因见项目页）");
    expect(line.changes).toEqual(["开工：2026-05-01 → 2026-08-01"]);
    expect(JSON.stringify(await write("en", replan))).not.toContain("13812345678");
  });

  it("words an actual, its credit code only as changed, a record taken back and evidence", async () => {
    const actual = entry("project.milestone_actual", {
      leadId: "l1",
      kind: "REGISTERED",
      actualOn: [null, "2026-02-03"],
      creditCode: true,
      note: true,
    });
    const line = await write("zh-CN", actual);
    expect(line.sentence).toBe("张专员 登记 上海锐精机械有限公司 的“注册”于 2026-02-03 完成");
    expect(line.changes).toContain("统一社会信用代码：已修改");
    expect(
      (
        await write(
          "en",
          entry("project.milestone_actual_clear", { leadId: "l2", kind: "PRODUCTION", actualOn: "2026-09-01" }),
        )
      ).sentence,
    ).toContain("took back the record of");
    expect(
      (
        await write(
          "zh-CN",
          entry("project.milestone_actual_clear", { leadId: "l2", kind: "PRODUCTION", actualOn: "2026-09-01" }),
        )
      ).sentence,
    ).toBe("张专员 撤销了 已删除的线索 的“投产”完成登记（原登记 2026-09-01）");
    const evidence = entry("project.evidence_add", {
      leadId: "l1",
      kind: "PHOTO",
      milestoneKind: "CONSTRUCTION_START",
      fileName: "王总身份证.jpg",
    });
    const added = await write("zh-CN", evidence);
    expect(added.sentence).toBe("张专员 为 上海锐精机械有限公司 添加了佐证材料（照片）");
    expect(added.changes).toEqual(["关联里程碑：开工"]);
    expect(JSON.stringify(added)).not.toContain("身份证");
  });
});
