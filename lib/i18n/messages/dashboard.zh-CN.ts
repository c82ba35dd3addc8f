/* The workspace's start page: the pool, who is on duty, what is due. */
export const dashboardZhCN = {};
