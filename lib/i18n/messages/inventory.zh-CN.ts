/* 租控：楼栋、单元、意向锁定与租控表. */
import { inventoryRegisterZhCN } from "./inventory-register.zh-CN";
export const inventoryZhCN = {
  register: inventoryRegisterZhCN,
  title: "",
};
