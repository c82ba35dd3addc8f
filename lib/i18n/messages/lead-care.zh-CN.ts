/** Chinese messages of the leadCare namespace; en is typed from this file so the two never drift. */
export const leadCareZhCN = {
  title: "重复线索",
};
