import type { Messages } from "../messages";

export const webhooksEn: Messages["webhooks"] = {};
