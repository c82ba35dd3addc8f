import type { reportsSpeedZhCN } from "./reports-speed.zh-CN";

export const reportsSpeedEn: typeof reportsSpeedZhCN = {
  title: "Speed",
};
