"use client";
import { useEffect, useId, useState, useTransition } from "react";
import { useLocale, useTranslations } from "use-intl";
import { formatDayTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/messages";
import { holdUnitsAction } from "@/lib/inventory/holds/actions";
import type { TakenUnit } from "@/lib/inventory/holds/mutations";
import { pickLeadsAction } from "@/lib/leads/picker/actions";
import type { PickedLead } from "@/lib/leads/picker/queries";
import styles from "./inventory.module.css";
import { useRefusal, type Refusal } from "./refusal";

/**
 * Holding the selected vacant units for a lead: a search over the leads the viewer may work (company, contact,
 * mobile; the viewer's own leads before anything is typed), then one hold of all of them. When another officer
 * got there first nothing is held, and each taken unit says who holds it, for which company, until when.
 */
export function HoldForLead({ unitIds, onHeld }: { unitIds: string[]; onHeld: (text: string) => void }) {
  const t = useTranslations("inventory.grid");
  const status = useTranslations("vocabulary.unitStatus");
  const locale = useLocale() as Locale;
  const refusal = useRefusal();
  const id = useId();
  const [query, setQuery] = useState("");
  const [leads, setLeads] = useState<PickedLead[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [leadId, setLeadId] = useState<string | null>(null);
  // Kept as the answer, put into words when shown, so the search effect needs nothing but the query.
  const [problem, setProblem] = useState<Refusal | "chooseLead" | null>(null);
  const [taken, setTaken] = useState<TakenUnit[]>([]);
  const [pending, startTransition] = useTransition();

  // Asks as the officer types, a moment after the last key; an answer to an older query is dropped.
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      setSearching(true);
      const answer = await pickLeadsAction({ q: query });
      if (!current) return;
      setSearching(false);
      if (answer.ok) setLeads(answer.leads);
      else setProblem(answer);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query]);

  const hold = () => {
    const lead = leads?.find((candidate) => candidate.id === leadId);
    if (!lead) {
      setProblem("chooseLead");
      return;
    }
    startTransition(async () => {
      const answer = await holdUnitsAction({ leadId: lead.id, unitIds });
      setTaken([]);
      setProblem(null);
      if (answer.ok) {
        const until = answer.held[0]?.expiresAt;
        onHeld(
          t("heldDone", {
            company: lead.company,
            count: answer.held.length,
            time: until ? formatDayTime(until, locale) : "",
          }),
        );
      } else if ("taken" in answer) setTaken(answer.taken);
      else setProblem(answer);
    });
  };

  return (
    <section aria-labelledby={`${id}-title`} className={styles.panel}>
      <h3 id={`${id}-title`}>{t("holdTitle")}</h3>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t("searchLead")}</label>
        <input id={`${id}-q`} type="search" maxLength={100} value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      {searching && <p className="meta">{t("searching")}</p>}
      {leads !== null && leads.length === 0 && !searching && <p className="meta">{t("noLeads")}</p>}
      {leads !== null && leads.length > 0 && (
        <fieldset className={styles.leads}>
          <legend className={query ? "visually-hidden" : undefined}>{query ? t("searchLead") : t("yourLeads")}</legend>
          {leads.map((lead) => (
            <label key={lead.id} className="choice">
              <input
                type="radio"
                name={`${id}-lead`}
                value={lead.id}
                checked={leadId === lead.id}
                onChange={() => setLeadId(lead.id)}
              />
              {t("leadOption", {
                company: lead.company,
                contact: lead.contactName,
                phone: lead.phone,
                stage: localized(locale, lead.stageName, lead.stageNameEn),
              })}
            </label>
          ))}
        </fieldset>
      )}
      <button type="button" className="button" disabled={pending} onClick={hold}>
        {pending ? t("holding") : t("holdFor", { count: unitIds.length })}
      </button>
      <div role="alert">
        {problem && <p className="field-error">{problem === "chooseLead" ? t("chooseLead") : refusal(problem)}</p>}
        {taken.length > 0 && (
          <>
            <p className="field-error">{t("takenIntro")}</p>
            <ul className={styles.taken}>
              {taken.map((unit) => (
                <li key={unit.unitId}>
                  {unit.status === "HELD"
                    ? t("takenBy", {
                        unit: unit.label,
                        holder: unit.holderName ?? t("someone"),
                        company: unit.leadCompany ?? t("someLead"),
                        time: unit.heldUntil ? formatDayTime(unit.heldUntil, locale) : "",
                      })
                    : t("takenStatus", { unit: unit.label, status: status(unit.status) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}
