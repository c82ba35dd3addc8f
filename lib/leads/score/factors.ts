import type { ScoreFactor } from "../../settings/schema";
import { SQM_PER_MU_ROUNDED } from "../../listings/units";

/*
 * How each admission-score factor is judged, as the share (0–1) of its weight a lead earns. The
 * thresholds follow how parks screen projects (shared DOMAIN, "How parks judge a project"):
 * 标准地 rules ask for fixed-asset investment of at least 150 万元/亩 and 亩均税收 of at least
 * 8 万元/亩, so meeting a threshold earns half and the grades above it earn the rest. A factor
 * whose data the lead does not carry earns nothing, with basis "unknown", so a sparse lead is
 * never scored as a good one.
 */

export const SQM_PER_MU = SQM_PER_MU_ROUNDED;

export type Basis =
  "unknown" | "total" | "perMu" | "mu" | "sqm" | "signals" | "match" | "noMatch" | "clean" | "polluting" | "count";

export interface Judgement {
  share: number;
  value: number | string | null;
  basis: Basis;
}

/** What the factors read, already converted: amounts in 万元, the area both in 亩 and as asked. */
export interface ScoreInputs {
  investment: number | null;
  tax: number | null;
  output: number | null;
  employees: number | null;
  areaMu: number | null;
  /** the area as the investor asked for it: 亩 for land, m² for factory and office space */
  area: { value: number; unit: "mu" | "sqm" } | null;
  land: boolean;
  hasCreditCode: boolean;
  /** industry and use, NFKC-folded and lower-cased; "" when neither is known */
  text: string;
  preferredIndustries: readonly string[];
}

type Tiers = readonly (readonly [minimum: number, share: number])[];

/** The share of the highest tier the value reaches; a positive value below every tier still earns `floor`. */
function tier(value: number, tiers: Tiers, floor = 0): number {
  for (const [minimum, share] of tiers) if (value >= minimum) return share;
  return value > 0 ? floor : 0;
}

/** 万元 of total investment; 1000 万元 is the usual bar of a 项目储备库. */
const INVESTMENT: Tiers = [
  [50_000, 1],
  [20_000, 0.85],
  [10_000, 0.7],
  [5_000, 0.55],
  [1_000, 0.35],
  [500, 0.2],
];
/** 万元 invested per 亩; 150 is the 标准地 threshold. */
const INTENSITY: Tiers = [
  [500, 1],
  [300, 0.8],
  [200, 0.65],
  [150, 0.5],
  [100, 0.25],
];
/** 万元 of tax a year per 亩 (亩均税收); 8 is the 标准地 threshold. */
const TAX_PER_MU: Tiers = [
  [50, 1],
  [30, 0.8],
  [15, 0.65],
  [8, 0.5],
  [4, 0.25],
];
/** 万元 of tax a year, when the area is not known. */
const TAX_TOTAL: Tiers = [
  [1_000, 1],
  [500, 0.8],
  [200, 0.6],
  [100, 0.4],
  [50, 0.2],
];
/** 万元 of output a year per 亩. */
const OUTPUT_PER_MU: Tiers = [
  [1_000, 1],
  [500, 0.75],
  [300, 0.5],
  [150, 0.25],
];
/** 万元 of output a year, when the area is not known. */
const OUTPUT_TOTAL: Tiers = [
  [100_000, 1],
  [20_000, 0.75],
  [5_000, 0.5],
  [1_000, 0.25],
];
const EMPLOYEES: Tiers = [
  [300, 1],
  [100, 0.8],
  [50, 0.6],
  [20, 0.4],
];

/**
 * Area wanted against what a park typically has to offer: a land parcel of 10–100 亩, factory or
 * office space of 1,000–10,000 m². Much smaller fragments the park's stock, much larger is rarely
 * available; both earn less. Bands are [from, to] inclusive.
 */
const LAND_BANDS: readonly (readonly [number, number, number])[] = [
  [10, 100, 1],
  [5, 200, 0.6],
  [2, 500, 0.3],
];
const FLOOR_BANDS: readonly (readonly [number, number, number])[] = [
  [1_000, 10_000, 1],
  [500, 30_000, 0.6],
  [200, 60_000, 0.3],
];

