import "server-only";
import type { Database } from "../../db/client";
import { readSettings } from "../../settings/queries";
import { inquiryIdOf, statusUrl } from "../status-link";

/*
 * The investor's status page: what whoever holds the inquiry's link may see. The link reached the
 * person (their mail, their own screen), so the page shows their data in full; a wrong link reads as
 * a missing inquiry, and an erased person's page says only that the data is gone.
 */

const INQUIRY_FIELDS = {
  id: true,
  reference: true,
  createdAt: true,
  channel: true,
  company: true,
  contactName: true,
  phone: true,
  wechat: true,
  email: true,
  creditCode: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  timeline: true,
  use: true,
  expectedAnnualTax: true,
  investment: true,
  annualOutput: true,
  employees: true,
  powerKva: true,
  message: true,
  consentNoticeVersion: true,
  consentedAt: true,
} as const;

export async function inquiryStatus(db: Database, key: string) {
  const inquiryId = inquiryIdOf(key);
  if (!inquiryId) return null;
  const [inquiry, settings] = await Promise.all([
    db.inquiry.findUnique({
      where: { id: inquiryId },
      select: {
        ...INQUIRY_FIELDS,
        lead: {
          select: {
            id: true,
            erasedAt: true,
            consentWithdrawnAt: true,
            company: true,
            contactName: true,
            phone: true,
            wechat: true,
            email: true,
            creditCode: true,
            industry: true,
            createdAt: true,
            assignedAt: true,
            firstResponseDueAt: true,
            firstRespondedAt: true,
            owner: { select: { name: true, workPhone: true, active: true } },
            inquiries: { select: INQUIRY_FIELDS, orderBy: { createdAt: "asc" } },
            privacyRequests: {
              select: { id: true, kind: true, status: true, createdAt: true, dueAt: true, closedAt: true },
              orderBy: { createdAt: "desc" },
            },
          },
        },
      },
    }),
    readSettings(db),
  ]);
  if (!inquiry) return null;
  const { lead, ...asked } = inquiry;
  if (lead.erasedAt) return { erased: true as const };
  const owner = lead.owner?.active ? { name: lead.owner.name, workPhone: lead.owner.workPhone } : null;
  return {
    erased: false as const,
    inquiry: asked,
    steps: {
      receivedAt: asked.createdAt,
      assigned: owner ? { ...owner, at: lead.assignedAt } : null,
      contactedAt: lead.firstRespondedAt,
      dueAt: lead.firstResponseDueAt,
      /** the working hours the promise is counted in, as the receipt words it */
      promiseHours: settings.workingHours.firstResponseHours,
    },
    held: {
      lead: {
        company: lead.company,
        contactName: lead.contactName,
        phone: lead.phone,
        wechat: lead.wechat,
        email: lead.email,
        creditCode: lead.creditCode,
        industry: lead.industry,
        createdAt: lead.createdAt,
      },
      inquiries: lead.inquiries,
    },
    consentWithdrawnAt: lead.consentWithdrawnAt,
    requests: lead.privacyRequests,
  };
}
export type InquiryStatus = NonNullable<Awaited<ReturnType<typeof inquiryStatus>>>;

/**
 * The confirmation page's link to the status page: only when the address carries the inquiry's own key
 * (the form's redirect adds it), so someone who only knows a reference learns nothing more.
 */
export async function statusLinkFor(db: Database, reference: string, key: string | undefined): Promise<string | null> {
  const inquiryId = key ? inquiryIdOf(key) : null;
  if (!inquiryId) return null;
  const inquiry = await db.inquiry.findUnique({ where: { id: inquiryId }, select: { reference: true } });
  return inquiry?.reference === reference ? statusUrl(inquiryId) : null;
}
