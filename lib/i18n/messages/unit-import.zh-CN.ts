/* 楼栋与单元的 Excel 导入. */
export const unitImportZhCN = {
  title: "",
};
