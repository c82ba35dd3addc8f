import type { Messages } from "../messages";

export const privacyRequestsEn: Messages["privacyRequests"] = {};
