/* 出租率与空置报表. */
export const reportsOccupancyZhCN = {
  title: "",
};
