import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseNumber } from "./numbers";

const WAN = { max: 100_000_000, decimals: 4, units: true };
const AREA = { max: 10_000_000, decimals: 2, exclusive: true };

describe("parseNumber: amounts in 万元 as people type them", () => {
  it.each([
    ["300", "300", false],
    ["300万", "300", false],
    ["300 万元", "300", false],
    ["1,200", "1200", true],
    ["１２００", "1200", true],
    ["１，２００．５", "1200.5", true],
    ["3.5亿", "35000", true],
    ["3.5千万", "3500", true],
    ["2百万元", "200", true],
    ["1,200.5", "1200.5", true],
    ["1.23456亿", "12345.6", true],
    ["0012", "12", false],
  ])("reads %s as %s 万元 (converted: %s)", (typed, value, understood) => {
    expect(parseNumber(typed, WAN)).toEqual({ ok: true, value, understood });
  });

  it.each([
    ["-5", "tooSmall:0"],
    ["－5", "tooSmall:0"],
    ["5元", "amount"],
    ["abc", "amount"],
    ["1.2.3", "amount"],
    ["1,2,00", "amount"],
    ["1e5", "amount"],
    ["+5", "amount"],
    ["3.5 万亿", "amount"],
    ["0.000000001亿", "decimals:4"],
    ["1.00001", "decimals:4"],
    ["2亿", "tooBig:10000"],
  ])("refuses %s with %s", (typed, error) => {
    const answer = parseNumber(typed, { ...WAN, max: 10_000 });
    expect(answer).toEqual({ ok: false, error });
  });

  it("takes JSON numbers exactly, and refuses what no column holds", () => {
    expect(parseNumber(0.1, WAN)).toEqual({ ok: true, value: "0.1", understood: false });
    expect(parseNumber(-0, WAN)).toEqual({ ok: true, value: "0", understood: false });
    expect(parseNumber(1e30, WAN)).toEqual({ ok: false, error: "tooBig:100000000" });
    expect(parseNumber(1e-7, WAN)).toEqual({ ok: false, error: "decimals:4" });
    expect(parseNumber(Number.NaN, WAN)).toEqual({ ok: false, error: "amount" });
    expect(parseNumber(Number.POSITIVE_INFINITY, WAN)).toEqual({ ok: false, error: "amount" });
    expect(parseNumber(-3, WAN)).toEqual({ ok: false, error: "tooSmall:0" });
  });

  it("refuses units where the field has none, and zero where it must be positive", () => {
    expect(parseNumber("300万", AREA)).toEqual({ ok: false, error: "number" });
    expect(parseNumber("0", AREA)).toEqual({ ok: false, error: "positive" });
    expect(parseNumber("12.345", AREA)).toEqual({ ok: false, error: "decimals:2" });
    expect(parseNumber("1e5", { max: 1_000_000, decimals: 0 })).toEqual({ ok: false, error: "integer" });
    expect(parseNumber("3.5", { max: 1_000_000, decimals: 0 })).toEqual({ ok: false, error: "integer" });
  });

  it("answers any text with a value that fits Decimal(16, 4) or a message, never anything else", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary" }), fc.stringMatching(/^[-0-9,.１２３万亿千元 ]{0,20}$/), fc.double()),
        (input) => {
          const answer = parseNumber(input, { ...WAN, max: 10_000_000 });
          if (answer.ok) {
            expect(answer.value).toMatch(/^\d{1,8}(\.\d{1,4})?$/);
            expect(Number(answer.value)).toBeLessThanOrEqual(10_000_000);
          } else expect(answer.error).toMatch(/^(amount|tooSmall:0|tooBig:10000000|decimals:4)$/);
        },
      ),
      { seed: 20261206, numRuns: 2000 },
    );
  });

  it("reads any well-formed grouped or full-width number as the plain one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 9999 }), (whole, fraction) => {
        const plain = `${whole}.${String(fraction).padStart(4, "0")}`;
        const grouped = `${whole.toLocaleString("en-US")}.${String(fraction).padStart(4, "0")}`;
        const fullWidth = [...grouped].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join("");
        const expected = parseNumber(plain, WAN);
        expect(parseNumber(grouped, WAN)).toMatchObject({ ok: true, value: expected.ok && expected.value });
        expect(parseNumber(fullWidth, WAN)).toMatchObject({ ok: true, value: expected.ok && expected.value });
      }),
      { seed: 20261206, numRuns: 500 },
    );
  });
});
