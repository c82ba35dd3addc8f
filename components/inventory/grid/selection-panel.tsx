"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useLocale, useMessages, useTranslations } from "use-intl";
import { formatDate, formatDayTime, formatPrice } from "@/lib/i18n/format";
import type { Locale, Messages } from "@/lib/i18n/messages";
import { moveInAction, releaseHoldAction, renewHoldAction } from "@/lib/inventory/holds/actions";
import { unitArea } from "./cell-text";
import type { PlacedUnit } from "./inventory-grid";
import styles from "./inventory.module.css";
import { HoldForLead } from "./hold-for-lead";
import { useRefusal, type Refusal } from "./refusal";

/**
 * The selected units and what may be done with them: hold vacant ones for a lead, renew or release a hold the
 * viewer may change, move signed units in. Each action refreshes the board; a refusal says why.
 */
export function SelectionPanel({
  units,
  showFloorPrice,
  onClear,
}: {
  units: PlacedUnit[];
  showFloorPrice: boolean;
  onClear: () => void;
}) {
  const t = useTranslations("inventory.grid");
  const status = useTranslations("vocabulary.unitStatus");
  const areaWords = useTranslations("units");
  const messages = useMessages() as unknown as Messages;
  const locale = useLocale() as Locale;
  const refusal = useRefusal();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  const run = <R extends { ok: true } | Refusal>(
    work: () => Promise<R>,
    done: (answer: Extract<R, { ok: true }>) => string,
  ) =>
    startTransition(async () => {
      const answer = await work();
      setConfirming(null);
      if (answer.ok) {
        setMessage({ text: done(answer as Extract<R, { ok: true }>), error: false });
        router.refresh();
      } else setMessage({ text: refusal(answer as Refusal), error: true });
    });

  const words = { sqm: areaWords("sqm"), mu: areaWords("mu") };
  const price = (value: string, unit: PlacedUnit["priceUnit"]) =>
    unit ? formatPrice(value, unit, locale, messages) : value;
  const vacant = units.length > 0 && units.every((unit) => unit.status === "VACANT");
  const signed = units.filter((unit) => unit.status === "SIGNED" && unit.lead?.mayOpen);

  return (
    <aside className={`panel ${styles.panel}`} aria-labelledby="selection-heading">
      <h2 id="selection-heading">{t("selection")}</h2>
      <p className={styles.status} role="status" aria-live="polite">
        {message && <span className={message.error ? "field-error" : undefined}>{message.text}</span>}
      </p>
      {units.length === 0 ? (
        <p className="meta">{t("selectHint")}</p>
      ) : (
        <>
          <div className={styles.unitActions}>
            <span>{t("selectionCount", { count: units.length })}</span>
            <button type="button" className="button secondary" onClick={onClear}>
              {t("clear")}
            </button>
          </div>
          <ul className={styles.selected}>
            {units.map((unit) => (
              <li key={unit.id} data-unit={unit.id}>
                <strong>{unit.label}</strong>
                <p>
                  {unitArea(unit, locale, words)} ·{" "}
                  {t("since", { status: status(unit.status), date: formatDate(unit.statusChangedAt, locale) })}
                </p>
                {unit.lead && (
                  <p>
                    {unit.lead.mayOpen ? (
                      <Link href={`/crm/leads/${unit.lead.id}`}>{unit.lead.company}</Link>
                    ) : (
                      unit.lead.company
                    )}
                  </p>
                )}
                {unit.heldUntil && (
                  <p>
                    {unit.holderName && `${t("holder", { name: unit.holderName })} · `}
                    {t("until", { time: formatDayTime(unit.heldUntil, locale) })}
                  </p>
                )}
                {unit.listPrice && <p>{t("listPrice", { price: price(unit.listPrice, unit.priceUnit) })}</p>}
                {showFloorPrice && unit.floorPrice && (
                  <p>{t("floorPrice", { price: price(unit.floorPrice, unit.priceUnit) })}</p>
                )}
                {unit.mayChangeHold && (
                  <div className={styles.unitActions}>
                    <button
                      type="button"
                      className="button secondary"
                      disabled={pending}
                      onClick={() =>
                        run(
                          () => renewHoldAction({ unitId: unit.id }),
                          (answer) => t("renewed", { unit: unit.label, time: formatDayTime(answer.expiresAt, locale) }),
                        )
                      }
                    >
                      {t("renew", { unit: unit.number })}
                    </button>
                    {confirming === unit.id ? (
                      <button
                        type="button"
                        className="button danger"
                        disabled={pending}
                        onClick={() =>
                          run(
                            () => releaseHoldAction({ unitId: unit.id }),
                            () => t("released", { unit: unit.label }),
                          )
                        }
                      >
                        {t("releaseConfirm", { unit: unit.number })}
                      </button>
                    ) : (
                      <button type="button" className="button secondary" onClick={() => setConfirming(unit.id)}>
                        {t("release", { unit: unit.number })}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
          {signed.length > 0 && (
            <button
              type="button"
              className="button"
              disabled={pending}
              onClick={() =>
                run(
                  () => moveInAction({ unitIds: signed.map((unit) => unit.id) }),
                  () => t("movedIn", { count: signed.length }),
                )
              }
            >
              {t("moveIn", { count: signed.length })}
            </button>
          )}
          {vacant ? (
            <HoldForLead
              unitIds={units.map((unit) => unit.id)}
              onHeld={(text) => {
                setMessage({ text, error: false });
                router.refresh();
              }}
            />
          ) : (
            units.some((unit) => unit.status === "VACANT") && <p className="meta">{t("holdOnlyVacant")}</p>
          )}
        </>
      )}
    </aside>
  );
}
