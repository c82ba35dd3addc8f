import { z } from "zod";
import type { Prisma } from "../../db/generated/client";

/*
 * What /api/v1 answers with, and what outbound webhooks carry: one zod schema per resource (its
 * `.meta` id names it in the OpenAPI document) and one mapper from the database row to it. Field
 * names are camelCase, as POST /api/inquiries has always answered. Amounts are strings of 万元 and
 * areas strings in their unit, so no decimal is rounded by a JSON number; instants are ISO 8601 in UTC;
 * codes (kinds, units, stages) are the stored capitals.
 */

const instant = (description: string) => z.iso.datetime().meta({ description });
const decimalText = (description: string) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .meta({ description, examples: ["1200.5"] });
/** Chinese first, English second, as everywhere in the product. */
const said = (zh: string, en: string) => `${zh} / ${en}`;
const wan = (zh: string, en: string) => decimalText(said(`${zh}（万元）`, `${en}, in 万元 (CNY 10,000)`));
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();

export const areaUnitSchema = z
  .enum(["SQM", "MU"])
  .meta({ description: said("面积单位：平方米或亩", "Area unit: m² or 亩 (mu)") });
const needDealSchema = z.enum(["BUY", "RENT"]).meta({ description: said("购买或租赁", "Buy or rent") });
const kindSchema = z
  .enum(["FACTORY", "OFFICE", "LAND"])
  .meta({ description: said("厂房、办公或土地", "Factory, office or land") });

export const stageRefSchema = z
  .object({
    key: z.string().meta({ description: said("阶段代码", "Stage key"), examples: ["contacted"] }),
    name: z.string().meta({ description: said("阶段名称（中文）", "Stage name in Chinese") }),
    nameEn: z.string().meta({ description: said("阶段名称（英文）", "Stage name in English") }),
    category: z.enum(["OPEN", "WON", "LOST"]).meta({ description: said("进行中、签约或流失", "Open, won or lost") }),
  })
  .meta({ id: "Stage", description: said("线索所处的阶段", "The stage a lead is in") });

export const parkRefSchema = z
  .object({ id: z.string(), name: z.string(), nameEn: z.string() })
  .meta({ id: "ParkRef", description: said("园区", "Park") });

export const ownerRefSchema = z
  .object({ id: z.string(), name: z.string() })
  .meta({ id: "OwnerRef", description: said("负责人（不含邮箱）", "The officer in charge (no email)") });

const needSchema = z
  .object({
    deal: nullable(needDealSchema),
    kind: nullable(kindSchema),
    area: nullable(decimalText(said("需求面积，单位见 areaUnit", "Area needed, in areaUnit"))),
    areaUnit: nullable(areaUnitSchema),
  })
  .meta({ description: said("最新的需求", "The latest need") });

