import type { Messages } from "../messages";

export const demoEn: Messages["demo"] = {};
