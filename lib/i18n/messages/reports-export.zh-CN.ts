/** Chinese messages of the reportsExport namespace; en is typed from this file so the two never drift. */
export const reportsExportZhCN = {
  title: "导出",
};
