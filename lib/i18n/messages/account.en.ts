import type { Messages } from "../messages";

export const accountEn: Messages["account"] = {};
