/**
 * The privacy notice shown beside the inquiry form (PIPL arts. 14–17). Its version is stored with
 * every consent; change the version whenever the text below changes meaningfully.
 */
export const PRIVACY_NOTICE_VERSION = "2026-11-01";
export const PRIVACY_NOTICE_EFFECTIVE = new Date("2026-11-01T00:00:00+08:00");

export interface PrivacyOperator {
  name: string;
  nameEn: string;
  address: string;
  addressEn: string;
  phone: string;
  email: string;
}

/** The park operator who collects the data; a deployment names its own through the environment. */
export function privacyOperator(): PrivacyOperator {
  return {
    name: process.env.PARKLEAD_OPERATOR_NAME ?? "中南高科·平湖科创智谷招商中心",
    nameEn: process.env.PARKLEAD_OPERATOR_NAME_EN ?? "Zhongnan Hi-Tech · Pinghu Innovation Valley investment office",
    address: process.env.PARKLEAD_OPERATOR_ADDRESS ?? "浙江省平湖市新埭镇科创大道",
    addressEn: process.env.PARKLEAD_OPERATOR_ADDRESS_EN ?? "Kechuang Avenue, Xindai Town, Pinghu, Zhejiang",
    phone: process.env.PARKLEAD_OPERATOR_PHONE ?? "400 0123 021",
    email: process.env.PARKLEAD_OPERATOR_EMAIL ?? "privacy@parklead.example.cn",
  };
}

/** Kept this long after the last contact, then erased or anonymised (PIPL art. 47). */
export const RETENTION_YEARS = 3;
