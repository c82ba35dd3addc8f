import type { z } from "zod";
import { decimal, integer, text } from "../../forms/fields";
import { en } from "../../i18n/messages/en";
import { zhCN } from "../../i18n/messages/zh-CN";
import { PRICE_UNITS_BY_WORD, priceUnitOfHeader } from "./columns";
import { headerKey } from "./mapping";
import type { ImportedUnit, UnitImportField, UnitPriceUnit } from "./schema";

/*
 * One row of a 租控表 read with the confirmed mapping: one unit, with its building's attributes. Errors
 * are validation.* keys. A status other than 空置 or 不可租售 is refused (unitStatusFromLeads): held,
 * signed and occupied come from a lead, through a hold or a signing, so the unit's history says who and
 * when; importing 已签约 as 不可租售 instead would quietly take let area out of the 出租率.
 */

const RULES = {
  building: text({ max: 60 }),
  number: text({ max: 30 }),
  area: decimal({ max: 9_999_999_999, decimals: 2, exclusive: true }),
  floorHeight: decimal({ max: 999, decimals: 2, exclusive: true }),
  floorLoad: integer({ max: 1_000_000 }),
  power: integer({ max: 10_000_000 }),
  structure: text({ max: 60 }),
  storeys: integer({ min: 1, max: 200 }),
  completionYear: integer({ min: 1900, max: 2100 }),
  propertyTerm: integer({ min: 1, max: 100 }),
  price: decimal({ max: 999_999_999_999, decimals: 2 }),
};

const fold = (value: string) =>
  value
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, "");

function dictionary<T>(entries: [T, string[]][]): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) map.set(fold(word), value);
  return map;
}

const KINDS = dictionary<NonNullable<ImportedUnit["kind"]>>([
  [
    "FACTORY",
    [zhCN.kind.FACTORY, en.kind.FACTORY, ...Object.values(zhCN.factoryType), ...Object.values(en.factoryType)],
  ],
  ["FACTORY", ["工业厂房", "独栋厂房", "独栋", "仓库", "plant", "warehouse"]],
  ["OFFICE", [zhCN.kind.OFFICE, en.kind.OFFICE, "办公", "研发", "写字楼", "研发楼", "办公楼", "office", "offices"]],
  ["LAND", [zhCN.kind.LAND, en.kind.LAND, "土地", "用地", "地块", "工业地", "land", "plot"]],
]);
type Status = NonNullable<ImportedUnit["status"]> | "FROM_LEADS";
const STATUSES = dictionary<Status>([
  [
    "VACANT",
    ["空置", "空闲", "待租", "待售", "待租售", "可租", "可售", "可租售", "招商中", "vacant", "available", "free"],
  ],
  [
    "UNAVAILABLE",
    ["不可租售", "不可租", "不可售", "自用", "暂不出租", "暂停招商", "封存", "unavailable", "notavailable"],
  ],
  ["FROM_LEADS", ["意向锁定", "锁定", "预订", "已预订", "已签约", "签约", "已租", "已出租", "已售", "已售出"]],
  ["FROM_LEADS", ["已入驻", "入驻", "在租", "held", "reserved", "signed", "let", "leased", "sold", "occupied"]],
]);
const AREA_UNITS = dictionary<"SQM" | "MU">([
  ["MU", ["亩", "mu"]],
  ["SQM", ["平方米", "平米", "平方", "㎡", "m²", "m2", "sqm"]],
]);
const AREA_WITH_UNIT = /^(.*?\d)\s*(亩|mu|平方米|平米|平方|m²|m2|㎡|sqm)$/;
/** 3, 3F, F3, 3层, 3楼, -1, B1 (the first floor below ground). */
const FLOOR = /^(?:(-?\d{1,3})\s*(?:f|层|楼)?|f(\d{1,3})|b(\d{1,2}))$/;

export interface UnitRowContext {
  /** the file's header row: a price column's header may name the price's unit in brackets */
  headers: string[];
  /** whether the import's creator may set 底价: a floor price column is ignored otherwise */
  setsFloorPrice: boolean;
}

export type ParsedUnitRow = { ok: true; values: ImportedUnit } | { ok: false; errors: Record<string, string> };

