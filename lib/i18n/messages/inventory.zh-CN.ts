/* 租控：楼栋、单元、意向锁定与租控表. */
export const inventoryZhCN = {
  title: "",
};
