/** Chinese messages of the leadPage namespace; en is typed from this file so the two never drift. */
export const leadPageZhCN = {
  title: "线索详情",
};