export function parseUnitRow(
  cells: string[],
  mapping: Record<string, UnitImportField>,
  context: UnitRowContext,
): ParsedUnitRow {
  const raw: Partial<Record<UnitImportField, string>> = {};
  const columnOf: Partial<Record<UnitImportField, number>> = {};
  for (const [column, field] of Object.entries(mapping)) {
    raw[field] = (cells[Number(column)] ?? "").trim();
    columnOf[field] = Number(column);
  }
  const errors: Record<string, string> = {};
  const fail = (field: string, key: string) => {
    errors[field] ??= key;
    return null;
  };
  function read<S extends z.ZodType>(field: UnitImportField, rule: S, required = false): z.output<S> | null {
    const value = raw[field];
    if (!value && !required) return null;
    const result = rule.safeParse(value ?? "");
    if (!result.success) return fail(field, result.error.issues[0]?.message ?? "invalid");
    return result.data;
  }
  function choose<T>(field: UnitImportField, words: Map<string, T>): T | null {
    const value = raw[field];
    if (!value) return null;
    const found = words.get(fold(value));
    return found === undefined ? fail(field, "choice") : found;
  }

  const building = read("building", RULES.building, true);
  const number = read("number", RULES.number, true);
  let floor: number | null = null;
  if (raw.floor) {
    const match = FLOOR.exec(fold(raw.floor));
    const value = match ? (match[3] ? -Number(match[3]) : Number(match[1] ?? match[2])) : NaN;
    if (!Number.isInteger(value) || value === 0 || value < -10 || value > 200) fail("floor", "integer");
    else floor = value;
  }

  let kind = choose("kind", KINDS);
  const areaField = (["area", "areaMu", "areaSqm"] as const).find((field) => raw[field] !== undefined) ?? "area";
  let area: string | null = null;
  let areaUnit: "SQM" | "MU" = areaField === "areaMu" ? "MU" : "SQM";
  const areaText = raw[areaField];
  if (!areaText) fail(areaField, "required");
  else {
    const suffix = AREA_WITH_UNIT.exec(areaText.normalize("NFKC").toLowerCase());
    const result = RULES.area.safeParse(suffix ? suffix[1] : areaText);
    if (result.success) area = result.data;
    else fail(areaField, result.error.issues[0]?.message ?? "number");
    if (suffix) areaUnit = AREA_UNITS.get(fold(suffix[2])) ?? areaUnit;
  }
  // A plot is measured in 亩 and only a plot is: an area in 亩 makes an unnamed kind land.
  if (areaUnit === "MU" && kind === null) kind = "LAND";
  if (areaUnit === "MU" && kind !== "LAND") fail(areaField, "unitAreaMuLand");

  const priceField = raw.rent !== undefined ? "rent" : "listPrice";
  const listPrice = read(priceField, RULES.price);
  const floorPrice = context.setsFloorPrice ? read("floorPrice", RULES.price) : null;
  let priceUnit: UnitPriceUnit | null = null;
  if (raw.priceUnit) {
    priceUnit = PRICE_UNITS_BY_WORD.get(headerKey(raw.priceUnit)) ?? fail("priceUnit", "choice");
  } else if (listPrice !== null || floorPrice !== null) {
    const column = columnOf[priceField] ?? columnOf.floorPrice;
    const named = column === undefined ? null : priceUnitOfHeader(context.headers[column] ?? "");
    priceUnit =
      named ?? (priceField === "rent" ? "YUAN_PER_SQM_MONTH" : kind === "LAND" ? "WAN_PER_MU" : "YUAN_PER_SQM");
  }

  const status = choose("status", STATUSES);
  if (status === "FROM_LEADS") fail("status", "unitStatusFromLeads");

  const values: ImportedUnit = {
    building: building ?? "",
    floor,
    number: number ?? "",
    area: area ?? "0",
    areaUnit,
    kind,
    floorHeightM: read("floorHeight", RULES.floorHeight),
    floorLoadKgPerSqm: read("floorLoad", RULES.floorLoad),
    powerKva: read("power", RULES.power),
    structure: read("structure", RULES.structure),
    storeys: read("storeys", RULES.storeys),
    completionYear: read("completionYear", RULES.completionYear),
    propertyTermYears: read("propertyTerm", RULES.propertyTerm),
    listPrice,
    floorPrice,
    priceUnit: listPrice !== null || floorPrice !== null ? priceUnit : null,
    status: status === "FROM_LEADS" ? null : status,
  };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, values };
}
