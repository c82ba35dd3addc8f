import type { reportsExportZhCN } from "./reports-export.zh-CN";

export const reportsExportEn: typeof reportsExportZhCN = {
  title: "Export",
};
