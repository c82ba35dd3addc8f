import type { Messages } from "../messages";
import { inventoryRegisterEn } from "./inventory-register.en";

export const inventoryEn: Messages["inventory"] = {
  register: inventoryRegisterEn,
  title: "",
};
