import type { Messages } from "../messages";

export const leadImportEn: Messages["leadImport"] = {};
