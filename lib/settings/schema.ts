import { z } from "zod";
import { cleanText, lengthOf } from "../forms/clean-text";
import { amount, isCalendarDay, isMissing } from "../forms/fields";

/*
 * Workspace settings an admin configures, one zod schema per section. Each section is stored as
 * one JSON value in the Setting table under its key, parsed with its schema on every read (absent
 * fields take their defaults), and edited by a form that validates with the same schema. Lists
 * arrive from forms as text (one entry a line, or separated by commas or 、) and are stored as arrays.
 * Error messages are i18n keys ("validation.<key>").
 */

export const SETTING_KEYS = ["assignment", "workingHours", "score", "inventory", "delivery"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const ASSIGNMENT_RULES = ["round_robin", "park_owner"] as const;
export type AssignmentRule = (typeof ASSIGNMENT_RULES)[number];

export const assignmentSettingsSchema = z.strictObject({
  /** park_owner falls back to round_robin when the park has no active owner who is not away */
  rule: z.enum(ASSIGNMENT_RULES, { error: "choice" }).default("round_robin"),
});

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function splitList(value: string | string[]): string[] {
  const items = Array.isArray(value) ? value : value.split(/[\n,，、;；]+/);
  return [...new Set(items.map((item) => item.trim()).filter(Boolean))];
}

/** Calendar days (YYYY-MM-DD), sorted and without repeats. */
function dayList(max: number) {
  return z.union([z.string(), z.array(z.string())], { error: "invalid" }).transform((value, ctx) => {
    const days = splitList(value);
    const bad = days.find((day) => !isCalendarDay(day));
    if (bad !== undefined) ctx.addIssue({ code: "custom", message: "date" });
    else if (days.length > max) ctx.addIssue({ code: "custom", message: `tooMany:${max}` });
    return days.sort();
  });
}

/** Words matched against a lead's industry and use, folded like the text they are matched with. */
function keywordList(max: number) {
  return z.union([z.string(), z.array(z.string())], { error: "invalid" }).transform((value, ctx) => {
    const cleaned = splitList(value).map((word) => cleanText(word.normalize("NFKC").toLowerCase()));
    const words = cleaned.flatMap((word) => (word.ok && word.value ? [word.value] : []));
    // Stored in jsonb, which refuses NUL like text does.
    if (cleaned.some((word) => !word.ok)) ctx.addIssue({ code: "custom", message: "characters" });
    else if (words.some((word) => lengthOf(word) > 30)) ctx.addIssue({ code: "custom", message: "tooLong:30" });
    else if (words.length > max) ctx.addIssue({ code: "custom", message: `tooMany:${max}` });
    return [...new Set(words)];
  });
}

const time = z.string({ error: "time" }).trim().regex(TIME, "time");
const minutesOf = (value: string) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5));

/** ISO weekdays: 1 Monday … 7 Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Working hours in Asia/Shanghai (fixed: the parks and their officers are there). */
export const workingHoursSettingsSchema = z
  .strictObject({
    days: z
      .array(z.coerce.number({ error: "choice" }).int("choice").min(1, "choice").max(7, "choice"), {
        error: "required",
      })
      .min(1, "required")
      .default([1, 2, 3, 4, 5])
      .transform((days) => [...new Set(days)].sort()),
    start: time.default("09:00"),
    end: time.default("18:00"),
    /** working hours from arrival until the first response is due */
    firstResponseHours: z.coerce
      .number({ error: "number" })
      .refine((value) => Number.isFinite(value), "number")
      .refine((value) => value > 0, "positive")
      .refine((value) => value <= 200, "tooBig:200")
      .default(4),
    /** public holidays (法定节假日) on working days */
    holidays: dayList(400).default([]),
    /** make-up working days (调休) that fall on a day off */
    workdays: dayList(100).default([]),
  })
  .refine((hours) => minutesOf(hours.end) > minutesOf(hours.start), { path: ["end"], message: "endBeforeStart" });

export const SCORE_FACTORS = [
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
] as const;
export type ScoreFactor = (typeof SCORE_FACTORS)[number];

/**
 * The county 100-point admission score (see shared DOMAIN): investment scale 17, intensity 17,
 * tax 16, land use 10, investor strength 10, then the 5-point criteria. Safety and planning need
 * documents a lead does not have yet; their 10 points go to output intensity, the other
 * standard-land criterion.
 */
export const DEFAULT_WEIGHTS: Record<ScoreFactor, number> = {
  investment: 17,
  intensity: 17,
  tax: 16,
  land: 10,
  investor: 10,
  output: 10,
  industry: 5,
  technology: 5,
  environment: 5,
  employment: 5,
};

/** The park's 主导产业; a lead whose industry or use names one is a fit. */
export const DEFAULT_PREFERRED_INDUSTRIES = [
  "智能制造",
  "高端装备",
  "电子信息",
  "半导体",
  "集成电路",
  "芯片",
  "生物医药",
  "医疗器械",
  "新材料",
  "新能源",
  "汽车零部件",
  "数字经济",
  "人工智能",
  "机器人",
  "软件",
  "研发",
  "smart manufacturing",
  "semiconductor",
  "biomed",
  "medical device",
  "new material",
  "new energy",
  "auto parts",
  "robot",
  "software",
];

/** Industries the park refuses outright (一票否决), as typical 负面清单 entries. */
export const DEFAULT_BANNED_INDUSTRIES = ["电镀", "印染", "制革", "炼焦"];

