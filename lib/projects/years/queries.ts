import "server-only";
import { Decimal } from "decimal.js";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import { parseStoredSetting } from "../../settings/queries";
import { PROJECT_READERS, projectsVisibleTo } from "../access";
import { evaluateYear, yardsticksOf } from "../evaluation";
import { shanghaiDay } from "../../calendar/shanghai-time";

/** The Shanghai calendar year of an instant. */
export const yearOf = (at: Date) => Number(shanghaiDay(at).slice(0, 4));

/** A year's figure as a percentage of the contract's promise, to one decimal; null without both. */
function share(actual: string | null, promised: string | null): number | null {
  if (actual === null || promised === null || new Decimal(promised).isZero()) return null;
  return new Decimal(actual).div(promised).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();
}

/**
 * The project's yearly actuals as its page shows them, newest year first: one row for every year from the
 * signing's to the current one (blank where nothing was recorded), each with its 亩均税收, 亩均产值, index and
 * class against the park's yardsticks (else the workspace's), and its tax, output and jobs as a share of the
 * contract's promise; beside them the 准入评分 the lead had at intake. Null outside the viewer's scope.
 */
export async function projectYears(db: Database, viewer: Viewer | null, projectId: string, now = new Date()) {
  assertRole(viewer, PROJECT_READERS, "read projects");
  const [project, stored] = await Promise.all([
    db.project.findFirst({
      where: { id: projectId, ...projectsVisibleTo(viewer) },
      select: {
        id: true,
        status: true,
        signedAt: true,
        intakeScore: true,
        annualOutput: true,
        annualTax: true,
        jobs: true,
        landMu: true,
        park: { select: { benchmarkTaxPerMu: true, benchmarkOutputPerMu: true } },
        years: { select: { year: true, output: true, tax: true, jobs: true } },
      },
    }),
    db.setting.findUnique({ where: { key: "delivery" }, select: { value: true } }),
  ]);
  if (!project) return null;
  const rules = parseStoredSetting("delivery", stored?.value);
  const yardsticks = yardsticksOf(rules, project.park);
  const landMu = project.landMu === null ? null : Number(project.landMu.toString());
  const promised = {
    output: project.annualOutput?.toString() ?? null,
    tax: project.annualTax?.toString() ?? null,
    jobs: project.jobs === null ? null : String(project.jobs),
  };
  const firstYear = yearOf(project.signedAt);
  const recorded = new Map(project.years.map((row) => [row.year, row]));
  const lastYear = Math.max(yearOf(now), ...recorded.keys());
  const rows = [];
  for (let year = lastYear; year >= Math.min(firstYear, ...recorded.keys()); year -= 1) {
    const row = recorded.get(year);
    const actual = {
      output: row?.output?.toString() ?? null,
      tax: row?.tax?.toString() ?? null,
      jobs: row?.jobs ?? null,
    };
    rows.push({
      year,
      recorded: row !== undefined,
      ...actual,
      evaluation: evaluateYear(
        rules,
        yardsticks,
        {
          tax: actual.tax === null ? null : Number(actual.tax),
          output: actual.output === null ? null : Number(actual.output),
        },
        landMu,
      ),
      shares: {
        output: share(actual.output, promised.output),
        tax: share(actual.tax, promised.tax),
        jobs: share(actual.jobs === null ? null : String(actual.jobs), promised.jobs),
      },
    });
  }
  return {
    projectId: project.id,
    terminated: project.status === "TERMINATED",
    firstYear,
    currentYear: yearOf(now),
    intakeScore: project.intakeScore,
    landMu: project.landMu?.toString() ?? null,
    promised,
    yardsticks: {
      ...yardsticks,
      parkTax: project.park?.benchmarkTaxPerMu != null,
      parkOutput: project.park?.benchmarkOutputPerMu != null,
    },
    rules: { taxWeight: rules.taxWeight, classA: rules.classA, classB: rules.classB, classC: rules.classC },
    rows,
  };
}
export type ProjectYears = NonNullable<Awaited<ReturnType<typeof projectYears>>>;
