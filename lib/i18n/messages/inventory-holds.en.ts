import type { Messages } from "../messages";

export const inventoryHoldsEn: Messages["inventory"]["holds"] = {
  mail: {
    expiringSubject: "Hold expires tomorrow: {unit} ({company})",
    expiredSubject: "Hold expired and released: {unit} ({company})",
    expiringIntro:
      "A unit you hold expires soon. Still negotiating? Renew it on the lead's page; " +
      "otherwise release it for your colleagues.",
    expiredIntro: "This unit's hold expired: it is vacant again and colleagues can hold it now.",
    unit: "Unit: {unit}",
    company: "Company: {company}",
    holder: "Held by: {name}",
    expiresAt: "Expires: {when} (Beijing time)",
    link: "Open the lead",
  },
};