const weight = z.coerce.number({ error: "integer" }).int("integer").min(0, "tooSmall:0").max(100, "tooBig:100");

const weightsSchema = z
  .strictObject(
    Object.fromEntries(SCORE_FACTORS.map((factor) => [factor, weight.default(DEFAULT_WEIGHTS[factor])])) as Record<
      ScoreFactor,
      z.ZodDefault<typeof weight>
    >,
  )
  .default(DEFAULT_WEIGHTS)
  .superRefine((weights, ctx) => {
    const sum = SCORE_FACTORS.reduce(
      (total, factor) => total + (Number.isFinite(weights[factor]) ? weights[factor] : 0),
      0,
    );
    if (sum !== 100) ctx.addIssue({ code: "custom", message: `weightsSum:${sum}` });
  });

/** 万元 a year; blank means no minimum. */
const minimumTax = z.preprocess(
  (value) => (value === undefined || isMissing(value) ? null : value),
  amount({ max: 10_000_000 }).transform(Number).nullable(),
);

export const scoreSettingsSchema = z.strictObject({
  weights: weightsSchema,
  preferredIndustries: keywordList(100).default(DEFAULT_PREFERRED_INDUSTRIES),
  vetoes: z
    .strictObject({
      /** a lead whose industry or use contains one of these words scores 0 */
      bannedIndustries: keywordList(100).default(DEFAULT_BANNED_INDUSTRIES),
      /** a lead expecting less annual tax (万元) than this scores 0; null: no minimum */
      minExpectedTax: minimumTax.default(null),
    })
    .default({ bannedIndustries: DEFAULT_BANNED_INDUSTRIES, minExpectedTax: null }),
});

const wholeNumber = (min: number, max: number) =>
  z.coerce.number({ error: "integer" }).int("integer").min(min, `tooSmall:${min}`).max(max, `tooBig:${max}`);

/** Holds of units for leads (租控, lib/inventory/holds). */
export const inventorySettingsSchema = z.strictObject({
  /** days a hold lasts, and how far a renewal pushes it from the moment of renewing */
  holdDays: wholeNumber(1, 90).default(7),
  /** renewals an officer may make of one hold; beyond them only a manager renews */
  staffRenewals: wholeNumber(0, 10).default(2),
  /** hours before the expiry the holder is told "a hold you own expires tomorrow" */
  reminderHours: wholeNumber(1, 168).default(24),
});

/** 万元 a 亩 a year, a yardstick of 亩均论英雄. */
const perMu = (fallback: number) => amount({ max: 100_000 }).transform(Number).default(fallback);

/**
 * Delivery (履约, lib/projects): when a milestone warns, and the 亩均论英雄 rules. A project-year's index is
 * taxWeight% of its 亩均税收 over the yardstick plus the rest of its 亩均产值 over the yardstick, times 100; it
 * is class A at classA or more, B at classB, C at classC, D below. A park's own yardsticks (Park columns)
 * stand before the workspace's.
 */
export const deliverySettingsSchema = z
  .strictObject({
    /** days before a milestone's planned day that it shows as due soon (and the owner is told) */
    warnDays: wholeNumber(1, 180).default(30),
    taxPerMu: perMu(15),
    outputPerMu: perMu(300),
    /** percent of the index that 亩均税收 carries; 亩均产值 carries the rest */
    taxWeight: wholeNumber(0, 100).default(60),
    classA: wholeNumber(1, 1000).default(100),
    classB: wholeNumber(1, 1000).default(80),
    classC: wholeNumber(1, 1000).default(50),
  })
  .superRefine((rules, ctx) => {
    if (rules.classB >= rules.classA)
      ctx.addIssue({ code: "custom", path: ["classB"], message: `tooBig:${rules.classA - 1}` });
    if (rules.classC >= rules.classB)
      ctx.addIssue({ code: "custom", path: ["classC"], message: `tooBig:${rules.classB - 1}` });
  });

export type AssignmentSettings = z.output<typeof assignmentSettingsSchema>;
export type WorkingHoursSettings = z.output<typeof workingHoursSettingsSchema>;
export type ScoreSettings = z.output<typeof scoreSettingsSchema>;
export type AssignmentSettingsInput = z.input<typeof assignmentSettingsSchema>;
export type WorkingHoursSettingsInput = z.input<typeof workingHoursSettingsSchema>;
export type ScoreSettingsInput = z.input<typeof scoreSettingsSchema>;
export type InventorySettings = z.output<typeof inventorySettingsSchema>;
export type InventorySettingsInput = z.input<typeof inventorySettingsSchema>;
export type DeliverySettings = z.output<typeof deliverySettingsSchema>;
export type DeliverySettingsInput = z.input<typeof deliverySettingsSchema>;

export interface Settings {
  assignment: AssignmentSettings;
  workingHours: WorkingHoursSettings;
  score: ScoreSettings;
  inventory: InventorySettings;
  delivery: DeliverySettings;
}

export const settingSchemas = {
  assignment: assignmentSettingsSchema,
  workingHours: workingHoursSettingsSchema,
  score: scoreSettingsSchema,
  inventory: inventorySettingsSchema,
  delivery: deliverySettingsSchema,
} as const;

export const DEFAULT_SETTINGS: Settings = {
  assignment: assignmentSettingsSchema.parse({}),
  workingHours: workingHoursSettingsSchema.parse({}),
  score: scoreSettingsSchema.parse({}),
  inventory: inventorySettingsSchema.parse({}),
  delivery: deliverySettingsSchema.parse({}),
};
