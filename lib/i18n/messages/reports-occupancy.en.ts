import type { Messages } from "../messages";

export const reportsOccupancyEn: Messages["reportsOccupancy"] = {
  title: "",
};
