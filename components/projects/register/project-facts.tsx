import Link from "next/link";
import { formatArea, formatDate, formatNumber, formatWan } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { ProjectHeader } from "@/lib/projects/register/queries";

/**
 * The project page's header: who and where, the lead it came from, 解约 if it happened, then the investor's
 * intake figures beside the contract's commitments and the units signed for.
 */
export async function ProjectFacts({ project }: { project: ProjectHeader }) {
  const [locale, messages, t] = await Promise.all([getLocale(), getMessages(), getTranslations("projects.page")]);
  const text = messages.projects.page;
  const none = text.compare.none;
  const wan = (value: string | null) => (value === null ? none : formatWan(value, locale));
  const count = (value: number | null) => (value === null ? none : formatNumber(value, locale));
  const { intake } = project.lead;
  const rows: [string, string, string][] = [
    [text.compare.investment, wan(intake.investment), wan(project.commitments.totalInvestment)],
    [text.compare.annualOutput, wan(intake.annualOutput), wan(project.commitments.annualOutput)],
    [text.compare.annualTax, wan(intake.expectedAnnualTax), wan(project.commitments.annualTax)],
    [text.compare.jobs, count(intake.employees), count(project.commitments.jobs)],
    [
      text.compare.area,
      intake.needArea && intake.needAreaUnit
        ? formatArea(intake.needArea, intake.needAreaUnit, locale, messages)
        : none,
      project.commitments.landMu ? formatArea(project.commitments.landMu, "MU", locale, messages) : none,
    ],
  ];
  const facts: [string, React.ReactNode][] = [
    [text.status, term(messages.vocabulary, "projectStatus", project.status)],
    [text.signedAt, formatDate(project.signedAt, locale)],
    [text.park, project.park ? localized(locale, project.park.name, project.park.nameEn) : none],
    [text.owner, project.owner?.name ?? messages.projects.list.noOwner],
    [
      text.lead,
      <Link key="lead" href={`/crm/leads/${project.lead.id}`}>
        {project.lead.company ?? text.leadErased}
      </Link>,
    ],
    [text.intakeScore, project.intakeScore === null ? none : formatNumber(project.intakeScore, locale)],
  ];
  return (
    <>
      <dl className="specs" data-testid="project-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {project.terminatedAt && (
        <p className="notice" data-testid="project-terminated">
          {t("terminated", {
            date: formatDate(project.terminatedAt, locale),
            by: project.terminatedBy ?? none,
            reason: project.terminationReason ?? none,
          })}
        </p>
      )}
      <section className="panel" aria-labelledby="compare-title">
        <h2 id="compare-title">{text.compare.title}</h2>
        <div className="table-wrap" role="region" aria-labelledby="compare-title" tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">{text.compare.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{text.compare.item}</th>
                <th scope="col">{text.compare.intake}</th>
                <th scope="col">{text.compare.contract}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([label, before, after]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{before}</td>
                  <td>{after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="panel" aria-labelledby="units-title">
        <h2 id="units-title">{text.units.title}</h2>
        {project.units.length === 0 ? (
          <p>{text.units.empty}</p>
        ) : (
          <div className="table-wrap" role="region" aria-labelledby="units-title" tabIndex={0}>
            <table className="data-table" data-testid="project-units">
              <thead>
                <tr>
                  <th scope="col">{text.units.building}</th>
                  <th scope="col">{text.units.number}</th>
                  <th scope="col">{text.units.area}</th>
                  <th scope="col">{text.units.status}</th>
                </tr>
              </thead>
              <tbody>
                {project.units.map((unit) => (
                  <tr key={unit.id}>
                    <th scope="row">
                      <Link href={`/crm/inventory/buildings/${unit.building.id}`}>
                        {localized(locale, unit.building.name, unit.building.nameEn)}
                      </Link>
                    </th>
                    <td>{unit.number}</td>
                    <td>{formatArea(unit.area, unit.areaUnit, locale, messages)}</td>
                    <td>{term(messages.vocabulary, "unitStatus", unit.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
