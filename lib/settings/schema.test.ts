import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, SETTING_KEYS, settingSchemas, workingHoursSettingsSchema } from "./schema";

describe("settings schemas", () => {
  it("fill every section from nothing with the documented defaults", () => {
    expect(DEFAULT_SETTINGS.assignment).toEqual({ rule: "round_robin" });
    expect(DEFAULT_SETTINGS.workingHours).toEqual({
      days: [1, 2, 3, 4, 5],
      start: "09:00",
      end: "18:00",
      firstResponseHours: 4,
      holidays: [],
      workdays: [],
    });
    expect(Object.values(DEFAULT_SETTINGS.score.weights).reduce((sum, weight) => sum + weight, 0)).toBe(100);
    expect(DEFAULT_SETTINGS.score.vetoes.minExpectedTax).toBeNull();
    expect(DEFAULT_SETTINGS.inventory).toEqual({ holdDays: 7, staffRenewals: 2, reminderHours: 24 });
  });

  it("keep the hold rules within their bounds", () => {
    const result = settingSchemas.inventory.safeParse({ holdDays: "0", staffRenewals: "11", reminderHours: "1.5" });
    expect(result.success ? {} : result.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["holdDays", "tooSmall:1"],
      ["staffRenewals", "tooBig:10"],
      ["reminderHours", "integer"],
    ]);
  });

  it("accept their own output again unchanged, as the server does after the form's resolver", () => {
    const fromForm = {
      workingHours: {
        days: ["5", "1", "3", "3"],
        start: "08:30",
        end: "17:00",
        firstResponseHours: "2.5",
        holidays: "2026-10-02\n2026-10-01",
        workdays: "",
      },
      score: {
        weights: DEFAULT_SETTINGS.score.weights,
        preferredIndustries: "新能源，新材料",
        vetoes: { bannedIndustries: "电镀", minExpectedTax: "50" },
      },
      assignment: { rule: "park_owner" },
      inventory: { holdDays: "14", staffRenewals: "0", reminderHours: "48" },
      delivery: {
        warnDays: "15",
        taxPerMu: "20.5",
        outputPerMu: "400",
        taxWeight: "50",
        classA: "120",
        classB: "90",
        classC: "60",
      },
    };
    for (const key of SETTING_KEYS) {
      const once = settingSchemas[key].parse(fromForm[key]);
      expect(settingSchemas[key].parse(once)).toEqual(once);
    }
    expect(workingHoursSettingsSchema.parse(fromForm.workingHours)).toMatchObject({
      days: [1, 3, 5],
      firstResponseHours: 2.5,
      holidays: ["2026-10-01", "2026-10-02"],
      workdays: [],
    });
  });

  it("name the field of each mistake", () => {
    const result = workingHoursSettingsSchema.safeParse({
      days: ["8"],
      start: "24:00",
      end: "7:00",
      firstResponseHours: "abc",
      workdays: ["2026-13-01"],
    });
    const errors = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(errors).toEqual({
      "days.0": "choice",
      start: "time",
      end: "time",
      firstResponseHours: "number",
      workdays: "date",
    });
  });
});
