import type { leadPageZhCN } from "./lead-page.zh-CN";

export const leadPageEn: typeof leadPageZhCN = {
  title: "Lead",
};
