import type { Messages } from "../messages";

export const apiEn: Messages["api"] = {};
