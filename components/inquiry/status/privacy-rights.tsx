import Link from "next/link";
import { formatDateTime } from "@/lib/i18n/format";
import { getLocale, getTranslations } from "@/lib/i18n/server";
import { requestPrivacyAction } from "@/lib/inquiries/status/actions";
import type { PrivacyRequestKind } from "@/lib/inquiries/status/schema";
import type { InquiryStatus } from "@/lib/inquiries/status/queries";
import styles from "./status.module.css";

type Shown = Extract<InquiryStatus, { erased: false }>;

/**
 * Withdraw consent and ask for erasure, each in two steps: the button opens the confirmation (a link,
 * so no script is needed), whose form posts the request. Requests already made show their state.
 */
export async function PrivacyRights({
  statusKey,
  status,
  confirming,
}: {
  statusKey: string;
  status: Shown;
  confirming: PrivacyRequestKind | null;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("inquiryStatus.rights")]);
  const date = (value: Date) => formatDateTime(value, locale);
  const open = (kind: PrivacyRequestKind) =>
    status.requests.some((request) => request.kind === kind && request.status === "OPEN");
  const page = `/inquire/status/${statusKey}`;
  const offers = (
    [
      { kind: "WITHDRAW", label: t("withdraw"), hint: t("withdrawHint"), hidden: !!status.consentWithdrawnAt },
      { kind: "ERASE", label: t("erase"), hint: t("eraseHint"), hidden: open("ERASE") },
    ] as const
  ).filter((offer) => !offer.hidden);

  return (
    <section aria-labelledby="privacy-rights">
      <h2 id="privacy-rights">{t("title")}</h2>
      <p>{t("intro")}</p>
      {status.consentWithdrawnAt && (
        <p className="notice">{t("withdrawn", { date: date(status.consentWithdrawnAt) })}</p>
      )}
      {status.requests.length > 0 && (
        <>
          <h3>{t("requests")}</h3>
          <ul data-testid="privacy-requests">
            {status.requests.map((request) => (
              <li key={request.id} data-kind={request.kind} data-status={request.status}>
                {t("requestLine", { kind: t(`kinds.${request.kind}`), date: date(request.createdAt) })} ·{" "}
                {request.status === "DONE" && request.closedAt
                  ? t("states.done", { date: date(request.closedAt) })
                  : `${t("states.received")} · ${t("states.inProgress", { due: date(request.dueAt) })}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {confirming && offers.some((offer) => offer.kind === confirming) ? (
        <form action={requestPrivacyAction} className="panel" data-testid="privacy-confirm">
          <p>{confirming === "WITHDRAW" ? t("confirmWithdraw") : t("confirmErase")}</p>
          <input type="hidden" name="key" value={statusKey} />
          <input type="hidden" name="kind" value={confirming} />
          <input type="hidden" name="confirm" value="yes" />
          <div className="actions">
            <button type="submit" className="button">
              {t("confirm")}
            </button>
            <Link href={page} className="button secondary">
              {t("cancel")}
            </Link>
          </div>
        </form>
      ) : (
        offers.map((offer) => (
          <p key={offer.kind} className={styles.offer}>
            <Link href={`${page}?confirm=${offer.kind}`} className="button secondary" data-kind={offer.kind}>
              {offer.label}
            </Link>{" "}
            <span className="meta">{offer.hint}</span>
          </p>
        ))
      )}
    </section>
  );
}
