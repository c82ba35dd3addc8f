import type { Messages } from "../messages";

export const workspaceEn: Messages["workspace"] = {};
