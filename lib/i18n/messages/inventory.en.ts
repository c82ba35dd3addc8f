import type { Messages } from "../messages";

export const inventoryEn: Messages["inventory"] = {
  title: "",
};
