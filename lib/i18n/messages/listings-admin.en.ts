import type { listingsAdminZhCN } from "./listings-admin.zh-CN";

export const listingsAdminEn: typeof listingsAdminZhCN = {
  title: "Listings",
};
