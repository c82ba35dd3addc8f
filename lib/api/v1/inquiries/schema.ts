import { z } from "zod";
import { inquirySchema } from "../../../inquiries/schema";

/*
 * POST /api/v1/inquiries takes the public form's own schema (lib/inquiries/schema.ts): registered
 * here under an id, the very object the intake parses with is what the OpenAPI document shows.
 */
if (!z.globalRegistry.has(inquirySchema)) {
  z.globalRegistry.add(inquirySchema, {
    id: "InquiryInput",
    description:
      "一次咨询，规则与网站表单相同；选项用小写代码，金额以万元计（可写 300、300万、3.5亿） / " +
      "An inquiry, by the public form's rules; choices in lower-case codes, amounts in 万元 (300, 300万, 3.5亿 all read)",
  });
}

/** The public form's fields as the document describes them (Chinese first, English second). */
const FIELD_WORDS: Record<string, string> = {
  listingId: "咨询的房源 id；限定园区的密钥必填 / The listing asked about; required for a park key",
  need: "需求：购买或租赁、类型、面积及单位、入驻时间 / The need: buy or rent, kind, area with its unit, timeline",
  use: "用途/项目内容，2–500 字 / Use or project, 2–500 characters",
  expectedAnnualTax: "预计年税收（万元），可写 300、300万、3.5亿 / Expected tax a year in 万元",
  company: "企业名称，2–100 字 / Company, 2–100 characters",
  contactName: "联系人 / Contact",
  phone: "中国大陆手机号，可带 +86 / Mainland mobile, +86 allowed",
  consent: "已阅读并同意隐私声明，须为 true / Consent to the privacy notice; must be true",
  wechat: "微信号 / WeChat ID",
  email: "邮箱 / Email",
  investment: "投资额（万元） / Investment in 万元",
  annualOutput: "预计年产值（万元） / Output a year in 万元",
  employees: "员工人数 / Employees",
  powerKva: "用电需求（kVA） / Power needed in kVA",
  creditCode: "统一社会信用代码（18 位） / Unified social credit code (18 characters)",
  message: "留言，最多 2000 字 / Message, at most 2000 characters",
};
for (const [name, description] of Object.entries(FIELD_WORDS)) {
  const field = inquirySchema.shape[name as keyof typeof inquirySchema.shape];
  if (!z.globalRegistry.has(field)) z.globalRegistry.add(field, { description });
}

export const inquiryCreatedSchema = z
  .object({
    id: z.string(),
    reference: z.string().meta({ description: "回执编号 / Receipt reference", examples: ["Q20261206-7K3M"] }),
    statusUrl: z.url().meta({ description: "投资方查看进度的地址 / Where the investor follows the inquiry" }),
  })
  .meta({ id: "InquiryCreated", description: "已收到的咨询 / The inquiry as received" });
export type InquiryCreated = z.output<typeof inquiryCreatedSchema>;

export { inquirySchema as inquiryInputSchema };
