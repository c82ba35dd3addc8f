/** Chinese messages of the listingsAdmin namespace; en is typed from this file so the two never drift. */
export const listingsAdminZhCN = {
  title: "房源管理",
};
