import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../../forms/field-errors";
import { leadEditSchema } from "./schema";

const base = { leadId: "lead_1", version: "3" };

describe("the lead edit schema", () => {
  it("leaves absent fields out, clears blank ones and keeps amounts as exact decimal strings", () => {
    const parsed = leadEditSchema.parse({
      ...base,
      company: " 平湖精工有限公司 ",
      wechat: "  ",
      expectedAnnualTax: "1,260.5000",
      employees: "80",
      creditCode: "",
    });
    expect(parsed).toEqual({
      leadId: "lead_1",
      version: 3,
      company: "平湖精工有限公司",
      wechat: null,
      expectedAnnualTax: "1260.5",
      employees: 80,
      creditCode: null,
    });
  });

  it("names each bad field with a validation key", () => {
    const result = leadEditSchema.safeParse({
      ...base,
      contactName: "",
      wechat: "微信号",
      needArea: "12.345",
      needAreaUnit: "",
      investment: "1e5",
      annualOutput: "200000000",
      needDeal: "LEASE",
      notes: "x".repeat(5001),
    });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!)).toEqual({
      contactName: "required",
      wechat: "wechat",
      needArea: "decimals:2",
      investment: "amount",
      annualOutput: "tooBig:100000000",
      needDeal: "choice",
      notes: "tooLong:5000",
    });
  });

  it("reads amounts in 万元 as the inquiry form does, and refuses text the database cannot hold", () => {
    const parsed = leadEditSchema.parse({
      ...base,
      expectedAnnualTax: "3.5亿",
      investment: "１，２００",
      needArea: "１２００",
      employees: "1,000",
    });
    expect(parsed).toMatchObject({ expectedAnnualTax: "35000", investment: "1200", needArea: "1200", employees: 1000 });
    const result = leadEditSchema.safeParse({
      ...base,
      company: "\u3000\u200b",
      notes: "备注\u0000",
      industry: "\ud800",
      use: "用途\u202e",
    });
    expect(fieldErrorsOf(result.error!)).toEqual({
      company: "required",
      notes: "characters",
      industry: "characters",
      use: "characters",
    });
  });

  it("asks for the unit of an area", () => {
    const result = leadEditSchema.safeParse({ ...base, needArea: "2000", needAreaUnit: "" });
    expect(fieldErrorsOf(result.error!)).toEqual({ needAreaUnit: "choice" });
  });

  it("refuses a missing version and the phone, which is not edited here", () => {
    const result = leadEditSchema.safeParse({ leadId: "lead_1", phone: "13800000000" });
    expect(fieldErrorsOf(result.error!)).toEqual({ version: "invalid", phone: "unknownField" });
  });
});
