import type { DeliverySettings } from "../settings/schema";
import type { EvaluationClass } from "./types";

/*
 * 亩均论英雄: a project-year's 亩均税收 and 亩均产值 (万元 a 亩) set against the park's yardsticks. The index
 * is taxWeight% of 亩均税收 ÷ its yardstick plus the rest of 亩均产值 ÷ its yardstick, times 100; A at
 * classA or more, B at classB, C at classC, D below (lib/settings/schema.ts deliverySettingsSchema).
 * A year without land, or without either figure, is not classed: a D for a project whose land nobody typed in
 * would be a verdict on the data, not on the company.
 */

export interface Yardsticks {
  taxPerMu: number;
  outputPerMu: number;
}

export interface YearEvaluation {
  taxPerMu: number | null;
  outputPerMu: number | null;
  index: number | null;
  grade: EvaluationClass | null;
}

/** The park's own yardsticks where it has them, else the workspace's. */
export function yardsticksOf(
  rules: DeliverySettings,
  park: {
    benchmarkTaxPerMu: { toString(): string } | null;
    benchmarkOutputPerMu: { toString(): string } | null;
  } | null,
): Yardsticks {
  return {
    taxPerMu: park?.benchmarkTaxPerMu != null ? Number(park.benchmarkTaxPerMu.toString()) : rules.taxPerMu,
    outputPerMu: park?.benchmarkOutputPerMu != null ? Number(park.benchmarkOutputPerMu.toString()) : rules.outputPerMu,
  };
}

function classOf(rules: Pick<DeliverySettings, "classA" | "classB" | "classC">, index: number): EvaluationClass {
  if (index >= rules.classA) return "A";
  if (index >= rules.classB) return "B";
  if (index >= rules.classC) return "C";
  return "D";
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** One project-year, from its tax and output (万元) and its land (亩). */
export function evaluateYear(
  rules: DeliverySettings,
  yardsticks: Yardsticks,
  year: { tax: number | null; output: number | null },
  landMu: number | null,
): YearEvaluation {
  if (!landMu || landMu <= 0) return { taxPerMu: null, outputPerMu: null, index: null, grade: null };
  const taxPerMu = year.tax === null ? null : round(year.tax / landMu, 2);
  const outputPerMu = year.output === null ? null : round(year.output / landMu, 2);
  if (taxPerMu === null || outputPerMu === null || yardsticks.taxPerMu <= 0 || yardsticks.outputPerMu <= 0)
    return { taxPerMu, outputPerMu, index: null, grade: null };
  const weight = rules.taxWeight / 100;
  const index = round(
    100 * (weight * (taxPerMu / yardsticks.taxPerMu) + (1 - weight) * (outputPerMu / yardsticks.outputPerMu)),
    1,
  );
  return { taxPerMu, outputPerMu, index, grade: classOf(rules, index) };
}
