import type { Messages } from "../messages";

export const dashboardEn: Messages["dashboard"] = {};
