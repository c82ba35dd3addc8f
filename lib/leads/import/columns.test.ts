import { describe, expect, it } from "vitest";
import { en } from "../../i18n/messages/en";
import { zhCN } from "../../i18n/messages/zh-CN";
import { projectColumns } from "../../reports/ledger/sheet";
import { fieldOfHeader, recogniseColumns } from "./columns";
import { importMappingSchema } from "./schema";
import type { ImportField } from "./types";

describe("recognising a header", () => {
  it.each<[string, ImportField]>([
    ["公司名称", "company"],
    ["企业名称", "company"],
    ["单位名称", "company"],
    ["客户名称", "company"],
    ["联系人", "contactName"],
    ["姓名", "contactName"],
    ["手机", "phone"],
    ["手机号", "phone"],
    ["联系电话", "phone"],
    ["电话", "phone"],
    ["微信", "wechat"],
    ["邮箱", "email"],
    ["统一社会信用代码", "creditCode"],
    ["行业", "industry"],
    ["需求类型", "needDeal"],
    ["购买或租赁", "needDeal"],
    ["物业类型", "needKind"],
    ["需求面积", "needArea"],
    ["面积", "needArea"],
    ["单位", "needAreaUnit"],
    ["用途", "use"],
    ["项目内容", "use"],
    ["项目情况", "use"],
    ["预计税收", "expectedAnnualTax"],
    ["年税收", "expectedAnnualTax"],
    ["投资额", "investment"],
    ["总投资", "investment"],
    ["年产值", "annualOutput"],
    ["员工", "employees"],
    ["用工人数", "employees"],
    ["备注", "notes"],
    ["来源", "source"],
    ["线索来源", "source"],
    ["负责人", "owner"],
    ["招商专员", "owner"],
    ["跟进人", "owner"],
    ["阶段", "stage"],
    ["状态", "stage"],
    ["进展", "stage"],
    ["园区", "park"],
    ["房源", "listing"],
    ["日期", "createdAt"],
    ["登记日期", "createdAt"],
    ["收到时间", "createdAt"],
    ["创建时间", "createdAt"],
    ["最近跟进", "lastActivityAt"],
    ["签约日期", "signedAt"],
    ["签约面积", "signedArea"],
    ["签约税收", "signedAnnualTax"],
    ["流失原因", "lostReason"],
    ["Company Name", "company"],
    ["CONTACT", "contactName"],
    ["Mobile Phone", "phone"],
    ["E-mail", "email"],
    ["Lead source", "source"],
  ])("%s → %s", (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it("ignores width, case, spaces and required marks, and reads a unit in brackets", () => {
    expect(fieldOfHeader("　手 机 号＊")).toBe("phone");
    expect(fieldOfHeader("*公司名称：")).toBe("company");
    expect(fieldOfHeader("ＣＯＭＰＡＮＹ")).toBe("company");
    expect(fieldOfHeader("预计年税收（万元）")).toBe("expectedAnnualTax");
    expect(fieldOfHeader("投资额(万元)")).toBe("investment");
    expect(fieldOfHeader("需求面积（亩）")).toBe("needAreaMu");
    expect(fieldOfHeader("需求面积（㎡）")).toBe("needAreaSqm");
    expect(fieldOfHeader("Area (m²)")).toBe("needAreaSqm");
    expect(fieldOfHeader("签约面积（亩）")).toBe("signedAreaMu");
  });

  it("leaves alone what is no field: an index, a score, a ratio", () => {
    for (const header of ["序号", "准入评分", "亩均税收（万元/亩）", "媒介", "下次跟进", "", "No."])
      expect(fieldOfHeader(header)).toBeNull();
  });

  it.each([
    ["zh-CN", zhCN],
    ["en", en],
  ])("knows every header the app writes (%s): the inbox CSV and the 台账 workbook", (_locale, messages) => {
    const csv = messages.inbox.csv;
    const expected: [string, ImportField][] = [
      [csv.stage, "stage"],
      [csv.owner, "owner"],
      [csv.company, "company"],
      [csv.contact, "contactName"],
      [csv.phone, "phone"],
      [csv.deal, "needDeal"],
      [csv.kind, "needKind"],
      [csv.area, "needArea"],
      [csv.areaUnit, "needAreaUnit"],
      [csv.use, "use"],
      [csv.tax, "expectedAnnualTax"],
      [csv.investment, "investment"],
      [csv.source, "source"],
      [csv.listing, "listing"],
      [csv.park, "park"],
      [csv.received, "createdAt"],
      [csv.lastActivity, "lastActivityAt"],
    ];
    for (const [header, field] of expected) expect([header, fieldOfHeader(header)]).toEqual([header, field]);
    const sheet = messages.reportsExport.sheet.columns;
    const read = Object.fromEntries(projectColumns.map((column) => [column, fieldOfHeader(sheet[column])]));
    expect(read).toEqual({
      index: null,
      company: "company",
      industry: "industry",
      investment: "investment",
      tax: "expectedAnnualTax",
      needArea: "needArea",
      needAreaUnit: "needAreaUnit",
      stage: "stage",
      owner: "owner",
      source: "source",
      park: "park",
      received: "createdAt",
      lastActivity: "lastActivityAt",
      signedAt: "signedAt",
      signedArea: "signedArea",
      signedAreaUnit: "signedAreaUnit",
      signedTax: "signedAnnualTax",
      taxPerMu: null,
      units: null,
    });
  });
});

describe("proposing a mapping", () => {
  it("maps each recognised column once, first come first served", () => {
    expect(recogniseColumns(["序号", "公司名称", "手机", "电话", "需求面积（亩）", "面积"])).toEqual({
      "1": "company",
      "2": "phone",
      "4": "needAreaMu",
    });
  });

  it("lets the admin's remembered corrections win over recognition", () => {
    const mapping = recogniseColumns(["客户", "对接人", "电话", "项目"], { 客户: "notes", " 项目 ": "industry" });
    expect(mapping).toEqual({ "0": "notes", "1": "contactName", "2": "phone", "3": "industry" });
  });
});

describe("the mapping form", () => {
  const errors = (input: unknown) =>
    importMappingSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

  it("drops the columns not imported", () => {
    expect(importMappingSchema.parse({ "0": "company", "1": "", "2": "contactName", "3": "phone" })).toEqual({
      "0": "company",
      "2": "contactName",
      "3": "phone",
    });
  });

  it("refuses a field read from two columns, an area given twice in two units, and missing required fields", () => {
    expect(errors({ "0": "company", "1": "company", "2": "contactName", "3": "phone" })).toEqual([
      ["0", "fieldTwice"],
      ["1", "fieldTwice"],
    ]);
    expect(errors({ "0": "company", "1": "contactName", "2": "phone", "3": "needArea", "4": "needAreaMu" })).toEqual([
      ["3", "fieldTwice"],
      ["4", "fieldTwice"],
    ]);
    expect(errors({ "0": "company", "1": "contactName" })).toEqual([["", "requiredFields"]]);
    expect(errors({ "0": "company", "1": "contactName", "2": "phone", "3": "salary" })).toEqual([["3", "choice"]]);
    expect(errors({ x: "company" })?.[0]).toEqual(["x", "invalid"]);
  });
});
