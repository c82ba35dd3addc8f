/* /api/v1 的错误与回答. */
export const apiZhCN = {};
