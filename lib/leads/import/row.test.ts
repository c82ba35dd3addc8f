import { describe, expect, it } from "vitest";
import { creditCodeCheckCharacter } from "../../forms/credit-code";
import { parseImportDate, parseImportRow } from "./row";
import type { ImportField, ImportLookups, ImportMapping } from "./types";

const lookups: ImportLookups = {
  stages: [
    { key: "new", name: "新线索", nameEn: "New", category: "OPEN" },
    { key: "negotiation", name: "洽谈", nameEn: "Negotiation", category: "OPEN" },
    { key: "signed", name: "签约", nameEn: "Signed", category: "WON" },
    { key: "lost", name: "流失", nameEn: "Lost", category: "LOST" },
  ],
  users: [
    { id: "u-wang", name: "王招商", email: "wang@park.example" },
    { id: "u-li1", name: "李娜", email: "li1@park.example" },
    { id: "u-li2", name: "李娜", email: "li2@park.example" },
  ],
  parks: [{ id: "p1", name: "平湖园", nameEn: "Pinghu Park", slug: "pinghu" }],
  listings: [{ id: "l1", title: "科创智谷 3 号厂房", titleEn: "Innovation Valley Building 3" }],
  lostReasons: [{ key: "tax", name: "税收不达标", nameEn: "Tax below threshold" }],
  now: new Date("2026-12-06T08:00:00Z"),
};

/** A mapping of the given fields in order, and the row's cells by field. */
function row(values: Partial<Record<ImportField, string>>) {
  const base: Partial<Record<ImportField, string>> = {
    company: "苏州精密机械有限公司",
    contactName: "王小明",
    phone: "13812345678",
  };
  const all = { ...base, ...values };
  const fields = Object.keys(all) as ImportField[];
  const mapping: ImportMapping = Object.fromEntries(fields.map((field, index) => [String(index), field]));
  return parseImportRow(
    fields.map((field) => all[field] ?? ""),
    mapping,
    lookups,
  );
}
const valuesOf = (values: Partial<Record<ImportField, string>>) => {
  const parsed = row(values);
  if (!parsed.ok) throw new Error(`unexpected errors ${JSON.stringify(parsed.errors)}`);
  return parsed.values;
};
const errorsOf = (values: Partial<Record<ImportField, string>>) => {
  const parsed = row(values);
  return parsed.ok ? {} : parsed.errors;
};

describe("an import row", () => {
  it("reads a full row in the words of the app's own export", () => {
    const creditCode = `91320500MA1XXXXXX${creditCodeCheckCharacter("91320500MA1XXXXXX")}`;
    expect(
      valuesOf({
        wechat: "wang_xm",
        email: "wang@example.com",
        creditCode: creditCode.toLowerCase(),
        industry: "装备制造",
        needDeal: "租赁",
        needKind: "厂房",
        needArea: "5,000",
        needAreaUnit: "m²",
        use: "精密零部件加工",
        notes: "展会上认识",
        source: "展会",
        owner: "王招商",
        stage: "Negotiation",
        park: "Pinghu Park",
        listing: "科创智谷 3 号厂房",
        createdAt: "2026/3/5",
      }),
    ).toEqual({
      company: "苏州精密机械有限公司",
      contactName: "王小明",
      phone: "13812345678",
      wechat: "wang_xm",
      email: "wang@example.com",
      creditCode,
      industry: "装备制造",
      needDeal: "RENT",
      needKind: "FACTORY",
      needArea: "5000",
      needAreaUnit: "SQM",
      use: "精密零部件加工",
      expectedAnnualTax: null,
      investment: null,
      annualOutput: null,
      employees: null,
      notes: "展会上认识",
      sourceNote: "展会",
      ownerId: "u-wang",
      unknownOwner: null,
      stageKey: "negotiation",
      parkId: "p1",
      listingId: "l1",
      createdAt: "2026-03-04T16:00:00.000Z",
      lastActivityAt: null,
      signedAt: null,
      signedArea: null,
      signedAreaUnit: null,
      signedAnnualTax: null,
      lostReasonKey: null,
    });
  });
});

