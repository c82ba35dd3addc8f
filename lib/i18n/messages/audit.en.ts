import type { Messages } from "../messages";

export const auditEn: Messages["audit"] = {};
