import type { Messages } from "../messages";

export const apiReferenceEn: Messages["apiReference"] = {};
