import type { Messages } from "../messages";

export const inquiryStatusEn: Messages["inquiryStatus"] = {};
