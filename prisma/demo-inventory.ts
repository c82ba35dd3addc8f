import type { AreaUnit, PriceUnit } from "../lib/listings/units";

/*
 * The demo parks' buildings and units (租控). 中南高科·平湖科创智谷 is the seed page's first phase: 18 独栋
 * brick-concrete buildings under a 50-year industrial title, 43,000 m² built. The demo workspace
 * (lib/demo/seed/inventory.ts) lets, sells and holds its units so that 13,700 m² stay free; without
 * the workspace every unit is vacant. Each demo listing offers one building whole (`building` in
 * prisma/demo-listings.ts); the other demo parks have one building per listing.
 */

export const ZHONGNAN_PARK = "pinghu-zhangjiang";

export interface DemoUnit {
  /** null for a land plot or a building let as a whole */
  floor: number | null;
  number: string;
  area: string;
  areaUnit: AreaUnit;
  listPrice: string;
  /** 底价, about 92% of the list price */
  floorPrice: string;
  priceUnit: PriceUnit;
}

export interface DemoBuilding {
  parkSlug: string;
  name: string;
  nameEn: string;
  kind: "FACTORY" | "OFFICE" | "LAND";
  factoryType?: "STANDARD" | "SINGLE_STOREY" | "MULTI_STOREY";
  storeys?: number;
  structure?: string;
  structureEn?: string;
  floorHeightM?: string;
  floorLoadKgPerSqm?: number;
  powerKva?: number;
  completionYear?: number;
  propertyTermYears?: number;
  units: DemoUnit[];
}

const floorPriceOf = (price: number) => String(Math.round(price * 0.92 * 100) / 100);

/** One unit a floor, numbered 101, 201, …: how the valley's 独栋 buildings are sold, whole or by floor. */
function byFloor(areas: number[], price: number, priceUnit: PriceUnit = "YUAN_PER_SQM"): DemoUnit[] {
  return areas.map((area, index) => ({
    floor: index + 1,
    number: `${index + 1}01`,
    area: String(area),
    areaUnit: "SQM",
    listPrice: String(price),
    floorPrice: floorPriceOf(price),
    priceUnit,
  }));
}

function unit(
  floor: number | null,
  number: string,
  area: number,
  price: number,
  priceUnit: PriceUnit,
  areaUnit: AreaUnit = "SQM",
): DemoUnit {
  return {
    floor,
    number,
    area: String(area),
    areaUnit,
    listPrice: String(price),
    floorPrice: floorPriceOf(price),
    priceUnit,
  };
}

const valley = (
  block: string,
  areas: number[],
  price: number,
  specs: { floorHeightM: string; floorLoadKgPerSqm: number; powerKva: number },
): DemoBuilding => ({
  parkSlug: ZHONGNAN_PARK,
  name: `${block}栋`,
  nameEn: `Building ${block}`,
  kind: "FACTORY",
  factoryType: "MULTI_STOREY",
  storeys: areas.length,
  structure: "砖混",
  structureEn: "Brick-concrete",
  completionYear: 2021,
  propertyTermYears: 50,
  ...specs,
  units: byFloor(areas, price),
});

const low = { floorHeightM: "5.4", floorLoadKgPerSqm: 800, powerKva: 200 };
const mid = { floorHeightM: "6.0", floorLoadKgPerSqm: 1000, powerKva: 250 };
const high = { floorHeightM: "6.5", floorLoadKgPerSqm: 1200, powerKva: 400 };

/** 18 buildings, 43,000 m². */
export const valleyBuildings: DemoBuilding[] = [
  valley("A1", [700, 700, 700], 5600, mid),
  valley("A2", [700, 700, 700], 5600, mid),
  valley("A3", [800, 800, 800], 5800, mid),
  valley("A4", [800, 800, 800], 5800, mid),
  valley("A5", [700, 700, 700, 700], 5500, high),
  valley("B6", [650, 650, 650], 5600, low),
  valley("B7", [650, 600, 600], 5600, low),
  valley("B8", [650, 650, 650], 5600, low),
  valley("B9", [650, 650, 650], 5600, low),
  valley("C10", [700, 700, 700, 700], 5500, high),
  valley("C11", [700, 700, 825, 825], 5500, high),
  valley("C12", [775, 775, 775, 775], 5500, high),
  valley("C13", [650, 650, 650, 650], 5500, high),
  valley("D1", [850, 850, 850], 5700, { ...mid, powerKva: 315 }),
  valley("D2", [900, 875, 875], 5700, { ...mid, powerKva: 315 }),
  valley("D3", [850, 850, 850], 5700, { ...mid, powerKva: 315 }),
  valley("D4", [800, 800, 800], 5700, mid),
  valley("D5", [600, 600, 600], 5700, mid),
];

