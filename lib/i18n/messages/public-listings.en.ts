import type { Messages } from "../messages";

export const publicListingsEn: Messages["publicListings"] = {};
