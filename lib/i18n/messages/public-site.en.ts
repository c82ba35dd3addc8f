import type { Messages } from "../messages";

export const publicSiteEn: Messages["publicSite"] = {
  header: {
    inquireShort: "Inquire",
  },
};
