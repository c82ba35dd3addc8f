import { describe, expect, it } from "vitest";
import type { AuditNames } from "../../audit/names";
import { auditWriter, type AuditSubject } from "../../audit/sentences";
import { loadMessages } from "../../i18n/messages";

/* 督办's audit lines: the project's company (an erased lead's unnamed), the assignee by name, never the item's words. */
const names: AuditNames = {
  users: new Map([["u1", { name: "张专员" }]]),
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
const entry = (action: string, details: unknown, actorName: string | null = "王经理"): AuditSubject => ({
  action,
  entityType: "Supervision",
  entityId: "s1",
  details: details as AuditSubject["details"],
  actorName,
});
const write = async (locale: "zh-CN" | "en", subject: AuditSubject) =>
  auditWriter(await loadMessages(locale), locale, names)(subject);

describe("督办 in the audit log", () => {
  it("says who opened an item on which project, for whom, by when", async () => {
    const opened = entry("supervision.open", { leadId: "l1", projectId: "p1", assigneeId: "u1", dueOn: "2027-03-31" });
    expect(await write("zh-CN", opened)).toEqual({
      sentence: "王经理 就 上海锐精机械有限公司 开立督办，承办人 张专员，2027-03-31 前办结",
      changes: [],
    });
    expect((await write("en", opened)).sentence).toBe(
      "王经理 opened a supervision item on 上海锐精机械有限公司 for 张专员, due 2027-03-31",
    );
  });

  it("words each step, the system's escalation and an erased company", async () => {
    const on = { leadId: "l1", projectId: "p1", status: ["OPEN", "ANSWERED"] };
    expect((await write("zh-CN", entry("supervision.answer", on))).sentence).toBe(
      "王经理 答复了 上海锐精机械有限公司 的督办",
    );
    expect((await write("zh-CN", entry("supervision.instruct", on))).sentence).toBe(
      "王经理 对 上海锐精机械有限公司 的督办作出批示",
    );
    expect((await write("zh-CN", entry("supervision.reopen", on))).sentence).toBe(
      "王经理 退回了 上海锐精机械有限公司 的督办答复",
    );
    expect((await write("en", entry("supervision.close", on))).sentence).toBe(
      "王经理 closed a supervision item on 上海锐精机械有限公司",
    );
    const escalated = entry("supervision.escalate", { leadId: "l2", dueOn: "2027-03-31", status: "OPEN" }, null);
    expect((await write("zh-CN", escalated)).sentence).toBe(
      "系统 将 已删除的线索 超过期限（2027-03-31）未办结的督办升级",
    );
  });
});