describe("reading values", () => {
  it("keeps the form's readings of a mobile, amounts and areas", () => {
    const values = valuesOf({
      phone: "+86 138-1234-5678",
      needDeal: "Rent",
      needKind: "Industrial land",
      needArea: "50",
      expectedAnnualTax: "1,200",
      investment: "3.5亿",
      annualOutput: "8000万",
      employees: "120",
    });
    expect(values).toMatchObject({
      phone: "13812345678",
      needDeal: "RENT",
      needKind: "LAND",
      needArea: "50",
      // land with no unit anywhere is in 亩, as parks measure it
      needAreaUnit: "MU",
      expectedAnnualTax: "1200",
      investment: "35000",
      annualOutput: "8000",
      employees: 120,
      wechat: null,
      ownerId: null,
      unknownOwner: null,
      stageKey: null,
    });
  });

  it("reads a unit from the cell, the header, or the unit column, and m² for a floor area by default", () => {
    expect(valuesOf({ needArea: "50亩" })).toMatchObject({ needArea: "50", needAreaUnit: "MU" });
    expect(valuesOf({ needArea: "5,000 ㎡" })).toMatchObject({ needArea: "5000", needAreaUnit: "SQM" });
    expect(valuesOf({ needAreaMu: "12.5" })).toMatchObject({ needArea: "12.5", needAreaUnit: "MU" });
    expect(valuesOf({ needArea: "30", needAreaUnit: "亩" })).toMatchObject({ needArea: "30", needAreaUnit: "MU" });
    expect(valuesOf({ needKind: "研发办公", needArea: "800" })).toMatchObject({ needAreaUnit: "SQM" });
    expect(valuesOf({ signedArea: "40", signedAreaUnit: "mu" })).toMatchObject({
      signedArea: "40",
      signedAreaUnit: "MU",
    });
  });

  it("finds stage, owner, park, listing and lost reason by their names in either language, or key", () => {
    expect(
      valuesOf({
        stage: "流失",
        owner: "WANG@park.example",
        park: "pinghu",
        listing: "Innovation Valley Building 3",
        lostReason: "Tax below threshold",
      }),
    ).toMatchObject({ stageKey: "lost", ownerId: "u-wang", parkId: "p1", listingId: "l1", lostReasonKey: "tax" });
    expect(valuesOf({ stage: "negotiation", owner: "王招商" })).toMatchObject({
      stageKey: "negotiation",
      ownerId: "u-wang",
    });
  });

  it("sends a lead with an unknown, ambiguous or pool owner to the pool, naming the unknown one", () => {
    expect(valuesOf({ owner: "张三" })).toMatchObject({ ownerId: null, unknownOwner: "张三" });
    expect(valuesOf({ owner: "李娜" })).toMatchObject({ ownerId: null, unknownOwner: "李娜" });
    expect(valuesOf({ owner: "li2@park.example" })).toMatchObject({ ownerId: "u-li2", unknownOwner: null });
    expect(valuesOf({ owner: "公海" })).toMatchObject({ ownerId: null, unknownOwner: null });
    expect(valuesOf({ owner: "Pool" })).toMatchObject({ ownerId: null, unknownOwner: null });
  });

  it("reads dates as Shanghai time, and a won lead without a signing date signed when it was created", () => {
    expect(valuesOf({ createdAt: "2026/3/5", lastActivityAt: "2026-04-01 09:30" })).toMatchObject({
      createdAt: "2026-03-04T16:00:00.000Z",
      lastActivityAt: "2026-04-01T01:30:00.000Z",
    });
    expect(valuesOf({ stage: "签约", createdAt: "2026-03-05 10:00" }).signedAt).toBe("2026-03-05T02:00:00.000Z");
    expect(valuesOf({ stage: "签约", createdAt: "2026-03-05", signedAt: "2026年6月1日" }).signedAt).toBe(
      "2026-05-31T16:00:00.000Z",
    );
  });

  it("keeps a lost reason for a lost lead only", () => {
    expect(valuesOf({ stage: "洽谈", lostReason: "税收不达标" }).lostReasonKey).toBeNull();
  });
});

describe("a row's errors: the form's message key for each wrong field", () => {
  it.each<[Partial<Record<ImportField, string>>, Record<string, string>]>([
    [
      { company: "", contactName: " ", phone: "" },
      { company: "required", contactName: "required", phone: "required" },
    ],
    [{ company: "甲" }, { company: "tooShort:2" }],
    [{ company: "x".repeat(101) }, { company: "tooLong:100" }],
    [{ phone: "12812345678" }, { phone: "phone" }],
    [{ phone: "1381234567" }, { phone: "phone" }],
    [{ wechat: "微信号" }, { wechat: "wechat" }],
    [{ email: "not-an-address" }, { email: "email" }],
    [{ creditCode: "91320500MA1XXXXXX0" }, { creditCode: "creditCode" }],
    [{ needDeal: "都行" }, { needDeal: "choice" }],
    [{ needKind: "仓库" }, { needKind: "choice" }],
    [{ needArea: "很大" }, { needArea: "number" }],
    [{ needArea: "0" }, { needArea: "positive" }],
    [{ needAreaMu: "1.234" }, { needAreaMu: "decimals:2" }],
    [{ needAreaUnit: "公顷" }, { needAreaUnit: "choice" }],
    [{ expectedAnnualTax: "5元" }, { expectedAnnualTax: "amount" }],
    [{ investment: "-3" }, { investment: "tooSmall:0" }],
    [{ employees: "12.5" }, { employees: "integer" }],
    [{ stage: "谈判中" }, { stage: "stageUnknown" }],
    [{ park: "嘉兴园" }, { park: "parkUnknown" }],
    [{ listing: "不存在的厂房" }, { listing: "listingUnknown" }],
    [{ lostReason: "价格" }, { lostReason: "lostReasonUnknown" }],
    [{ createdAt: "2026-02-30" }, { createdAt: "date" }],
    [{ createdAt: "明天" }, { createdAt: "date" }],
    [{ lastActivityAt: "2027-01-01" }, { lastActivityAt: "future" }],
    [{ signedAnnualTax: "0" }, { signedAnnualTax: "positive" }],
    [{ notes: "a\u0000b" }, { notes: "characters" }],
  ])("%j → %j", (values, errors) => {
    expect(errorsOf(values)).toEqual(errors);
  });

  it("needs a column for company, contact and mobile", () => {
    const parsed = parseImportRow(["甲公司"], { "0": "company" }, lookups);
    expect(parsed).toEqual({ ok: false, errors: { contactName: "required", phone: "required" } });
  });
});

describe("dates", () => {
  it("accept the ways ledgers write them, and nothing that is not a real day", () => {
    expect(parseImportDate("2026-3-5")?.toISOString()).toBe("2026-03-04T16:00:00.000Z");
    expect(parseImportDate("2026.03.05 8:05")?.toISOString()).toBe("2026-03-05T00:05:00.000Z");
    expect(parseImportDate("２０２６／３／５")?.toISOString()).toBe("2026-03-04T16:00:00.000Z");
    expect(parseImportDate("2026-03-05 09:30:15")?.toISOString()).toBe("2026-03-05T01:30:15.000Z");
    expect(parseImportDate("2026-13-01")).toBeNull();
    expect(parseImportDate("05/03/2026")).toBeNull();
    expect(parseImportDate("1999-12-31")).toBeNull();
  });
});
