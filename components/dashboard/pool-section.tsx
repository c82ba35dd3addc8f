import Link from "next/link";
import { ClaimForm } from "@/components/leads/inbox/claim-form";
import { formatDateTime } from "@/lib/i18n/format";
import { getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { PoolSummary } from "@/lib/leads/dashboard/pool";
import { durationIn, durationUnit } from "@/lib/reports/duration";
import { AwayToggle } from "./away-toggle";
import { needOf, pageLanguage } from "./dashboard-tables";
import styles from "./dashboard.module.css";

type Translate = Awaited<ReturnType<typeof getTranslations<"dashboard">>>;

/** How long a lead has waited: minutes under an hour, hours under two days, else days. */
function waited(since: Date, now: Date, t: Translate): string {
  // The reports' rule for durations: minutes under an hour, hours under two days, else days.
  const minutes = Math.max(0, (now.getTime() - since.getTime()) / 60_000);
  const unit = durationUnit(minutes);
  return t(`waited.${unit}`, { n: durationIn(minutes, unit) });
}

/**
 * Who new leads go to now, in the words of the rule that actually assigns them: the officers in
 * the rotation (next one first), and what it means for the signed-in user, with their away switch
 * when it changes anything for them.
 */
export async function DutySection({ pool, userId }: { pool: PoolSummary; userId: string }) {
  const t = await getTranslations("dashboard.duty");
  const { you, rotation } = pool;
  const status = you.takesTurns
    ? t(you.away ? "awayStaff" : "inRotation")
    : you.ownsParks
      ? `${t("notStaff")}${t(you.away ? "parkOwnerAway" : "parkOwner")}`
      : t("notStaff");
  return (
    <section aria-labelledby="on-duty" data-section="on-duty" className={styles.duty}>
      <h2 id="on-duty">{t("title")}</h2>
      {you.takesTurns || you.ownsParks ? (
        <AwayToggle userId={userId} away={you.away} status={status} />
      ) : (
        <p>{status}</p>
      )}
      {rotation.length === 0 ? (
        <p className="meta">{t("nobody")}</p>
      ) : (
        <>
          <p className="meta">{t(pool.rule === "park_owner" ? "ruleParkOwner" : "ruleRoundRobin")}</p>
          <ol className={styles.rotation}>
            {rotation.map((officer, index) => (
              <li key={officer.id} data-officer={officer.id}>
                {officer.name}
                {index === 0 && <span className="tag">{t("next")}</span>}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** The pool (公海): how many wait, the oldest few, a claim button for officers, the way to all of them. */
export async function PoolSection({ pool, canClaim, now }: { pool: PoolSummary; canClaim: boolean; now: Date }) {
  const [props, dashboard] = await Promise.all([pageLanguage(), getTranslations("dashboard")]);
  const { messages, locale } = props;
  const count = pool.countCapped ? `${pool.count}+` : String(pool.count);
  return (
    <section aria-labelledby="pool" data-section="pool" data-count={pool.count}>
      <h2 id="pool">
        {dashboard("pool.title")} <span className="tag">{count}</span>
      </h2>
      {pool.count === 0 ? (
        <p className="meta">{dashboard("pool.empty")}</p>
      ) : (
        <>
          <p className="meta">{dashboard("pool.oldest", { count: pool.leads.length })}</p>
          <ul className={styles.poolList}>
            {pool.leads.map((lead) => (
              <li key={lead.id} data-lead={lead.id} className={styles.poolLead}>
                <div>
                  <Link href={`/crm/leads/${lead.id}`} className={styles.poolCompany}>
                    {lead.company}
                  </Link>
                  <div className="meta">
                    {[needOf(lead, props), term(messages.vocabulary, "source", lead.source)]
                      .filter(Boolean)
                      .join(" · ")}
                  </div>
                  <div className="meta">
                    {dashboard("pool.waiting")}{" "}
                    <time dateTime={lead.createdAt.toISOString()} title={formatDateTime(lead.createdAt, locale)}>
                      {waited(lead.createdAt, now, dashboard)}
                    </time>
                  </div>
                </div>
                {canClaim && <ClaimForm leadId={lead.id} company={lead.company} />}
              </li>
            ))}
          </ul>
          <p>
            <Link href="/crm/leads?owner=unassigned">{dashboard("pool.seeAll", { count })}</Link>
            {!canClaim && <span className="meta"> {dashboard("pool.assignHint")}</span>}
          </p>
        </>
      )}
    </section>
  );
}
