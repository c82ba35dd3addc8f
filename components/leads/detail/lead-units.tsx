import { formatArea, formatDayTime, formatPrice } from "@/lib/i18n/format";
import { getLocale, getMessages, getTranslations } from "@/lib/i18n/server";
import { term } from "@/lib/i18n/vocabulary";
import type { LeadUnit } from "@/lib/inventory/holds/queries";
import type { PriceUnit } from "@/lib/listings/units";
import styles from "./lead-detail.module.css";
import { LeadUnitActions } from "./lead-unit-actions";
import own from "./lead-units.module.css";
import { UnitPicker } from "./unit-picker";

/**
 * 意向单元: the units held for the lead, signed by it or occupied by it, with what an officer does
 * next to each (renew, release, move in) and the picker that holds more.
 */
export async function LeadUnits({
  leadId,
  company,
  units,
  canHold,
  needKind,
}: {
  leadId: string;
  company: string;
  units: LeadUnit[];
  /** the viewer works this lead: may hold units for it and move its signed units in */
  canHold: boolean;
  needKind: "FACTORY" | "OFFICE" | "LAND" | null;
}) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const t = await getTranslations();
  const text = messages.inventory.leadPage;
  return (
    <section className="panel" aria-labelledby="units-heading" data-testid="lead-units">
      <h2 id="units-heading">{text.title}</h2>
      {units.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul className={styles.list}>
          {units.map((unit) => (
            <li key={unit.id} className={styles.item} data-unit={unit.id} data-status={unit.status}>
              <div className={styles.itemHead}>
                <strong>{unit.label}</strong>
                <span className={own.status} data-status={unit.status}>
                  {term(messages.vocabulary, "unitStatus", unit.status)}
                </span>
              </div>
              <p className={own.facts}>
                {unit.floor !== null && <span>{t("inventory.leadPage.floor", { floor: unit.floor })}</span>}
                <span>{formatArea(unit.area, unit.areaUnit, locale, messages)}</span>
                {unit.listPrice && unit.priceUnit && (
                  <span>
                    {t("inventory.leadPage.listPrice", {
                      price: formatPrice(unit.listPrice, unit.priceUnit as PriceUnit, locale, messages),
                    })}
                  </span>
                )}
                {unit.dealPrice && unit.priceUnit && (
                  <span>
                    {t("inventory.leadPage.dealPrice", {
                      price: formatPrice(unit.dealPrice, unit.priceUnit as PriceUnit, locale, messages),
                    })}
                  </span>
                )}
              </p>
              {unit.status === "HELD" && unit.heldUntil && (
                <p className={own.facts}>
                  <span className={own.expiry}>
                    {t("inventory.leadPage.heldUntil", { time: formatDayTime(unit.heldUntil, locale) })}
                  </span>
                  {unit.holderName && <span>{t("inventory.leadPage.heldBy", { name: unit.holderName })}</span>}
                  {unit.renewals > 0 && <span>{t("inventory.leadPage.renewals", { count: unit.renewals })}</span>}
                </p>
              )}
              <LeadUnitActions
                unit={{ id: unit.id, label: unit.label, status: unit.status }}
                canRenew={unit.canRenew}
                canRelease={unit.canRelease}
                canMoveIn={canHold && unit.status === "SIGNED"}
              />
            </li>
          ))}
        </ul>
      )}
      {canHold && <UnitPicker leadId={leadId} company={company} needKind={needKind} />}
    </section>
  );
}
