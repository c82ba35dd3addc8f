/** Chinese messages of the rules namespace; en is typed from this file so the two never drift. */
export const rulesZhCN = {
  title: "分配与评分",
};
