import { formatDateTime } from "@/lib/i18n/format";
import { localized } from "@/lib/i18n/localized";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import type { LeadDetail, TimelineEntry } from "@/lib/leads/detail/queries";
import type { EditableField } from "@/lib/leads/edit/schema";
import styles from "./lead-detail.module.css";

type Activity = Extract<TimelineEntry, { type: "activity" }>;
type Details = Record<string, unknown> | null;

/** A partner system's API key acts without a user (POST /api/v1/leads/{id}/stage): its name stands as the actor. */
function apiKeyActor(entry: Activity, t: (key: "audit.apiKeyActor", values: { name: string }) => string) {
  const details = entry.details as { apiKey?: { name?: unknown } } | null;
  const name = details?.apiKey?.name;
  return typeof name === "string" ? t("audit.apiKeyActor", { name }) : null;
}

/** What changed on a line: stage and owner moves by name, edits as field: before → after. */
function changeOf(entry: Activity, detail: LeadDetail, locale: Locale, messages: Messages): string[] {
  const text = messages.leadPage;
  const details = (
    entry.details && typeof entry.details === "object" && !Array.isArray(entry.details) ? entry.details : null
  ) as Details;
  if (!details) return [];
  if (entry.kind === "CALL" && typeof details.outcome === "string") {
    return [text.outcomes[details.outcome as keyof typeof text.outcomes] ?? details.outcome];
  }
  if (entry.kind === "STAGE") {
    const name = (key: unknown) => {
      const stage = typeof key === "string" ? detail.names.stages[key] : undefined;
      return stage ? localized(locale, stage.name, stage.nameEn) : String(key ?? "—");
    };
    return [`${name(details.from)} → ${name(details.to)}`];
  }
  if (entry.kind === "OWNER") {
    if (details.claimed) return [text.timeline.claimed];
    const name = (id: unknown) => (typeof id === "string" ? (detail.names.users[id] ?? id) : text.timeline.pool);
    return [`${name(details.from)} → ${name(details.to)}`];
  }
  if (entry.kind === "EDIT") {
    const shown = (field: string, value: unknown) => {
      if (value === null || value === undefined || value === "") return text.timeline.emptyValue;
      if (field === "needDeal") return text.needDeal[value as "BUY" | "RENT"] ?? String(value);
      if (field === "needKind") return messages.kind[value as "FACTORY" | "OFFICE" | "LAND"] ?? String(value);
      if (field === "needAreaUnit") return value === "MU" ? messages.units.mu : messages.units.sqm;
      return String(value);
    };
    return Object.entries(details).map(([field, change]) => {
      const [before, after] = Array.isArray(change) ? change : [undefined, change];
      const label = text.fields[field as EditableField] ?? field;
      return `${label}: ${shown(field, before)} → ${shown(field, after)}`;
    });
  }
  return [];
}

/** The lead's history, newest first: what staff logged, what changed and who changed it, and each inquiry's arrival. */
export async function Timeline({ detail }: { detail: LeadDetail }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const text = messages.leadPage.timeline;
  if (detail.timeline.length === 0) return <p>{text.empty}</p>;
  return (
    <ol className={styles.list} data-testid="lead-timeline">
      {detail.timeline.map((entry) =>
        entry.type === "inquiry" ? (
          <li key={`inquiry-${entry.id}`} className={styles.item} data-kind="INQUIRY">
            <div className={styles.itemHead}>
              <strong>
                {t("leadPage.timeline.inquiry", { reference: entry.reference })}
                {entry.listing &&
                  t("leadPage.timeline.onListing", {
                    title: localized(locale, entry.listing.title, entry.listing.titleEn),
                  })}
              </strong>
              <time className="meta" dateTime={entry.at.toISOString()}>
                {formatDateTime(entry.at, locale)}
              </time>
            </div>
          </li>
        ) : (
          <li key={entry.id} className={styles.item} data-kind={entry.kind}>
            <div className={styles.itemHead}>
              <strong>
                {text.kinds[entry.kind]} · {entry.actor?.name ?? apiKeyActor(entry, t) ?? text.system}
              </strong>
              <time className="meta" dateTime={entry.at.toISOString()}>
                {formatDateTime(entry.at, locale)}
              </time>
            </div>
            {changeOf(entry, detail, locale, messages).map((line) => (
              <p key={line} className="meta">
                {line}
              </p>
            ))}
            {entry.body && <p className={styles.body}>{entry.body}</p>}
          </li>
        ),
      )}
    </ol>
  );
}
