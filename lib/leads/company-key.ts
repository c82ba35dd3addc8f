/*
 * A company name folded so that spellings of one company meet on one key (Lead.companyKey), for
 * duplicate detection. People type the same name in many ways: 全角 letters, digits and brackets
 * from a Chinese keyboard, spaces anywhere, "有限责任公司" or "股份有限公司" where the register says
 * "有限公司", "Co., Ltd." or "Company Limited". The key is only compared, never shown.
 */

const OPEN_BRACKETS = /[【〔［〖「『[{]/g;
const CLOSE_BRACKETS = /[】〕］〗」』\]}]/g;
/** 有限公司 with 责任 (also traditional 責任) or 股份, the latter sometimes in brackets. */
const LIMITED_COMPANY = /(?:\(股份\)|股份)?有限(?:责任|責任)?公司/g;
/** The English legal suffix, after spaces are gone: "co.,ltd.", "coltd", "companylimited", "limited"… */
const LIMITED_EN = /(?:co(?:mpany)?[.,]*)?(?:ltd|limited)\.?$/;

export function companyKey(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\ufeff]+/gu, "")
    .replace(OPEN_BRACKETS, "(")
    .replace(CLOSE_BRACKETS, ")")
    .replace(LIMITED_COMPANY, "有限公司")
    .replace(LIMITED_EN, "ltd");
}
