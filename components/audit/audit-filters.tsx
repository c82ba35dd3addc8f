import Link from "next/link";
import { auditEntities, type AuditEntity, type AuditFilter } from "@/lib/audit/filter";
import { getMessages } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import styles from "./audit.module.css";

/** A GET form: the view lives in the URL (the page drops empty parameters), so it works without JavaScript. */
export async function AuditFilters({
  filter,
  actors,
}: {
  filter: Omit<AuditFilter, "before">;
  actors: { id: string; name: string }[];
}) {
  const messages = await getMessages();
  const t = messages.audit.filters;
  const entities = Object.keys(auditEntities) as AuditEntity[];
  return (
    <form method="get" action="/crm/audit" role="search" aria-label={t.title} className={`panel ${styles.filters}`}>
      <div className={styles.grid}>
        <div className="field">
          <label htmlFor="audit-actor">{t.actor}</label>
          <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
            <option value="">{t.anyone}</option>
            {actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-entity">{t.entity}</label>
          <select id="audit-entity" name="entity" defaultValue={filter.entity ?? ""}>
            <option value="">{t.anyEntity}</option>
            {entities.map((entity) => (
              <option key={entity} value={entity}>
                {term(messages.vocabulary, "entity", entity)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-from">{t.from}</label>
          <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t.to}</label>
          <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} />
        </div>
      </div>
      <div className="actions">
        <button type="submit" className="button">
          {t.apply}
        </button>
        <Link href="/crm/audit" className="button secondary">
          {t.clear}
        </Link>
      </div>
    </form>
  );
}
