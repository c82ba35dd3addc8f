import type { leadCareZhCN } from "./lead-care.zh-CN";

export const leadCareEn: typeof leadCareZhCN = {
  title: "Duplicates",
};
