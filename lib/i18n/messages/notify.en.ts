import type { Messages } from "../messages";

export const notifyEn: Messages["notify"] = {};
