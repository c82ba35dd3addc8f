import type { rulesZhCN } from "./rules.zh-CN";

export const rulesEn: typeof rulesZhCN = {
  title: "Assignment and scoring",
};
