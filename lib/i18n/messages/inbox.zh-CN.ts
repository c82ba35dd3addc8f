/** Chinese messages of the inbox namespace; en is typed from this file so the two never drift. */
export const inboxZhCN = {
  title: "线索",
};
