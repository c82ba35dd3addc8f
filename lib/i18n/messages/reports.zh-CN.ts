/** Chinese messages of the reports namespace; en is typed from this file so the two never drift. */
export const reportsZhCN = {
  title: "报表",
};
