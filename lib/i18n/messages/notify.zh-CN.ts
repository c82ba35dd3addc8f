export const notifyZhCN = {};
