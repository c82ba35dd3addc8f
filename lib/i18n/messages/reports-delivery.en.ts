import type { Messages } from "../messages";

export const reportsDeliveryEn: Messages["reportsDelivery"] = {
  title: "",
};
