import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../forms/field-errors";
import { inquirySchema, type InquiryInput } from "./schema";

const valid: InquiryInput = {
  need: { deal: "buy", kind: "factory", area: 2400, areaUnit: "sqm" },
  use: "智能制造：工业机器人减速器生产",
  expectedAnnualTax: 300,
  company: "上海某某精密机械有限公司",
  contactName: "王先生",
  phone: "13812345678",
  consent: true,
};

function errorsOf(input: unknown) {
  const result = inquirySchema.safeParse(input);
  if (result.success) return {};
  return fieldErrorsOf(result.error);
}

describe("inquirySchema", () => {
  it("accepts the six required things plus consent", () => {
    const parsed = inquirySchema.parse(valid);
    expect(parsed.phone).toBe("13812345678");
    expect(parsed.expectedAnnualTax).toBe("300");
    expect(parsed.need.area).toBe("2400");
  });

  it.each([
    ["+86 138 1234 5678", "13812345678"],
    ["+8613812345678", "13812345678"],
    ["0086-138-1234-5678", "13812345678"],
    ["8613812345678", "13812345678"],
    ["199 0000 1111", "19900001111"],
  ])("normalises the mainland mobile %s", (phone, expected) => {
    expect(inquirySchema.parse({ ...valid, phone }).phone).toBe(expected);
  });

  it.each([
    "12812345678",
    "1381234567",
    "138123456789",
    "+85291234567",
    "021-12345678",
    "abcdefghijk",
    "+86 128 1234 5678",
  ])("rejects %s as a phone with a specific message", (phone) => {
    expect(errorsOf({ ...valid, phone })).toEqual({ phone: "phone" });
  });

  it("says a missing field is required, not malformed", () => {
    const { phone: _phone, company: _company, ...rest } = valid;
    expect(errorsOf(rest)).toEqual({ phone: "required", company: "required" });
    expect(errorsOf({ ...valid, phone: "", company: "   " })).toEqual({ phone: "required", company: "required" });
  });

  it("requires consent to be exactly true, never assumed", () => {
    expect(errorsOf({ ...valid, consent: false })).toEqual({ consent: "consent" });
    expect(errorsOf({ ...valid, consent: "true" })).toEqual({ consent: "consent" });
    const { consent: _consent, ...withoutConsent } = valid;
    expect(errorsOf(withoutConsent)).toEqual({ consent: "consent" });
  });

  it("keeps amounts exact as decimal strings, from numbers or text", () => {
    const parsed = inquirySchema.parse({
      ...valid,
      expectedAnnualTax: "1,234.5678",
      investment: 0.1,
      annualOutput: "0012",
    });
    expect(parsed.expectedAnnualTax).toBe("1234.5678");
    expect(parsed.investment).toBe("0.1");
    expect(parsed.annualOutput).toBe("12");
  });

  it.each([
    [-1, "tooSmall:0"],
    ["-5", "tooSmall:0"],
    ["12.34567", "decimals:4"],
    ["abc", "amount"],
    [Number.NaN, "amount"],
    [10_000_001, "tooBig:10000000"],
    ["1e5", "amount"],
    ["5元", "amount"],
    ["1,2,00", "amount"],
    ["1.2.3", "amount"],
    ["1001亿", "tooBig:10000000"],
  ])("rejects the tax amount %s with %s", (expectedAnnualTax, key) => {
    expect(errorsOf({ ...valid, expectedAnnualTax })).toEqual({ expectedAnnualTax: key });
  });

  it.each([
    ["300万", "300"],
    ["300 万元", "300"],
    ["１２００", "1200"],
    ["3.5亿", "35000"],
    ["3.5千万", "3500"],
    ["1,200.5", "1200.5"],
  ])("reads the tax amount %s as %s 万元", (expectedAnnualTax, stored) => {
    expect(inquirySchema.parse({ ...valid, expectedAnnualTax }).expectedAnnualTax).toBe(stored);
  });

  it("says blank is required, whatever the width of its spaces or invisible characters", () => {
    expect(errorsOf({ ...valid, company: "\u3000\u200b", use: "\u00a0\ufeff\u2060", contactName: "\u180e" })).toEqual({
      company: "required",
      use: "required",
      contactName: "required",
    });
  });

  it("refuses text PostgreSQL would refuse or that reads differently from what it holds", () => {
    expect(
      errorsOf({
        ...valid,
        company: "上海\u0000公司",
        contactName: "王\ud800",
        use: "生产\u202e用途",
        message: "a\u0007b",
      }),
    ).toEqual({
      company: "characters",
      contactName: "characters",
      use: "characters",
      message: "characters",
    });
    expect(inquirySchema.parse({ ...valid, message: "第一行\r\n第二行\t完" }).message).toBe("第一行\n第二行\t完");
  });

  it("allows zero expected tax (a start-up may have none yet) but not a zero area", () => {
    expect(inquirySchema.parse({ ...valid, expectedAnnualTax: 0 }).expectedAnnualTax).toBe("0");
    expect(errorsOf({ ...valid, need: { ...valid.need, area: 0 } })).toEqual({ "need.area": "positive" });
  });

  it("validates the need's choices", () => {
    expect(
      errorsOf({ ...valid, need: { ...valid.need, deal: "lease", kind: "shop", areaUnit: "acre", timeline: "soon" } }),
    ).toEqual({
      "need.deal": "choice",
      "need.kind": "choice",
      "need.areaUnit": "choice",
      "need.timeline": "choice",
    });
    expect(errorsOf({ ...valid, need: undefined })).toEqual({ need: "required" });
  });

  it("bounds every text field", () => {
    expect(errorsOf({ ...valid, company: "A" })).toEqual({ company: "tooShort:2" });
    expect(errorsOf({ ...valid, company: "公".repeat(101) })).toEqual({ company: "tooLong:100" });
    expect(errorsOf({ ...valid, use: "x".repeat(501) })).toEqual({ use: "tooLong:500" });
    expect(errorsOf({ ...valid, contactName: "x".repeat(51) })).toEqual({ contactName: "tooLong:50" });
    expect(errorsOf({ ...valid, message: "x".repeat(2001) })).toEqual({ message: "tooLong:2000" });
  });

  it("stores text as typed, only trimmed", () => {
    const parsed = inquirySchema.parse({
      ...valid,
      company: "  <b>公司</b> & Co.  ",
      message: "<script>alert(1)</script>",
    });
    expect(parsed.company).toBe("<b>公司</b> & Co.");
    expect(parsed.message).toBe("<script>alert(1)</script>");
  });

  it("checks optional extras only when given", () => {
    const blanks = {
      ...valid,
      wechat: "",
      email: "",
      investment: "",
      employees: "",
      powerKva: "",
      creditCode: "",
      message: "",
    };
    expect(inquirySchema.parse(blanks).email).toBeUndefined();
    expect(
      errorsOf({
        ...valid,
        email: "not-an-email",
        wechat: "a b",
        employees: "3.5",
        powerKva: -1,
        creditCode: "91110108551385082A",
      }),
    ).toEqual({
      email: "email",
      wechat: "wechat",
      employees: "integer",
      powerKva: "tooSmall:0",
      creditCode: "creditCode",
    });
  });

  it("accepts a valid unified social credit code in any case", () => {
    expect(inquirySchema.parse({ ...valid, creditCode: "91110108551385082q" }).creditCode).toBe("91110108551385082Q");
  });

  it("rejects unknown fields, at the top and inside need", () => {
    expect(errorsOf({ ...valid, isAdmin: true, need: { ...valid.need, floor: 3 } })).toEqual({
      isAdmin: "unknownField",
      "need.floor": "unknownField",
    });
  });

  it("rejects a malformed listing id", () => {
    expect(errorsOf({ ...valid, listingId: "../../etc" })).toEqual({ listingId: "invalid" });
  });
});
