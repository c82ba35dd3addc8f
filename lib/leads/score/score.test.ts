import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, scoreSettingsSchema } from "../../settings/schema";
import { scoreLead, type LeadScoreFields } from "./score";

const settings = DEFAULT_SETTINGS.score;
const part = (fields: LeadScoreFields, key: string, config = settings) =>
  scoreLead(fields, config).parts.find((p) => p.key === key)!;

/** A strong land project: 50 亩, 2.5 亿 invested (500 万元/亩), 1500 万元 tax (30 万元/亩). */
const strong: LeadScoreFields = {
  needKind: "LAND",
  needArea: "50",
  needAreaUnit: "MU",
  investment: "25000",
  expectedAnnualTax: "1500",
  annualOutput: "60000",
  employees: 320,
  creditCode: "91330482MA2B3C4D5E",
  industry: null,
  use: "智能制造：工业机器人研发与生产",
};

describe("scoreLead", () => {
  it("scores a strong project high and explains every factor", () => {
    const breakdown = scoreLead(strong, settings);
    expect(breakdown.vetoed).toBe(false);
    expect(breakdown.parts.map((p) => p.key)).toEqual([
      "investment",
      "intensity",
      "tax",
      "land",
      "investor",
      "output",
      "industry",
      "technology",
      "environment",
      "employment",
    ]);
    expect(breakdown.parts.reduce((sum, p) => sum + p.weight, 0)).toBe(100);
    expect(part(strong, "intensity")).toMatchObject({ value: 500, basis: "perMu", points: 17 });
    expect(part(strong, "tax")).toMatchObject({ value: 30, basis: "perMu", points: 12.8 });
    expect(part(strong, "industry")).toMatchObject({ value: "智能制造", basis: "match", points: 5 });
    expect(part(strong, "investor")).toMatchObject({ value: "creditCode+investment+output", points: 10 });
    expect(breakdown.total).toBe(Math.round(breakdown.parts.reduce((sum, p) => sum + p.points, 0)));
    expect(breakdown.total).toBeGreaterThanOrEqual(90);
    expect(breakdown.total).toBeLessThanOrEqual(100);
  });

  it("gives missing data no points, with basis unknown", () => {
    const breakdown = scoreLead({}, settings);
    expect(breakdown.total).toBe(0);
    expect(breakdown.parts.every((p) => p.basis === "unknown" && p.points === 0 && p.value === null)).toBe(true);
  });

  it("uses 亩均税收 when the area is known, and the total tax otherwise", () => {
    // 2400 m² = 3.6 亩; 300 万元 / 3.6 亩 = 83.33 万元/亩, above the top grade.
    expect(part({ needArea: "2400", needAreaUnit: "SQM", expectedAnnualTax: "300" }, "tax")).toMatchObject({
      value: 83.33,
      basis: "perMu",
      points: 16,
    });
    // 8 万元/亩 meets the 标准地 threshold: half the weight.
    expect(part({ needArea: "10", needAreaUnit: "MU", expectedAnnualTax: "80" }, "tax")).toMatchObject({
      value: 8,
      points: 8,
    });
    expect(part({ needArea: "10", needAreaUnit: "MU", expectedAnnualTax: "79" }, "tax").points).toBe(4);
    expect(part({ expectedAnnualTax: "300" }, "tax")).toMatchObject({ value: 300, basis: "total", points: 9.6 });
    expect(part({ expectedAnnualTax: "0" }, "tax").points).toBe(0);
  });

  it("reads investment intensity against the 150 万元/亩 标准地 threshold", () => {
    expect(part({ needArea: "20", needAreaUnit: "MU", investment: "3000" }, "intensity")).toMatchObject({
      value: 150,
      points: 8.5,
    });
    expect(part({ needArea: "20", needAreaUnit: "MU", investment: "2900" }, "intensity").points).toBe(4.3);
    expect(part({ investment: "3000" }, "intensity").basis).toBe("unknown");
  });

  it("judges land in 亩 and buildings in m², whichever unit was typed", () => {
    expect(part({ needKind: "LAND", needArea: "6667", needAreaUnit: "SQM" }, "land")).toMatchObject({
      value: 10,
      basis: "mu",
      points: 10,
    });
    expect(part({ needKind: "LAND", needArea: "600", needAreaUnit: "MU" }, "land")).toMatchObject({ points: 1 });
    expect(part({ needKind: "FACTORY", needArea: "3", needAreaUnit: "MU" }, "land")).toMatchObject({
      value: 2000,
      basis: "sqm",
      points: 10,
    });
    expect(part({ needKind: "OFFICE", needArea: "300", needAreaUnit: "SQM" }, "land").points).toBe(3);
  });

  it("flags polluting processes and rewards technology words", () => {
    expect(part({ use: "汽车零部件铸造" }, "environment")).toMatchObject({
      value: "铸造",
      basis: "polluting",
      points: 0,
    });
    expect(part({ use: "服装仓储" }, "environment")).toMatchObject({ basis: "clean", points: 5 });
    expect(part({ use: "服装仓储" }, "technology")).toMatchObject({ basis: "noMatch", points: 0 });
    expect(part({ industry: "Semiconductor packaging", use: "" }, "technology")).toMatchObject({
      value: "semiconductor",
      points: 5,
    });
  });

  it("matches the park's preferred industries after folding 全角 and case", () => {
    const config = scoreSettingsSchema.parse({ preferredIndustries: "新能源、ＥＶ Battery" });
    expect(part({ use: "ev battery pack assembly" }, "industry", config)).toMatchObject({
      value: "ev battery",
      points: 5,
    });
    expect(part({ use: "智能制造" }, "industry", config).points).toBe(0);
  });

  it("vetoes a banned industry: total 0, vetoed, the word listed, the factors still shown", () => {
    const breakdown = scoreLead({ ...strong, use: "五金件电镀加工" }, settings);
    expect(breakdown).toMatchObject({ total: 0, vetoed: true, vetoes: [{ rule: "bannedIndustry", detail: "电镀" }] });
    expect(breakdown.parts.find((p) => p.key === "investment")!.points).toBeGreaterThan(0);
  });

  it("vetoes a tax below the configured minimum, but not an unknown tax", () => {
    const config = scoreSettingsSchema.parse({ vetoes: { bannedIndustries: [], minExpectedTax: "200" } });
    expect(scoreLead({ ...strong, expectedAnnualTax: "199.5" }, config)).toMatchObject({
      total: 0,
      vetoed: true,
      vetoes: [{ rule: "minExpectedTax", detail: "200" }],
    });
    expect(scoreLead({ ...strong, expectedAnnualTax: "200" }, config).vetoed).toBe(false);
    expect(scoreLead({ ...strong, expectedAnnualTax: null }, config).vetoed).toBe(false);
  });

  it("follows configured weights", () => {
    const weights = {
      investment: 100,
      intensity: 0,
      tax: 0,
      land: 0,
      investor: 0,
      output: 0,
      industry: 0,
      technology: 0,
      environment: 0,
      employment: 0,
    };
    const config = scoreSettingsSchema.parse({ weights });
    expect(scoreLead({ investment: "50000" }, config).total).toBe(100);
    expect(scoreLead({ investment: "1000", use: "智能制造", employees: 500 }, config).total).toBe(35);
  });

  it("keeps the total within 0–100 for any amounts", () => {
    for (const value of ["0", "0.0001", "1", "999999999", "12.5"]) {
      const fields = {
        needArea: value,
        needAreaUnit: "MU" as const,
        investment: value,
        expectedAnnualTax: value,
        annualOutput: value,
        employees: Number(value),
      };
      const { total } = scoreLead(fields, settings);
      expect(total).toBeGreaterThanOrEqual(0);
      expect(total).toBeLessThanOrEqual(100);
    }
  });
});