export const leadResourceSchema = z
  .object({
    id: z.string(),
    company: z.string().meta({ description: said("企业名称", "Company") }),
    contactName: nullable(z.string()).meta({
      description: said("联系人；已删除个人信息时为 null", "Contact; null once erased"),
    }),
    phone: nullable(z.string()).meta({
      description: said("手机号（11 位）；已删除个人信息时为 null", "Mainland mobile (11 digits); null once erased"),
    }),
    wechat: nullable(z.string()),
    email: nullable(z.string()),
    creditCode: nullable(z.string()).meta({ description: said("统一社会信用代码", "Unified social credit code") }),
    industry: nullable(z.string()),
    need: needSchema,
    use: nullable(z.string()).meta({ description: said("用途/项目内容", "Use / project") }),
    expectedAnnualTax: nullable(wan("预计年税收", "Expected tax a year")),
    investment: nullable(wan("投资额", "Investment")),
    annualOutput: nullable(wan("预计年产值", "Output a year")),
    employees: nullable(z.int()),
    source: z.string().meta({
      description: said(
        "来源：utm_source、listing、direct、api 或 import",
        "Source: utm_source, listing, direct, api or import",
      ),
    }),
    stage: stageRefSchema,
    owner: nullable(ownerRefSchema),
    park: nullable(parkRefSchema),
    listingId: nullable(z.string()),
    score: nullable(z.int().min(0).max(100)).meta({ description: said("准入评分 0–100", "Admission score 0–100") }),
    lostReason: nullable(z.string()).meta({ description: said("流失原因代码", "Lost reason key") }),
    lostToPark: nullable(z.string()),
    signedArea: nullable(decimalText(said("签约面积，单位见 signedAreaUnit", "Signed area, in signedAreaUnit"))),
    signedAreaUnit: nullable(areaUnitSchema),
    signedAnnualTax: nullable(wan("签约年税收", "Signed tax a year")),
    signedAt: nullable(instant(said("签约时间", "When it was signed"))),
    inquiryCount: z.int().min(0),
    stageChangedAt: instant(said("进入当前阶段的时间", "When it entered its stage")),
    lastInquiryAt: instant(said("最近一次咨询的时间", "When the latest inquiry came")),
    archivedAt: nullable(instant(said("归档时间", "When it was archived"))),
    erasedAt: nullable(
      instant(
        said("删除个人信息的时间；此后个人字段为 null", "When personal data was erased; personal fields are null"),
      ),
    ),
    createdAt: instant(said("创建时间", "Created")),
    updatedAt: instant(said("最近修改时间", "Last changed")),
    version: z
      .int()
      .min(1)
      .meta({ description: said("版本号，可用于 If-Match", "Version, for If-Match") }),
  })
  .meta({ id: "Lead", description: said("线索：一家企业的招商需求", "Lead: one company's need for space") });
export type LeadResource = z.output<typeof leadResourceSchema>;

export const inquiryResourceSchema = z
  .object({
    id: z.string(),
    reference: z.string().meta({ description: said("回执编号", "Receipt reference") }),
    leadId: z.string(),
    listingId: nullable(z.string()),
    channel: z.enum(["FORM", "API"]).meta({ description: said("网页表单或 API", "Web form or API") }),
    need: z.object({
      deal: needDealSchema,
      kind: kindSchema,
      area: decimalText(said("需求面积，单位见 areaUnit", "Area needed, in areaUnit")),
      areaUnit: areaUnitSchema,
      timeline: nullable(z.enum(["NOW", "WITHIN_3_MONTHS", "WITHIN_6_MONTHS", "WITHIN_12_MONTHS", "LATER"])),
    }),
    use: z.string(),
    expectedAnnualTax: wan("预计年税收", "Expected tax a year"),
    company: z.string(),
    contactName: nullable(z.string()),
    phone: nullable(z.string()),
    wechat: nullable(z.string()),
    email: nullable(z.string()),
    creditCode: nullable(z.string()),
    message: nullable(z.string()),
    investment: nullable(wan("投资额", "Investment")),
    annualOutput: nullable(wan("预计年产值", "Output a year")),
    employees: nullable(z.int()),
    powerKva: nullable(z.int()),
    locale: z.string(),
    utmSource: nullable(z.string()),
    utmMedium: nullable(z.string()),
    utmCampaign: nullable(z.string()),
    createdAt: instant(said("收到的时间", "Received")),
  })
  .meta({
    id: "Inquiry",
    description: said(
      "一次咨询；线索的个人信息删除后，其个人字段为 null",
      "One inquiry; its personal fields are null once the lead is erased",
    ),
  });
export type InquiryResource = z.output<typeof inquiryResourceSchema>;

