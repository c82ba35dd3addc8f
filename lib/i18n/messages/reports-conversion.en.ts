import type { reportsConversionZhCN } from "./reports-conversion.zh-CN";

export const reportsConversionEn: typeof reportsConversionZhCN = {
  title: "Conversion and trend",
};
