import "server-only";
import { createTranslator } from "use-intl/core";
import { deadlineWords } from "../../calendar/deadline-words";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { formatDateTime } from "../../i18n/format";
import { defaultLocale, isLocale, loadMessages, type Locale } from "../../i18n/messages";
import { needWords } from "../../inquiries/need-words";
import { statusUrl } from "../../inquiries/status-link";
import { privacyOperator } from "../../privacy/notice";
import { readSettings } from "../../settings/queries";
import type { Message } from "../message";
import { emailMessage } from "./email";

/*
 * The investor's receipt of their inquiry, in the inquiry's language: the reference, what they asked
 * for, who will call and by when, and the link to their status page. Rendered when it is sent, from
 * the lead as it is then: an officer assigned in the meantime is named, and an investor who withdrew
 * consent or was erased in the meantime gets nothing.
 */

export async function renderReceipts(
  db: Database,
  deliveries: Delivery[],
  now: Date,
): Promise<Map<string, Message | { skip: string }>> {
  const result = new Map<string, Message | { skip: string }>();
  const inquiryIds = [...new Set(deliveries.map((delivery) => delivery.inquiryId).filter((id) => id !== null))];
  const [inquiries, settings] = await Promise.all([
    db.inquiry.findMany({
      where: { id: { in: inquiryIds } },
      select: {
        id: true,
        reference: true,
        email: true,
        contactName: true,
        locale: true,
        createdAt: true,
        needDeal: true,
        needKind: true,
        needArea: true,
        needAreaUnit: true,
        use: true,
        lead: {
          select: {
            erasedAt: true,
            consentWithdrawnAt: true,
            firstResponseDueAt: true,
            owner: { select: { name: true, workPhone: true, active: true } },
          },
        },
      },
    }),
    readSettings(db),
  ]);
  const byId = new Map(inquiries.map((inquiry) => [inquiry.id, inquiry]));
  const operator = privacyOperator();

  for (const delivery of deliveries) {
    const inquiry = delivery.inquiryId ? byId.get(delivery.inquiryId) : undefined;
    if (!inquiry) {
      result.set(delivery.id, { skip: "inquiry not found" });
      continue;
    }
    if (inquiry.lead.erasedAt) {
      result.set(delivery.id, { skip: "lead erased" });
      continue;
    }
    if (inquiry.lead.consentWithdrawnAt) {
      result.set(delivery.id, { skip: "consent withdrawn" });
      continue;
    }
    if (!inquiry.email) {
      result.set(delivery.id, { skip: "inquiry has no email" });
      continue;
    }
    const locale: Locale = isLocale(inquiry.locale) ? inquiry.locale : defaultLocale;
    const messages = await loadMessages(locale);
    const t = createTranslator({ locale, messages, namespace: "inquiryStatus.receipt" });
    const operatorName = locale === "en" ? operator.nameEn : operator.name;
    const due = inquiry.lead.firstResponseDueAt;
    // A deadline already past when the mail goes (a retry after an outage) promises nothing; "soon" does.
    const deadline =
      due && due > now ? deadlineWords(due, locale, settings.workingHours.firstResponseHours) : t("soon");
    const owner = inquiry.lead.owner?.active ? inquiry.lead.owner : null;
    const caller = !owner
      ? t("noOwner", { deadline })
      : owner.workPhone
        ? t("owner", { name: owner.name, phone: owner.workPhone, deadline })
        : t("ownerNoPhone", { name: owner.name, deadline });
    result.set(
      delivery.id,
      emailMessage({
        to: inquiry.email,
        subject: t("subject", { reference: inquiry.reference }),
        intro: t("greeting", { contact: inquiry.contactName }),
        lines: [
          t("received", {
            operator: operatorName,
            sentAt: formatDateTime(inquiry.createdAt, locale),
            reference: inquiry.reference,
          }),
          t("asked", { need: needWords(inquiry, locale, messages) }),
          t("use", { use: inquiry.use }),
          caller,
        ],
        link: { label: t("statusLink"), url: statusUrl(inquiry.id) },
        footer: t("footer", { operator: operatorName }),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}
