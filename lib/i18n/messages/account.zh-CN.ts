export const accountZhCN = {};