export const listingResourceSchema = z
  .object({
    id: z.string(),
    park: parkRefSchema,
    title: z.string(),
    titleEn: z.string(),
    kind: kindSchema,
    factoryType: nullable(z.enum(["STANDARD", "SINGLE_STOREY", "MULTI_STOREY"])),
    deal: z.enum(["SALE", "LEASE"]).meta({ description: said("出售或出租", "For sale or lease") }),
    status: z.enum(["AVAILABLE", "RESERVED", "LEASED", "SOLD"]).meta({
      description: said(
        "随房源所含单元变化：有空置单元为 AVAILABLE；否则有锁定或不可租售的单元为 RESERVED；其余（全部签约或入驻）为 SOLD 或 LEASED",
        "Follows the listing's units: AVAILABLE while one is vacant; else RESERVED while one is held or " +
          "unavailable; else (all signed or occupied) SOLD or LEASED",
      ),
    }),
    address: nullable(z.string()),
    addressEn: nullable(z.string()),
    area: decimalText(
      said("总面积：所含单元面积之和，单位见 areaUnit", "Total area: its units' areas added up, in areaUnit"),
    ),
    availableArea: decimalText(
      said(
        "可租售面积：所含空置单元面积之和，单位见 areaUnit",
        "Available area: its vacant units' areas added up, in areaUnit",
      ),
    ),
    areaUnit: areaUnitSchema,
    minSplitArea: nullable(decimalText(said("最小可分割面积", "Smallest part let or sold alone"))),
    price: decimalText(said("价格，单位见 priceUnit", "Price, in priceUnit")),
    priceUnit: z
      .enum(["YUAN_PER_SQM", "WAN_TOTAL", "WAN_PER_MU", "YUAN_PER_SQM_DAY", "YUAN_PER_SQM_MONTH"])
      .meta({ description: said("元/m²、万元（总价）、万元/亩、元/m²/天、元/m²/月", "Price unit") }),
    floorHeightM: nullable(decimalText(said("层高（米）", "Floor height in metres"))),
    floorLoadKgPerSqm: nullable(z.int()),
    powerKva: nullable(z.int()),
    propertyTermYears: nullable(z.int()),
    storeys: nullable(z.int()),
    industries: z.array(z.string()),
    highlights: z.array(z.string()),
    highlightsEn: z.array(z.string()),
    description: z.string(),
    descriptionEn: z.string(),
    availableFrom: nullable(z.iso.date().meta({ description: said("可入驻日期", "Available from (day)") })),
    createdAt: instant(said("发布时间", "Published")),
    updatedAt: instant(said("最近修改时间", "Last changed")),
  })
  .meta({ id: "Listing", description: said("园区发布的房源或地块", "A building or plot a park offers") });
export type ListingResource = z.output<typeof listingResourceSchema>;

/** The columns each mapper reads: callers select exactly these. */
export const leadResourceSelect = {
  id: true,
  company: true,
  contactName: true,
  phone: true,
  wechat: true,
  email: true,
  creditCode: true,
  industry: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  use: true,
  expectedAnnualTax: true,
  investment: true,
  annualOutput: true,
  employees: true,
  source: true,
  stage: { select: { key: true, name: true, nameEn: true, category: true } },
  owner: { select: { id: true, name: true } },
  park: { select: { id: true, name: true, nameEn: true } },
  listingId: true,
  score: true,
  lostReasonKey: true,
  lostToPark: true,
  signedArea: true,
  signedAreaUnit: true,
  signedAnnualTax: true,
  signedAt: true,
  inquiryCount: true,
  stageChangedAt: true,
  lastInquiryAt: true,
  archivedAt: true,
  erasedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
} satisfies Prisma.LeadSelect;
export type LeadRow = Prisma.LeadGetPayload<{ select: typeof leadResourceSelect }>;

export const inquiryResourceSelect = {
  id: true,
  reference: true,
  leadId: true,
  listingId: true,
  channel: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  timeline: true,
  use: true,
  expectedAnnualTax: true,
  company: true,
  contactName: true,
  phone: true,
  wechat: true,
  email: true,
  creditCode: true,
  message: true,
  investment: true,
  annualOutput: true,
  employees: true,
  powerKva: true,
  locale: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  createdAt: true,
  lead: { select: { erasedAt: true } },
} satisfies Prisma.InquirySelect;
export type InquiryRow = Prisma.InquiryGetPayload<{ select: typeof inquiryResourceSelect }>;

