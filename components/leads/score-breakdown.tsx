import { formatNumber, formatWan } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/messages";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { ScoreBreakdown, ScorePart } from "@/lib/leads/score/score";
import styles from "./score-breakdown.module.css";

type Translate = Awaited<ReturnType<typeof getTranslations<"rules">>>;

/** Lead.scoreBreakdown is stored JSON: show it only when it has the shape this component knows. */
function isBreakdown(value: unknown): value is ScoreBreakdown {
  if (!value || typeof value !== "object") return false;
  const candidate = value as Partial<ScoreBreakdown>;
  return typeof candidate.total === "number" && Array.isArray(candidate.parts) && Array.isArray(candidate.vetoes);
}

function basisText(part: ScorePart, t: Translate, locale: Locale): string {
  const { value, basis } = part;
  const number = typeof value === "number" ? value : Number(value);
  switch (basis) {
    case "unknown":
    case "noMatch":
    case "clean":
      return t(`breakdown.basis.${basis}`);
    case "total":
    case "perMu":
      return t(`breakdown.basis.${basis}`, { amount: formatWan(number, locale) });
    case "mu":
    case "sqm":
    case "count":
      return t(`breakdown.basis.${basis}`, { value: formatNumber(number, locale) });
    case "match":
    case "polluting":
      return t(`breakdown.basis.${basis}`, { value: String(value) });
    case "signals": {
      const signals = String(value ?? "")
        .split("+")
        .filter(Boolean) as ("creditCode" | "investment" | "output")[];
      if (signals.length === 0) return t("breakdown.signals.none");
      return signals.map((signal) => t(`breakdown.signals.${signal}`)).join(locale === "en" ? ", " : "、");
    }
  }
}

/**
 * The admission score of a lead and how it was reached: the total, any veto, and each factor's
 * points out of its weight with what it was judged on. A server component: it reads the request's locale.
 */
export async function ScoreBreakdownView({
  breakdown,
  headingLevel = 2,
}: {
  /** Lead.scoreBreakdown as stored (null before the lead was scored) */
  breakdown: unknown;
  headingLevel?: 2 | 3;
}) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("rules")]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  if (!isBreakdown(breakdown)) {
    return (
      <section className={styles.score} aria-label={t("breakdown.title")}>
        <Heading>{t("breakdown.title")}</Heading>
        <p className={styles.muted}>{t("breakdown.notScored")}</p>
      </section>
    );
  }
  const factors = messages.rules.score.factors;
  return (
    <section className={styles.score} aria-label={t("breakdown.title")} data-score={breakdown.total}>
      <Heading>{t("breakdown.title")}</Heading>
      <p className={styles.total}>
        <strong>{t("breakdown.total", { total: breakdown.total })}</strong>
        <span className={styles.muted}>{t("breakdown.outOf")}</span>
      </p>
      {breakdown.vetoed && (
        <div className={styles.veto} role="note" data-vetoed="true">
          <strong>{t("breakdown.vetoed")}</strong>
          <ul>
            {breakdown.vetoes.map((veto) => (
              <li key={`${veto.rule}:${veto.detail}`}>
                {veto.rule === "minExpectedTax"
                  ? t("breakdown.vetoes.minExpectedTax", { amount: formatWan(veto.detail, locale) })
                  : t("breakdown.vetoes.bannedIndustry", { detail: veto.detail })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="table-wrap">
        <table className={`data-table${breakdown.vetoed ? ` ${styles.vetoedParts}` : ""}`}>
          <thead>
            <tr>
              <th scope="col">{t("breakdown.factor")}</th>
              <th scope="col">{t("breakdown.basisColumn")}</th>
              <th scope="col" className={styles.points}>
                {t("breakdown.points")}
              </th>
            </tr>
          </thead>
          <tbody>
            {breakdown.parts.map((part) => (
              <tr key={part.key} data-factor={part.key}>
                <th scope="row">{factors[part.key] ?? part.key}</th>
                <td className={part.basis === "unknown" ? styles.unknown : undefined}>{basisText(part, t, locale)}</td>
                <td className={styles.points}>
                  {t("breakdown.pointsOf", { points: formatNumber(part.points, locale, 1), weight: part.weight })}
                  <span className={styles.bar} aria-hidden="true">
                    <span style={{ width: `${part.weight ? Math.min(100, (part.points / part.weight) * 100) : 0}%` }} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
