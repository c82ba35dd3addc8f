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
    examples: [
      {
        listingId: "cm4list0000000000000001",
        need: { deal: "rent", kind: "factory", area: "3000", areaUnit: "sqm", timeline: "3m" },
        use: "新能源汽车零部件精密加工",
        expectedAnnualTax: "300",
        company: "杭州示例精密制造有限公司",
        contactName: "王经理",
        phone: "13800138000",
        consent: true,
      },
    ],
  });
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
