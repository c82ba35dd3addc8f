import "server-only";
import type { Database } from "../../db/client";
import { headerKey, importColumns, recogniseUnitColumns, rememberedUnitMapping } from "../../inventory/import";
import { inboxEn } from "../../i18n/messages/inbox.en";
import { inboxZhCN } from "../../i18n/messages/inbox.zh-CN";
import { reportsExportEn } from "../../i18n/messages/reports-export.en";
import { reportsExportZhCN } from "../../i18n/messages/reports-export.zh-CN";
import { IMPORT_FIELDS, importValueOf, type ImportField } from "./types";

/*
 * Which field each column of an uploaded file is: proposed from its header, corrected by the admin
 * with the mapping form (importMappingSchema, schema.ts), remembered for the next file (the Setting
 * "import.leads.mapping").
 */

/** The usual headers of park ledgers and CRM exports, in both languages, folded as `headerKey` folds them. */
const WORDS: Record<ImportField, string[]> = {
  company: [
    "公司",
    "公司名称",
    "企业",
    "企业名称",
    "单位名称",
    "客户",
    "客户名称",
    "客户单位",
    "项目单位",
    "投资方",
  ].concat(["投资主体", "company", "companyname", "enterprise", "customer", "client", "organisation", "organization"]),
  contactName: [
    "联系人",
    "姓名",
    "联系人姓名",
    "客户姓名",
    "对接人",
    "contact",
    "contactname",
    "contactperson",
    "name",
  ],
  phone: [
    "手机",
    "手机号",
    "手机号码",
    "联系电话",
    "电话",
    "电话号码",
    "联系方式",
    "联系手机",
    "mobile",
    "phone",
  ].concat(["mobilephone", "mobilenumber", "phonenumber", "cellphone", "tel", "telephone"]),
  wechat: ["微信", "微信号", "wechat", "wechatid", "weixin"],
  email: ["邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail", "emailaddress"],
  creditCode: ["统一社会信用代码", "社会信用代码", "信用代码", "creditcode", "unifiedsocialcreditcode", "uscc"],
  industry: ["行业", "所属行业", "行业类别", "行业分类", "产业", "产业类别", "industry", "sector"],
  needDeal: [
    "需求类型",
    "购买或租赁",
    "购买/租赁",
    "租赁/购买",
    "租售",
    "租售方式",
    "买/租",
    "租/买",
    "交易方式",
    "deal",
  ].concat(["buy/rent", "buyorrent", "buy/lease", "buyorlease", "rent/buy", "dealtype"]),
  needKind: ["物业类型", "类型", "需求物业", "空间类型", "载体类型", "需求载体", "kind", "propertytype", "type"],
  needArea: ["需求面积", "面积", "意向面积", "需求规模", "area", "areaneeded", "areawanted", "size"],
  needAreaMu: ["亩", "需求亩数", "亩数", "用地面积(亩)"],
  needAreaSqm: ["平方米", "平米", "m²", "m2", "㎡", "sqm"],
  needAreaUnit: ["单位", "面积单位", "亩/平方米", "unit", "areaunit"],
  use: ["用途", "项目内容", "项目情况", "项目概况", "项目简介", "需求用途", "主要产品", "use", "purpose", "project"],
  expectedAnnualTax: ["预计税收", "年税收", "预计年税收", "预期税收", "税收", "tax", "annualtax", "expectedtax"].concat(
    ["expectedannualtax"],
  ),
  investment: ["投资额", "总投资", "投资总额", "计划投资", "投资", "investment", "totalinvestment"],
  annualOutput: ["年产值", "产值", "预计年产值", "预计产值", "annualoutput", "output"],
  employees: ["员工", "员工人数", "用工人数", "用工", "人数", "职工人数", "employees", "staff", "headcount", "jobs"],
  notes: ["备注", "说明", "留言", "notes", "note", "remarks", "remark", "comments", "comment", "message"],
  source: ["来源", "线索来源", "客户来源", "信息来源", "渠道", "source", "leadsource", "channel"],
  owner: ["负责人", "招商专员", "跟进人", "招商人员", "对接专员", "经办人", "owner", "assignee", "officer"],
  stage: ["阶段", "状态", "进展", "项目进展", "项目阶段", "跟进状态", "stage", "status", "progress"],
  park: ["园区", "意向园区", "park"],
  listing: ["房源", "意向房源", "listing", "property"],
  createdAt: [
    "日期",
    "登记日期",
    "登记时间",
    "收到时间",
    "收到日期",
    "创建时间",
    "创建日期",
    "录入日期",
    "时间",
    "date",
  ].concat(["created", "createdat", "received", "receivedat", "receivedon"]),
  lastActivityAt: [
    "最近跟进",
    "最近跟进时间",
    "最后跟进",
    "最后跟进时间",
    "跟进日期",
    "跟进时间",
    "lastactivity",
  ].concat(["lastfollow-up", "lastfollowup", "lastcontact"]),
  signedAt: ["签约日期", "签约时间", "signedon", "signedat", "signeddate", "signingdate"],
  signedArea: ["签约面积", "signedarea"],
  signedAreaMu: ["签约亩数"],
  signedAreaSqm: [],
  signedAreaUnit: ["签约面积单位", "signedareaunit"],
  signedAnnualTax: ["签约税收", "签约年税收", "signedtax", "signedannualtax"],
  lostReason: ["流失原因", "丢单原因", "lostreason", "reasonlost"],
};

