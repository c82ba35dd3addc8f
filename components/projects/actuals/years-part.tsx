import { formatNumber, formatWan } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { ProjectYears } from "@/lib/projects/years/queries";
import styles from "./actuals.module.css";
import { YearEditor } from "./year-editor";

/**
 * The yearly actuals, newest year first, each with its 亩均税收, 亩均产值, index and class, and its figures as
 * a share of the contract's promise; above them the 准入评分 the lead had at intake, the land and the yardsticks,
 * so a manager can see whether the score foretold the delivery.
 */
export async function YearsPart({
  years,
  writable,
  locale,
}: {
  years: ProjectYears;
  writable: boolean;
  locale: Locale;
}) {
  const [t, messages] = await Promise.all([getTranslations("projectActuals.years"), getMessages()]);
  const number = (value: string | number, places = 4) => formatNumber(value, locale, places);
  const wan = (value: string | null) => (value === null ? t("notPromised") : formatWan(value, locale));
  const share = (value: number | null) =>
    value === null ? null : <span className={styles.share}>{t("ofPromise", { percent: `${number(value, 1)}%` })}</span>;
  const { yardsticks, rules, promised } = years;
  return (
    <div className={styles.part}>
      <h3 id="actuals-years-title">{t("title")}</h3>
      <dl className="specs" data-testid="years-context">
        <dt>{t("intakeScore")}</dt>
        <dd>{years.intakeScore ?? t("noScore")}</dd>
        <dt>{t("land")}</dt>
        <dd>{years.landMu === null ? t("noLand") : `${number(years.landMu)} ${messages.units.mu}`}</dd>
        <dt>{t("promise")}</dt>
        <dd>
          {t("promised", {
            output: wan(promised.output),
            tax: wan(promised.tax),
            jobs: promised.jobs === null ? t("notPromised") : t("jobsValue", { jobs: promised.jobs }),
          })}
        </dd>
      </dl>
      <p className="meta">
        {t("yardsticks", {
          tax: number(yardsticks.taxPerMu, 2),
          output: number(yardsticks.outputPerMu, 2),
          taxSource: yardsticks.parkTax ? t("parkSource") : t("workspaceSource"),
          outputSource: yardsticks.parkOutput ? t("parkSource") : t("workspaceSource"),
        })}
        <br />
        {t("rule", { ...rules, outputWeight: 100 - rules.taxWeight })}
      </p>
      <div className="table-wrap" role="region" aria-labelledby="actuals-years-title" tabIndex={0}>
        <table className="data-table" data-testid="project-years">
          <thead>
            <tr>
              <th scope="col">{t("year")}</th>
              <th scope="col">{t("output")}</th>
              <th scope="col">{t("tax")}</th>
              <th scope="col">{t("jobs")}</th>
              <th scope="col">{t("taxPerMu")}</th>
              <th scope="col">{t("outputPerMu")}</th>
              <th scope="col">{t("index")}</th>
              <th scope="col">{t("grade")}</th>
              {writable && <th scope="col">{t("actions")}</th>}
            </tr>
          </thead>
          <tbody>
            {years.rows.map((row) => {
              const { evaluation } = row;
              return (
                <tr key={row.year} data-year={row.year}>
                  <th scope="row">{row.year}</th>
                  {row.recorded ? (
                    <>
                      <td>
                        {row.output === null ? "—" : number(row.output)}
                        {share(row.shares.output)}
                      </td>
                      <td>
                        {row.tax === null ? "—" : number(row.tax)}
                        {share(row.shares.tax)}
                      </td>
                      <td>
                        {row.jobs === null ? "—" : number(row.jobs, 0)}
                        {share(row.shares.jobs)}
                      </td>
                    </>
                  ) : (
                    <td colSpan={3} className="meta">
                      {t("notRecorded")}
                    </td>
                  )}
                  <td>{evaluation.taxPerMu === null ? "—" : number(evaluation.taxPerMu, 2)}</td>
                  <td>{evaluation.outputPerMu === null ? "—" : number(evaluation.outputPerMu, 2)}</td>
                  <td>{evaluation.index === null ? "—" : number(evaluation.index, 1)}</td>
                  <td data-grade={evaluation.grade ?? ""}>
                    {evaluation.grade === null ? (
                      <span className="meta">{t("notGraded")}</span>
                    ) : (
                      <span className={`${styles.grade} ${styles[`grade-${evaluation.grade}`] ?? ""}`}>
                        {term(messages.vocabulary, "evaluationClass", evaluation.grade)}
                      </span>
                    )}
                  </td>
                  {writable && (
                    <td>
                      <YearEditor
                        projectId={years.projectId}
                        year={row.year}
                        output={row.output ?? ""}
                        tax={row.tax ?? ""}
                        jobs={row.jobs === null ? "" : String(row.jobs)}
                      />
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
