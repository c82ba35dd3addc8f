/** Chinese messages of the reportsSpeed namespace; en is typed from this file so the two never drift. */
export const reportsSpeedZhCN = {
  title: "响应速度",
};
