import type { Database } from "@/lib/db/client";
import { PRIVACY_NOTICE_VERSION } from "@/lib/privacy/notice";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { unique, uniqueIp, uniquePhone } from "./door-fixtures";

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

/** An inquiry through the public intake, as the form sends it: a new lead with its deadline and its own phone. */
export async function submitTestInquiry(
  db: Database,
  fields: { email?: string; locale?: "zh-CN" | "en"; wechat?: string; now?: Date } = {},
) {
  const phone = uniquePhone();
  const result = await submitInquiry(
    db,
    {
      need: { deal: "rent", kind: "factory", area: "5000", areaUnit: "sqm", timeline: "3m" },
      use: "新能源电池包组装",
      expectedAnnualTax: "450",
      company: `${unique("嘉兴进度测试新能源")}有限公司`,
      contactName: "林女士",
      phone,
      wechat: fields.wechat,
      email: fields.email,
      message: "希望下周看厂",
      consent: true,
    },
    {
      channel: "FORM",
      locale: fields.locale ?? "zh-CN",
      clientIp: uniqueIp(),
      source: { page: "/inquire" },
      now: fields.now,
    },
  );
  if (!result.ok) throw new Error(`the test inquiry was refused: ${JSON.stringify(result)}`);
  const inquiry = await db.inquiry.findUniqueOrThrow({ where: { id: result.id }, include: { lead: true } });
  return { inquiry, lead: inquiry.lead, phone };
}
