import { LeaveNeedLink } from "./leave-need-link";
import { PhoneLink } from "@/components/ui/phone-link";
import { telHref } from "@/lib/forms/tel-href";
import { getTranslations } from "@/lib/i18n/server";
import styles from "./listings.module.css";

/**
 * 电话咨询 and 留下需求 always within reach: fixed at the bottom of a phone's screen, at the top of
 * the inquiry column on a desktop. Without a number to dial it offers the form alone.
 */
export async function ContactBar({ phone, formTarget }: { phone: string | null; formTarget: string }) {
  const t = await getTranslations("publicListings.contactBar");
  return (
    <div className={styles.contactBar} role="group" aria-label={t("label")} data-testid="contact-bar">
      {phone && telHref(phone) && (
        <PhoneLink phone={phone} className="button secondary">
          {t("call")}
          <span className={styles.number}>{phone}</span>
        </PhoneLink>
      )}
      <LeaveNeedLink target={formTarget} className="button accent">
        {t("leaveNeed")}
      </LeaveNeedLink>
    </div>
  );
}
