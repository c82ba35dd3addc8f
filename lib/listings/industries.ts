/** Industry tags a listing can be suited to; stored as codes, shown in the UI language. */
export const industries = {
  "digital-economy": { zh: "数字经济", en: "Digital economy" },
  "smart-manufacturing": { zh: "智能制造", en: "Smart manufacturing" },
  electronics: { zh: "电子信息", en: "Electronics" },
  semiconductors: { zh: "半导体", en: "Semiconductors" },
  biomedicine: { zh: "生物医药", en: "Biomedicine" },
  "medical-devices": { zh: "医疗器械", en: "Medical devices" },
  "new-materials": { zh: "新材料", en: "New materials" },
  "new-energy": { zh: "新能源", en: "New energy" },
  "auto-parts": { zh: "汽车零部件", en: "Auto parts" },
  equipment: { zh: "高端装备", en: "High-end equipment" },
  "research-services": { zh: "研发服务", en: "R&D services" },
  logistics: { zh: "仓储物流", en: "Warehousing and logistics" },
  cosmetics: { zh: "美妆日化", en: "Cosmetics" },
} as const;

export type IndustryCode = keyof typeof industries;

export function industryLabel(code: string, locale: string): string {
  const entry = industries[code as IndustryCode];
  if (!entry) return code;
  return locale === "en" ? entry.en : entry.zh;
}
