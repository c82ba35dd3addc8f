import "server-only";
import { INVENTORY_MANAGERS } from "../access";
import { headerKey, importColumns } from "./mapping";
import { UNIT_IMPORT_FIELDS, unitImportValueOf, type UnitImportField, type UnitPriceUnit } from "./schema";

/*
 * Which field each column of a 租控表 is: proposed from its header, corrected on the mapping form,
 * remembered for the next file (the Setting "import.units.mapping"), as the leads import does.
 */

/** The usual headers of park 租控表 and asset registers, in both languages, folded as `headerKey` folds them. */
const WORDS: Record<UnitImportField, string[]> = {
  building: ["楼栋", "楼号", "栋", "栋号", "楼宇", "楼栋名称", "楼栋号", "建筑", "building", "buildingname", "block"],
  floor: ["楼层", "层", "所在楼层", "层次", "floor", "level", "storey"],
  number: [
    "单元",
    "房号",
    "单元号",
    "房间号",
    "房间",
    "门牌号",
    "地块",
    "地块编号",
    "unit",
    "unitno",
    "room",
    "number",
  ],
  area: ["面积", "建筑面积", "出租面积", "可租面积", "租赁面积", "计租面积", "area", "grossarea", "floorarea"],
  areaMu: ["亩数", "占地亩数", "用地面积(亩)"],
  areaSqm: ["平方米", "㎡", "m²", "sqm"],
  kind: ["类型", "物业类型", "用途", "房源类型", "载体类型", "kind", "type", "propertytype"],
  floorHeight: ["层高", "净高", "层高(m)", "层高(米)", "floorheight", "clearheight", "height"],
  floorLoad: ["承重", "楼面承重", "荷载", "楼面荷载", "承重(kg/m²)", "承重(kg/m2)", "floorload", "load"],
  power: ["配电", "配电容量", "变压器容量", "配电(kva)", "kva", "power", "powerkva"],
  structure: ["结构", "建筑结构", "结构类型", "structure"],
  storeys: ["层数", "总层数", "楼层数", "storeys", "stories", "floors"],
  completionYear: ["竣工年份", "竣工年", "竣工时间", "建成年份", "completionyear", "completed", "yearbuilt"],
  propertyTerm: ["产权年限", "土地年限", "使用年限", "propertyterm", "term", "leaseholdterm"],
  listPrice: ["单价", "售价", "价格", "报价", "挂牌价", "price", "listprice", "saleprice"],
  rent: ["租金", "租金单价", "月租金", "rent", "rentprice"],
  priceUnit: ["计价单位", "价格单位", "单价单位", "租金单位", "priceunit"],
  floorPrice: ["底价", "最低价", "floorprice", "minimumprice", "reserveprice"],
  status: ["状态", "租控状态", "房源状态", "出租状态", "status"],
};

const KNOWN = new Map<string, UnitImportField>();
for (const field of UNIT_IMPORT_FIELDS) for (const word of WORDS[field]) KNOWN.set(headerKey(word), field);

const BRACKETED = /^(.+?)\((.*)\)$/;
const MU_WORDS = new Set(["亩", "mu"]);
const SQM_WORDS = new Set(["m²", "m2", "㎡", "平方米", "平米", "sqm", "squaremetres", "squaremeters"]);

/** The price unit a bracket after a price header names ("租金（元/m²/月）"), folded as headerKey folds. */
const PRICE_UNIT_WORDS: [UnitPriceUnit, string[]][] = [
  [
    "YUAN_PER_SQM_MONTH",
    ["元/m²/月", "元/m2/月", "元/㎡/月", "元/平方米/月", "元/平米/月", "元/平/月", "yuan/m²/month"],
  ],
  ["YUAN_PER_SQM_DAY", ["元/m²/天", "元/m2/天", "元/㎡/天", "元/平方米/天", "元/平米/天", "元/平/天", "元/m²/日"]],
  ["YUAN_PER_SQM", ["元/m²", "元/m2", "元/㎡", "元/平方米", "元/平米", "元/平", "yuan/m²"]],
  ["WAN_PER_MU", ["万元/亩", "万/亩", "wanyuan/mu"]],
  ["WAN_TOTAL", ["万元", "万", "总价(万元)", "wanyuan"]],
];
export const PRICE_UNITS_BY_WORD = new Map<string, UnitPriceUnit>();
for (const [unit, words] of PRICE_UNIT_WORDS) for (const word of words) PRICE_UNITS_BY_WORD.set(headerKey(word), unit);

/** The price unit a price column's header names in brackets, or null. */
export function priceUnitOfHeader(header: string): UnitPriceUnit | null {
  const bracketed = BRACKETED.exec(headerKey(header));
  return bracketed ? (PRICE_UNITS_BY_WORD.get(bracketed[2]) ?? null) : null;
}

/** The field a header names, or null; an area header with its unit in brackets names the area in that unit. */
export function unitFieldOfHeader(header: string): UnitImportField | null {
  const key = headerKey(header);
  if (key === "") return null;
  const known = KNOWN.get(key);
  if (known) return known;
  const bracketed = BRACKETED.exec(key);
  if (!bracketed) return null;
  const [, base, unit] = bracketed;
  const field = KNOWN.get(base) ?? null;
  if (field === "area" && MU_WORDS.has(unit)) return "areaMu";
  if (field === "area" && SQM_WORDS.has(unit)) return "areaSqm";
  return field;
}

export const UNIT_MAPPING_SETTING_KEY = "import.units.mapping";

const unitColumns = importColumns<UnitImportField>({
  fields: UNIT_IMPORT_FIELDS,
  fieldOfHeader: unitFieldOfHeader,
  valueOf: unitImportValueOf,
  settingKey: UNIT_MAPPING_SETTING_KEY,
  rememberers: INVENTORY_MANAGERS,
  remembering: "remember a units import mapping",
});

/** The field proposed for each column: the remembered correction first, then recognition; each value once. */
export const recogniseUnitColumns = unitColumns.recognise;
export const rememberedUnitMapping = unitColumns.remembered;
/** Keeps the confirmed mapping by header text, merged with what was kept; a column left out forgets its header. */
export const rememberUnitMapping = unitColumns.remember;
