import { describe, expect, it } from "vitest";
import { companyKey } from "./company-key";

describe("companyKey", () => {
  it("folds 有限责任公司 and 股份有限公司, with or without brackets, to 有限公司", () => {
    const key = companyKey("上海某某电机有限公司");
    expect(key).toBe("上海某某电机有限公司");
    expect(companyKey("上海某某电机有限责任公司")).toBe(key);
    expect(companyKey("上海某某电机股份有限公司")).toBe(key);
    expect(companyKey("上海某某电机（股份）有限公司")).toBe(key);
    expect(companyKey("上海某某电机(股份)有限公司")).toBe(key);
    expect(companyKey("上海某某电机有限責任公司")).toBe(key);
  });

  it("turns 全角 letters, digits and brackets into 半角 and lower case", () => {
    expect(companyKey("ＡＢＣ智能（平湖）有限公司")).toBe("abc智能(平湖)有限公司");
    expect(companyKey("abc智能(平湖)有限公司")).toBe("abc智能(平湖)有限公司");
    expect(companyKey("【ＡＢＣ】智能１号有限公司")).toBe("(abc)智能1号有限公司");
  });

  it("removes every kind of space, the ideographic one and zero-width ones included", () => {
    expect(companyKey(" 上海 某某\u3000电机\t有限\n公司\u200b ")).toBe("上海某某电机有限公司");
  });

  it("folds the English legal suffixes to one", () => {
    const key = companyKey("Acme Motors Co., Ltd.");
    expect(key).toBe("acmemotorsltd");
    expect(companyKey("ACME MOTORS CO.,LTD")).toBe(key);
    expect(companyKey("Acme Motors Company Limited")).toBe(key);
    expect(companyKey("Acme Motors Ltd")).toBe(key);
  });

  it("keeps names that differ in substance apart", () => {
    expect(companyKey("上海某某电机有限公司")).not.toBe(companyKey("上海某某电器有限公司"));
    expect(companyKey("某某（中国）有限公司")).not.toBe(companyKey("某某有限公司"));
    expect(companyKey("Lttd Co")).toBe("lttdco");
  });
});
