import type { Messages } from "../messages";

export const apiKeysEn: Messages["apiKeys"] = {};
