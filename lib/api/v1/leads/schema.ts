import { z } from "zod";
import { existingId, rowVersion } from "../../../forms/fields";
import { configKey, stageMoveDetailsShape } from "../../../leads/stage/schema";
import { pageSchema } from "../pagination";
import { inquiryResourceSchema, leadResourceSchema } from "../resources";

/** The inquiries a lead's answer carries, newest first; inquiryCount says how many there are in all. */
export const LEAD_INQUIRIES_SHOWN = 100;

export const leadIdParamsSchema = z.object({
  id: existingId.meta({ description: "线索 id / The lead's id", examples: ["cm4lead0000000000000001"] }),
});

export const leadPageSchema = pageSchema(
  leadResourceSchema,
  "LeadPage",
  "一页线索，按修改时间从早到晚 / A page of leads, least recently changed first",
);

export const leadWithInquiriesSchema = leadResourceSchema
  .extend({
    inquiries: z.array(inquiryResourceSchema).meta({
      description:
        `该线索的咨询，最新的在前，最多 ${LEAD_INQUIRIES_SHOWN} 条 / ` +
        `Its inquiries, newest first, at most ${LEAD_INQUIRIES_SHOWN}`,
    }),
  })
  .meta({ id: "LeadWithInquiries", description: "线索及其咨询 / A lead with its inquiries" });

/**
 * POST /api/v1/leads/{id}/stage: the board's stage move. The lost and won fields follow the board's
 * rules (a lost stage needs a reason, a won stage the signed area with its unit and the annual tax).
 */
export const stageMoveBodySchema = z
  .strictObject(
    {
      stage: configKey.meta({ description: "目标阶段代码 / The stage key to move to", examples: ["site_visit"] }),
      lostReason: stageMoveDetailsShape.lostReasonKey.meta({
        description: "流失原因代码；移入流失阶段时必填 / Lost reason key; required for a lost stage",
      }),
      lostToPark: stageMoveDetailsShape.lostToPark.meta({
        description: "客户选择的园区；原因要求时必填 / The park chosen instead, when the reason asks for it",
      }),
      signedArea: stageMoveDetailsShape.signedArea.meta({
        description: "签约面积；移入签约阶段时必填 / Signed area; required for the won stage",
      }),
      signedAreaUnit: stageMoveDetailsShape.signedAreaUnit.meta({
        description: "签约面积单位 SQM 或 MU / Unit of the signed area",
      }),
      signedAnnualTax: stageMoveDetailsShape.signedAnnualTax.meta({
        description: "签约年税收（万元），可写 300、300万、3.5亿 / Signed tax a year in 万元",
      }),
      signedUnits: stageMoveDetailsShape.signedUnits.meta({
        description:
          "签约的单元（须已被该线索锁定）及成交价 / The units signed, each held by the lead, with the agreed price",
      }),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? "unknownField" : "invalid") },
  )
  .meta({
    id: "StageMove",
    description: "把线索移到另一个阶段，规则与看板相同 / Move a lead to another stage, by the board's rules",
  });

/** The lead's version from an If-Match header ("3", W/"3" or "3" in quotes); false when it is not one. */
export function versionOfIfMatch(header: string | null): number | undefined | false {
  if (header === null) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,10})"?\s*$/.exec(header);
  const parsed = match ? rowVersion.safeParse(match[1]) : null;
  return parsed?.success ? parsed.data : false;
}
