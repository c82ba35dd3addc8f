import { describe, expect, it } from "vitest";
import { Prisma } from "../../db/generated/client";
import { confirmsCompany } from "../erase/schema";
import { planMerge, type MergeSide } from "./plan";
import { mergeLeadsSchema } from "./schema";

const stages = {
  new: { key: "new", name: "新线索", nameEn: "New", position: 1, category: "OPEN" },
  site_visit: { key: "site_visit", name: "实地考察", nameEn: "Site visit", position: 3, category: "OPEN" },
  signed: { key: "signed", name: "签约", nameEn: "Signed", position: 6, category: "WON" },
  lost: { key: "lost", name: "流失", nameEn: "Lost", position: 7, category: "LOST" },
} as const;

function side(stageKey: keyof typeof stages, fields: Partial<MergeSide> = {}): MergeSide {
  return {
    id: "lead",
    version: 1,
    company: "上海精工有限公司",
    companyKey: "上海精工有限公司",
    contactName: "张",
    phone: "13800000000",
    wechat: null,
    email: null,
    creditCode: null,
    industry: null,
    notes: null,
    needDeal: null,
    needKind: null,
    needArea: null,
    needAreaUnit: null,
    use: null,
    expectedAnnualTax: null,
    investment: null,
    annualOutput: null,
    employees: null,
    listingId: null,
    parkId: null,
    ownerId: null,
    assignedAt: null,
    firstRespondedAt: null,
    lastInquiryAt: new Date("2026-11-01T00:00:00Z"),
    stageKey,
    archivedAt: null,
    erasedAt: null,
    mergedIntoId: null,
    stage: { ...stages[stageKey] },
    ...fields,
  };
}

describe("planMerge", () => {
  it.each([
    ["new", "site_visit", "site_visit", "advanced"],
    ["site_visit", "new", "site_visit", "kept"],
    ["new", "signed", "new", "closed"],
    ["lost", "site_visit", "lost", "closed"],
  ] as const)("survivor %s + merged %s → %s (%s)", (survivor, merged, stageKey, stageRule) => {
    expect(planMerge(side(survivor), side(merged))).toMatchObject({ stageKey, stageRule });
  });

  it("fills only empty fields, moves an area with its unit, appends notes once and keeps the survivor's owner", () => {
    const survivor = side("new", {
      email: "a@x.cn",
      notes: "第一次沟通",
      ownerId: "u1",
      lastInquiryAt: new Date("2026-11-02T00:00:00Z"),
    });
    const merged = side("new", {
      email: "b@x.cn",
      wechat: "wx_b",
      needArea: new Prisma.Decimal("20"),
      needAreaUnit: "MU",
      notes: "看过地块",
      ownerId: "u2",
      firstRespondedAt: new Date("2026-10-30T00:00:00Z"),
    });
    const plan = planMerge(survivor, merged);
    expect(plan.filled).toEqual(["wechat", "needArea", "notes"]);
    expect(plan.data).toEqual({
      wechat: "wx_b",
      needArea: new Prisma.Decimal("20"),
      needAreaUnit: "MU",
      notes: "第一次沟通\n\n看过地块",
      firstRespondedAt: new Date("2026-10-30T00:00:00Z"),
    });
    expect(planMerge(side("new", { notes: "同一条" }), side("new", { notes: "同一条" })).filled).toEqual([]);
    expect(planMerge(side("new"), side("new", { ownerId: "u2", assignedAt: new Date(0) })).data).toMatchObject({
      ownerId: "u2",
      assignedAt: new Date(0),
    });
  });
});

describe("merge and erase input", () => {
  it("refuses merging a lead with itself and says which version is missing", () => {
    const same = mergeLeadsSchema.safeParse({ survivorId: "a", mergedId: "a", survivorVersion: 1, mergedVersion: "2" });
    expect(same.success ? null : same.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["mergedId", "sameLead"],
    ]);
    expect(mergeLeadsSchema.safeParse({ survivorId: "a", mergedId: "b", survivorVersion: 0 }).success).toBe(false);
  });

  it("takes the typed company name whatever its width and surrounding spaces, and nothing less", () => {
    expect(confirmsCompany(" ＡＢＣ科技有限公司 ", "ABC科技有限公司")).toBe(true);
    expect(confirmsCompany("ABC科技", "ABC科技有限公司")).toBe(false);
  });
});
