import type { Messages } from "../messages";

export const notifySettingsEn: Messages["notifySettings"] = {};
