/** Chinese messages of the reportsConversion namespace; en is typed from this file so the two never drift. */
export const reportsConversionZhCN = {
  title: "转化与趋势",
};
