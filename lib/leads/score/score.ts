import type { Prisma } from "../../db/generated/client";
import { readSettings } from "../../settings/queries";
import { SCORE_FACTORS, type ScoreFactor, type ScoreSettings } from "../../settings/schema";
import { judges, SQM_PER_MU, type Basis, type ScoreInputs } from "./factors";

/*
 * 准入评分: an explainable 0–100 admission score, the way parks pre-screen a project. Each factor
 * (lib/leads/score/factors.ts) earns a share of its configured weight; a veto rule (一票否决) sets
 * the total to 0 whatever the factors say. The breakdown is stored beside the score
 * (Lead.scoreBreakdown) so the lead page shows how the number was reached.
 */

export interface ScorePart {
  key: ScoreFactor;
  weight: number;
  /** weight × share, to one decimal */
  points: number;
  /** what was measured (万元, 万元/亩, m², 亩, people), the matched word or the signals; null when unknown */
  value: number | string | null;
  basis: Basis;
}

export type VetoRule = "bannedIndustry" | "minExpectedTax";

export interface ScoreBreakdown {
  total: number;
  vetoed: boolean;
  /** bannedIndustry: the banned word found; minExpectedTax: the minimum in 万元 */
  vetoes: { rule: VetoRule; detail: string }[];
  parts: ScorePart[];
}

type Amount = number | string | { toString(): string } | null | undefined;

/** The lead fields the score reads (Prisma Decimals, strings and numbers all accepted). */
export interface LeadScoreFields {
  needKind?: "FACTORY" | "OFFICE" | "LAND" | null;
  needArea?: Amount;
  needAreaUnit?: "SQM" | "MU" | null;
  expectedAnnualTax?: Amount;
  investment?: Amount;
  annualOutput?: Amount;
  employees?: number | null;
  creditCode?: string | null;
  industry?: string | null;
  use?: string | null;
}

/** The columns to select for scoring, so every caller reads the same ones. */
export const SCORE_FIELDS = {
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  expectedAnnualTax: true,
  investment: true,
  annualOutput: true,
  employees: true,
  creditCode: true,
  industry: true,
  use: true,
} as const satisfies Prisma.LeadSelect;

function amount(value: Amount): number | null {
  if (value === null || value === undefined) return null;
  const number = Number(typeof value === "number" ? value : value.toString());
  return Number.isFinite(number) && number >= 0 ? number : null;
}

function inputsOf(lead: LeadScoreFields, settings: ScoreSettings): ScoreInputs {
  const area = amount(lead.needArea);
  const inMu = lead.needAreaUnit === "MU";
  const known = area !== null && area > 0 && lead.needAreaUnit;
  const land = lead.needKind === "LAND";
  return {
    investment: amount(lead.investment),
    tax: amount(lead.expectedAnnualTax),
    output: amount(lead.annualOutput),
    employees: typeof lead.employees === "number" && lead.employees >= 0 ? lead.employees : null,
    areaMu: known ? (inMu ? area : area / SQM_PER_MU) : null,
    // Land is judged in 亩 and buildings in m², whichever unit the investor typed.
    area: known
      ? land
        ? { value: inMu ? area : round(area / SQM_PER_MU, 2), unit: "mu" }
        : { value: inMu ? round(area * SQM_PER_MU, 0) : area, unit: "sqm" }
      : null,
    land,
    hasCreditCode: Boolean(lead.creditCode?.trim()),
    text: [lead.industry, lead.use].filter(Boolean).join(" ").normalize("NFKC").toLowerCase().trim(),
    preferredIndustries: settings.preferredIndustries,
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Scores a lead with the workspace's score settings. Pure: same fields and settings, same breakdown. */
export function scoreLead(lead: LeadScoreFields, settings: ScoreSettings): ScoreBreakdown {
  const inputs = inputsOf(lead, settings);
  const parts = SCORE_FACTORS.map((key): ScorePart => {
    const weight = settings.weights[key];
    const { share, value, basis } = judges[key](inputs);
    return { key, weight, points: round(weight * share, 1), value, basis };
  });

  const vetoes: ScoreBreakdown["vetoes"] = [];
  for (const word of settings.vetoes.bannedIndustries) {
    if (word && inputs.text.includes(word)) vetoes.push({ rule: "bannedIndustry", detail: word });
  }
  const minimum = settings.vetoes.minExpectedTax;
  // An unknown tax is not a veto: the tax factor already earns nothing for it.
  if (minimum !== null && inputs.tax !== null && inputs.tax < minimum)
    vetoes.push({ rule: "minExpectedTax", detail: String(minimum) });

  const sum = parts.reduce((total, part) => total + part.points, 0);
  const total = vetoes.length ? 0 : Math.min(100, Math.max(0, Math.round(sum)));
  return { total, vetoed: vetoes.length > 0, vetoes, parts };
}

/** The Lead columns a breakdown is stored in. */
export function scoreColumns(breakdown: ScoreBreakdown) {
  return {
    score: breakdown.total,
    scoreBreakdown: breakdown as unknown as Prisma.InputJsonValue,
    vetoed: breakdown.vetoed,
  };
}

/**
 * Re-scores one lead with the current settings, inside the caller's transaction; call it after
 * changing any field the score reads (need, amounts, employees, credit code, industry, use).
 * Null when there is no such lead.
 */
export async function rescoreLead(tx: Prisma.TransactionClient, leadId: string): Promise<ScoreBreakdown | null> {
  const lead = await tx.lead.findUnique({ where: { id: leadId }, select: SCORE_FIELDS });
  if (!lead) return null;
  const settings = await readSettings(tx);
  const breakdown = scoreLead(lead, settings.score);
  await tx.lead.update({ where: { id: leadId }, data: scoreColumns(breakdown) });
  return breakdown;
}