export const listingResourceSelect = {
  id: true,
  park: { select: { id: true, name: true, nameEn: true } },
  title: true,
  titleEn: true,
  kind: true,
  factoryType: true,
  deal: true,
  status: true,
  address: true,
  addressEn: true,
  area: true,
  availableArea: true,
  areaUnit: true,
  minSplitArea: true,
  price: true,
  priceUnit: true,
  floorHeightM: true,
  floorLoadKgPerSqm: true,
  powerKva: true,
  propertyTermYears: true,
  storeys: true,
  industries: true,
  highlights: true,
  highlightsEn: true,
  description: true,
  descriptionEn: true,
  availableFrom: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.ListingSelect;
export type ListingRow = Prisma.ListingGetPayload<{ select: typeof listingResourceSelect }>;

const text = (value: { toString(): string } | null) => (value === null ? null : value.toString());
const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** A lead as the API shows it: an erased lead's person (contact, phone, WeChat, email, credit code) is null. */
export function leadResource(row: LeadRow): LeadResource {
  const erased = row.erasedAt !== null;
  return {
    id: row.id,
    company: row.company,
    contactName: erased ? null : row.contactName,
    phone: erased ? null : row.phone,
    wechat: erased ? null : row.wechat,
    email: erased ? null : row.email,
    creditCode: erased ? null : row.creditCode,
    industry: row.industry,
    need: {
      deal: row.needDeal,
      kind: row.needKind,
      area: text(row.needArea),
      areaUnit: row.needAreaUnit,
    },
    use: row.use,
    expectedAnnualTax: text(row.expectedAnnualTax),
    investment: text(row.investment),
    annualOutput: text(row.annualOutput),
    employees: row.employees,
    source: row.source,
    stage: row.stage,
    owner: row.owner,
    park: row.park,
    listingId: row.listingId,
    score: row.score,
    lostReason: row.lostReasonKey,
    lostToPark: row.lostToPark,
    signedArea: text(row.signedArea),
    signedAreaUnit: row.signedAreaUnit,
    signedAnnualTax: text(row.signedAnnualTax),
    signedAt: iso(row.signedAt),
    inquiryCount: row.inquiryCount,
    stageChangedAt: row.stageChangedAt.toISOString(),
    lastInquiryAt: row.lastInquiryAt.toISOString(),
    archivedAt: iso(row.archivedAt),
    erasedAt: iso(row.erasedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** An inquiry as the API shows it: once its lead is erased, the person's fields and message are null. */
export function inquiryResource(row: InquiryRow): InquiryResource {
  const erased = row.lead.erasedAt !== null;
  return {
    id: row.id,
    reference: row.reference,
    leadId: row.leadId,
    listingId: row.listingId,
    channel: row.channel,
    need: {
      deal: row.needDeal,
      kind: row.needKind,
      area: row.needArea.toString(),
      areaUnit: row.needAreaUnit,
      timeline: row.timeline,
    },
    use: row.use,
    expectedAnnualTax: row.expectedAnnualTax.toString(),
    company: row.company,
    contactName: erased ? null : row.contactName,
    phone: erased ? null : row.phone,
    wechat: erased ? null : row.wechat,
    email: erased ? null : row.email,
    creditCode: erased ? null : row.creditCode,
    message: erased ? null : row.message,
    investment: text(row.investment),
    annualOutput: text(row.annualOutput),
    employees: row.employees,
    powerKva: row.powerKva,
    locale: row.locale,
    utmSource: row.utmSource,
    utmMedium: row.utmMedium,
    utmCampaign: row.utmCampaign,
    createdAt: row.createdAt.toISOString(),
  };
}

export function listingResource(row: ListingRow): ListingResource {
  return {
    ...row,
    area: row.area.toString(),
    availableArea: row.availableArea.toString(),
    minSplitArea: text(row.minSplitArea),
    price: row.price.toString(),
    floorHeightM: text(row.floorHeightM),
    availableFrom: row.availableFrom ? row.availableFrom.toISOString().slice(0, 10) : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
