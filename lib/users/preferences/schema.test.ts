import { describe, expect, it } from "vitest";
import { workPhone } from "../../forms/fields";
import { preferencesSchema } from "./schema";

describe("the work phone", () => {
  const parse = (value: string) => workPhone().safeParse(value);

  it("keeps a mainland mobile as its 11 digits, however it was typed", () => {
    for (const typed of [
      "13812345678",
      "138 1234 5678",
      "+86 138-1234-5678",
      "0086 13812345678",
      "１３８１２３４５６７８",
    ])
      expect(parse(typed), typed).toEqual({ success: true, data: "13812345678" });
  });

  it("keeps a landline as area code and number: three-digit codes for 010 and 02x, four for the rest", () => {
    const cases: [string, string][] = [
      ["0571-88886666", "0571-88886666"],
      ["(0571) 8888 6666", "0571-88886666"],
      ["057188886666", "0571-88886666"],
      ["010-62345678", "010-62345678"],
      ["021 5123 4567", "021-51234567"],
      ["0573-8523456", "0573-8523456"],
    ];
    for (const [typed, kept] of cases) expect(parse(typed), typed).toEqual({ success: true, data: kept });
  });

  it("refuses anything else with the work phone message", () => {
    for (const typed of [
      "12345",
      "0571-0888666",
      "571-88886666",
      "1381234567",
      "0571-888866661",
      "tel:0571",
      "12812345678",
    ])
      expect(parse(typed).error?.issues[0].message, typed).toBe("workPhone");
  });
});

describe("own settings", () => {
  it("takes no user id: one only ever changes one's own", () => {
    const parsed = preferencesSchema.safeParse({ userId: "someone-else", emailTopics: [] });
    expect(parsed.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: ["userId"] });
  });

  it("accepts a blank work phone as none and only the known topics", () => {
    expect(preferencesSchema.parse({ workPhone: " ", emailTopics: ["digest"] })).toEqual({ emailTopics: ["digest"] });
    expect(preferencesSchema.safeParse({ emailTopics: ["gossip"] }).error?.issues[0].message).toBe("choice");
  });
});
