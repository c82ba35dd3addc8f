/* 导入线索（Excel/CSV）. */
export const leadImportZhCN = {};