describe("score settings", () => {
  it("insist the weights add up to 100", () => {
    const result = scoreSettingsSchema.safeParse({ weights: { ...DEFAULT_SETTINGS.score.weights, tax: 10 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["weights", "weightsSum:94"],
    ]);
  });

  it("refuse negative or fractional weights, unknown factors and overlong words", () => {
    const result = scoreSettingsSchema.safeParse({
      weights: { ...DEFAULT_SETTINGS.score.weights, tax: -1, land: 1.5, luck: 5 },
      vetoes: { bannedIndustries: ["x".repeat(31)], minExpectedTax: "-3" },
    });
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(messages).toMatchObject({
      "weights.tax": "tooSmall:0",
      "weights.land": "integer",
      "vetoes.bannedIndustries": "tooLong:30",
      "vetoes.minExpectedTax": "tooSmall:0",
    });
    expect(result.error?.issues.some((issue) => issue.code === "unrecognized_keys")).toBe(true);
  });

  it("read lists typed as text, one per line or separated by commas or 、", () => {
    const parsed = scoreSettingsSchema.parse({
      vetoes: { bannedIndustries: "电镀\n印染, 制革、电镀", minExpectedTax: "" },
    });
    expect(parsed.vetoes).toEqual({ bannedIndustries: ["电镀", "印染", "制革"], minExpectedTax: null });
  });
});