export const XINDAI_PARK = "xindai";

/** The other demo parks: one building for each listing, its units adding up to the listing's area. */
export const otherBuildings: DemoBuilding[] = [
  {
    parkSlug: XINDAI_PARK,
    name: "人才创新园 2号楼",
    nameEn: "Talent Innovation Park, Building 2",
    kind: "OFFICE",
    storeys: 12,
    structure: "框架",
    structureEn: "Reinforced-concrete frame",
    units: [unit(8, "801", 600, 1, "YUAN_PER_SQM_DAY")],
  },
  {
    parkSlug: XINDAI_PARK,
    name: "科创大道北侧地块",
    nameEn: "Plot north of Kechuang Avenue",
    kind: "LAND",
    propertyTermYears: 50,
    units: [unit(null, "地块A", 30, 38, "WAN_PER_MU", "MU")],
  },
  {
    parkSlug: XINDAI_PARK,
    name: "新埭标准厂房 1号楼",
    nameEn: "Xindai standard factory, Building 1",
    kind: "FACTORY",
    factoryType: "STANDARD",
    storeys: 4,
    structure: "钢混",
    structureEn: "Steel and concrete",
    units: [unit(1, "101", 3200, 0.75, "YUAN_PER_SQM_DAY"), unit(1, "102", 1800, 0.75, "YUAN_PER_SQM_DAY")],
  },
  {
    parkSlug: "pinghu-etdz",
    name: "7号厂房",
    nameEn: "Factory 7",
    kind: "FACTORY",
    factoryType: "SINGLE_STOREY",
    storeys: 1,
    units: [unit(1, "7-1", 4000, 0.65, "YUAN_PER_SQM_DAY"), unit(1, "7-2", 4000, 0.65, "YUAN_PER_SQM_DAY")],
  },
  {
    parkSlug: "pinghu-etdz",
    name: "12号楼",
    nameEn: "Building 12",
    kind: "FACTORY",
    factoryType: "MULTI_STOREY",
    storeys: 4,
    propertyTermYears: 50,
    units: byFloor([1600, 1600, 1600, 1600], 4200),
  },
  {
    parkSlug: "pinghu-etdz",
    name: "东区地块",
    nameEn: "East district plots",
    kind: "LAND",
    propertyTermYears: 50,
    units: [unit(null, "东-1", 50, 45, "WAN_PER_MU", "MU"), unit(null, "东-2", 30, 45, "WAN_PER_MU", "MU")],
  },
  {
    parkSlug: "pinghu-etdz",
    name: "科创中心",
    nameEn: "Innovation Centre",
    kind: "OFFICE",
    storeys: 18,
    units: [unit(9, "901", 1200, 35, "YUAN_PER_SQM_MONTH")],
  },
  {
    parkSlug: "dushangang",
    name: "3号厂房",
    nameEn: "Factory 3",
    kind: "FACTORY",
    factoryType: "SINGLE_STOREY",
    storeys: 1,
    units: [unit(1, "A区", 6000, 0.55, "YUAN_PER_SQM_DAY"), unit(1, "B区", 6000, 0.55, "YUAN_PER_SQM_DAY")],
  },
  {
    parkSlug: "dushangang",
    name: "临港地块",
    nameEn: "Port-side plot",
    kind: "LAND",
    propertyTermYears: 50,
    units: [unit(null, "地块1", 120, 32, "WAN_PER_MU", "MU")],
  },
  {
    parkSlug: "dushangang",
    name: "5号楼",
    nameEn: "Building 5",
    kind: "FACTORY",
    factoryType: "STANDARD",
    storeys: 3,
    propertyTermYears: 50,
    units: [unit(null, "整栋", 3200, 1280, "WAN_TOTAL")],
  },
  {
    parkSlug: "dushangang",
    name: "港区总部楼",
    nameEn: "Port HQ building",
    kind: "OFFICE",
    storeys: 15,
    propertyTermYears: 40,
    units: [unit(12, "1201", 1500, 6800, "YUAN_PER_SQM")],
  },
];

export const demoBuildings: DemoBuilding[] = [...valleyBuildings, ...otherBuildings];
