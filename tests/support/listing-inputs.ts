/**
 * A complete, valid lease of a single-storey factory, as the staff form sends it (text): no unit
 * picked, so one unit of `area` is made for it (pass `unitIds` to offer existing units instead).
 */
export function factoryLease(parkId: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    parkId,
    title,
    titleEn: "Test factory",
    kind: "FACTORY",
    factoryType: "SINGLE_STOREY",
    deal: "LEASE",
    published: false,
    address: "平湖市测试路 1 号",
    addressEn: "",
    area: "5000",
    areaUnit: "SQM",
    price: "0.75",
    priceUnit: "YUAN_PER_SQM_DAY",
    floorHeightM: "9.5",
    floorLoadKgPerSqm: "3000",
    powerKva: "800",
    propertyTermYears: "",
    landUseType: "工业用地",
    landUseTypeEn: "",
    structure: "钢结构",
    structureEn: "Steel",
    storeys: "1",
    industries: ["smart-manufacturing"],
    highlights: "带 10 吨行车\n独门独院\n",
    highlightsEn: "",
    description: "单层钢结构厂房，可分割。",
    descriptionEn: "",
    availableFrom: "2027-01-01",
    ...overrides,
  };
}
