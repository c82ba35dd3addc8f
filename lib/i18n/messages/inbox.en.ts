import type { inboxZhCN } from "./inbox.zh-CN";

export const inboxEn: typeof inboxZhCN = {
  title: "Leads",
};
