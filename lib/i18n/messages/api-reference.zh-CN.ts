/* API 参考文档页. */
export const apiReferenceZhCN = {};