/** The headers this app writes itself: the inbox CSV and the 台账/储备库 workbooks, in both languages. */
function appHeaders(): [string, ImportField][] {
  const pairs: [string, ImportField][] = [];
  for (const csv of [inboxZhCN.csv, inboxEn.csv])
    pairs.push(
      [csv.stage, "stage"],
      [csv.owner, "owner"],
      [csv.company, "company"],
      [csv.contact, "contactName"],
      [csv.phone, "phone"],
      [csv.deal, "needDeal"],
      [csv.kind, "needKind"],
      [csv.area, "needArea"],
      [csv.areaUnit, "needAreaUnit"],
      [csv.use, "use"],
      [csv.tax, "expectedAnnualTax"],
      [csv.investment, "investment"],
      [csv.source, "source"],
      [csv.listing, "listing"],
      [csv.park, "park"],
      [csv.received, "createdAt"],
      [csv.lastActivity, "lastActivityAt"],
    );
  for (const { columns } of [reportsExportZhCN.sheet, reportsExportEn.sheet])
    pairs.push(
      [columns.company, "company"],
      // The ledger writes "industry / use" in one column; it reads back as the industry.
      [columns.industry, "industry"],
      [columns.investment, "investment"],
      [columns.tax, "expectedAnnualTax"],
      [columns.needArea, "needArea"],
      [columns.needAreaUnit, "needAreaUnit"],
      [columns.stage, "stage"],
      [columns.owner, "owner"],
      [columns.source, "source"],
      [columns.park, "park"],
      [columns.received, "createdAt"],
      [columns.lastActivity, "lastActivityAt"],
      [columns.signedAt, "signedAt"],
      [columns.signedArea, "signedArea"],
      [columns.signedAreaUnit, "signedAreaUnit"],
      [columns.signedTax, "signedAnnualTax"],
    );
  return pairs;
}

const KNOWN = new Map<string, ImportField>();
for (const field of IMPORT_FIELDS) for (const word of WORDS[field]) KNOWN.set(headerKey(word), field);
for (const [header, field] of appHeaders()) KNOWN.set(headerKey(header), field);

/** A unit in brackets after a header: "需求面积（亩）", "Area (m²)"; 万元 and the like say nothing about a field. */
const BRACKETED = /^(.+?)\((.*)\)$/;
const MU_WORDS = new Set(["亩", "mu"]);
const SQM_WORDS = new Set(["m²", "m2", "㎡", "平方米", "平米", "sqm", "squaremetres", "squaremeters"]);
const IN_UNITS: Partial<Record<ImportField, { mu: ImportField; sqm: ImportField }>> = {
  needArea: { mu: "needAreaMu", sqm: "needAreaSqm" },
  signedArea: { mu: "signedAreaMu", sqm: "signedAreaSqm" },
};

/** The field a header names, or null; an area header with its unit in brackets names the area in that unit. */
export function fieldOfHeader(header: string): ImportField | null {
  const key = headerKey(header);
  if (key === "") return null;
  const known = KNOWN.get(key);
  if (known) return known;
  const bracketed = BRACKETED.exec(key);
  if (!bracketed) return null;
  const [, base, unit] = bracketed;
  const field = KNOWN.get(base) ?? null;
  const units = field ? IN_UNITS[field] : undefined;
  if (units && MU_WORDS.has(unit)) return units.mu;
  if (units && SQM_WORDS.has(unit)) return units.sqm;
  return field;
}

/** The Setting row that keeps the admin's corrections: header text → field. */
export const MAPPING_SETTING_KEY = "import.leads.mapping";

const leadColumns = importColumns<ImportField>({
  fields: IMPORT_FIELDS,
  fieldOfHeader,
  valueOf: importValueOf,
  settingKey: MAPPING_SETTING_KEY,
  rememberers: ["ADMIN"],
  remembering: "remember an import mapping",
});

/**
 * The field proposed for each column: the admin's remembered correction for that header text first,
 * then recognition; a field a column before already took is not proposed again.
 */
export const recogniseColumns = leadColumns.recognise;
/** The corrections kept from earlier imports; a stored value this version cannot read counts as none. */
export const rememberedMapping = leadColumns.remembered;
/** Keeps the mapping the admin confirmed, by header text; a column left out forgets what its header was mapped to. */
export const rememberMapping = leadColumns.remember;

/**
 * How a units import's file finds its header row (readImportFile's `header`): a 租控表's columns,
 * with the corrections kept from earlier units imports.
 */
export async function unitHeaderRecognition(db: Pick<Database, "setting">) {
  const remembered = await rememberedUnitMapping(db);
  return { recognise: (cells: string[]) => recogniseUnitColumns(cells, remembered), noHeader: "unitNoHeader" };
}
