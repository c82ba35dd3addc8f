/* API 密钥. */
export const apiKeysZhCN = {};
