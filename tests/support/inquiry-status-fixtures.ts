import type { Database } from "@/lib/db/client";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { unique } from "./door-fixtures";

/** An inquiry on an existing lead, as the intake stores one, with the lead's phone and company. */
export async function makeInquiry(
  db: Database,
  lead: { id: string; phone: string; company: string },
  fields: { email?: string | null; locale?: string; createdAt?: Date } = {},
) {
  return db.inquiry.create({
    data: {
      reference: unique("PL-TEST").slice(0, 40),
      requestHash: unique("hash"),
      leadId: lead.id,
      needDeal: "RENT",
      needKind: "FACTORY",
      needArea: "5000",
      needAreaUnit: "SQM",
      timeline: "WITHIN_3_MONTHS",
      use: "新能源电池包组装",
      expectedAnnualTax: "450",
      company: lead.company,
      contactName: "林女士",
      phone: lead.phone,
      wechat: fields.email === undefined ? "lin_wechat_01" : null,
      email: fields.email === undefined ? "lin@investor.example" : fields.email,
      creditCode: "91330482MA2B3C4D5E",
      message: "希望下周看厂",
      consentNoticeVersion: PRIVACY_NOTICE_VERSION,
      consentedAt: fields.createdAt ?? new Date(),
      channel: "FORM",
      locale: fields.locale ?? "zh-CN",
      createdAt: fields.createdAt,
    },
  });
}