/** Words in an industry or use that suggest research, high technology or 专精特新. */
export const TECHNOLOGY_WORDS = [
  "研发",
  "高新",
  "专精特新",
  "专利",
  "芯片",
  "集成电路",
  "半导体",
  "人工智能",
  "软件",
  "算法",
  "机器人",
  "智能",
  "精密",
  "生物",
  "光电",
  "激光",
  "传感",
  "新材料",
  "r&d",
  "high-tech",
  "hi-tech",
  "patent",
  "chip",
  "semiconductor",
  "software",
  "robot",
  "laser",
  "sensor",
];

/** Processes that usually fail or delay an environmental assessment (环评); banned ones are vetoes instead. */
export const POLLUTING_WORDS = [
  "化工",
  "铸造",
  "喷涂",
  "喷漆",
  "酸洗",
  "冶炼",
  "熔炼",
  "造纸",
  "危废",
  "染料",
  "农药",
  "橡胶",
  "锻造",
  "发酵",
  "chemical",
  "foundry",
  "smelting",
  "pickling",
];

const unknown: Judgement = { share: 0, value: null, basis: "unknown" };
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const firstWord = (text: string, words: readonly string[]) => words.find((word) => word !== "" && text.includes(word));

export const judges: Record<ScoreFactor, (inputs: ScoreInputs) => Judgement> = {
  investment: ({ investment }) =>
    investment === null ? unknown : { share: tier(investment, INVESTMENT, 0.1), value: investment, basis: "total" },

  intensity: ({ investment, areaMu }) => {
    if (investment === null || !areaMu) return unknown;
    const perMu = investment / areaMu;
    return { share: tier(perMu, INTENSITY), value: round(perMu), basis: "perMu" };
  },

  tax: ({ tax, areaMu }) => {
    if (tax === null) return unknown;
    if (areaMu) return { share: tier(tax / areaMu, TAX_PER_MU), value: round(tax / areaMu), basis: "perMu" };
    return { share: tier(tax, TAX_TOTAL, 0.1), value: tax, basis: "total" };
  },

  land: ({ area, land }) => {
    if (!area) return unknown;
    const bands = land ? LAND_BANDS : FLOOR_BANDS;
    const band = bands.find(([from, to]) => area.value >= from && area.value <= to);
    return { share: band ? band[2] : 0.1, value: area.value, basis: area.unit };
  },

  investor: ({ hasCreditCode, investment, output }) => {
    if (!hasCreditCode && investment === null && output === null) return unknown;
    const signals: string[] = [];
    let share = 0;
    if (hasCreditCode) {
      signals.push("creditCode");
      share += 0.4;
    }
    if (investment !== null && investment >= 2_000) {
      signals.push("investment");
      share += investment >= 10_000 ? 0.3 : 0.15;
    }
    if (output !== null && output >= 2_000) {
      signals.push("output");
      share += output >= 10_000 ? 0.3 : 0.15;
    }
    return { share: round(share), value: signals.join("+"), basis: "signals" };
  },

  output: ({ output, areaMu }) => {
    if (output === null) return unknown;
    if (areaMu) return { share: tier(output / areaMu, OUTPUT_PER_MU), value: round(output / areaMu), basis: "perMu" };
    return { share: tier(output, OUTPUT_TOTAL, 0.1), value: output, basis: "total" };
  },

  industry: ({ text, preferredIndustries }) => {
    if (!text) return unknown;
    const word = firstWord(text, preferredIndustries);
    return word ? { share: 1, value: word, basis: "match" } : { share: 0, value: null, basis: "noMatch" };
  },

  technology: ({ text }) => {
    if (!text) return unknown;
    const word = firstWord(text, TECHNOLOGY_WORDS);
    return word ? { share: 1, value: word, basis: "match" } : { share: 0, value: null, basis: "noMatch" };
  },

  environment: ({ text }) => {
    if (!text) return unknown;
    const word = firstWord(text, POLLUTING_WORDS);
    return word ? { share: 0, value: word, basis: "polluting" } : { share: 1, value: null, basis: "clean" };
  },

  employment: ({ employees }) =>
    employees === null ? unknown : { share: tier(employees, EMPLOYEES, 0.2), value: employees, basis: "count" },
};
