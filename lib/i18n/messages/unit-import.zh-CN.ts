/* 楼栋与单元的 Excel 导入（租控表）. */
export const unitImportZhCN = {
  title: "导入楼栋与单元",
  link: "导入租控表",
  back: "返回租控表",
  forbidden: "只有经理和管理员可以导入楼栋与单元",
  help: {
    title: "怎样导入",
    formats:
      "支持 Excel（.xlsx）和 CSV 文件，最大 10 MB；中文 Windows 上另存的 CSV（GBK 编码）、表头上方有标题行的租控表也可以直接上传。",
    columns:
      "每一行是一个单元：楼栋、楼层、单元号、面积（m² 或亩）必填；类型（厂房/办公/土地）、层高、承重、" +
      "配电、结构、层数、竣工年份、产权年限、单价或租金、底价、状态（空置/不可租售）可选。" +
      "楼栋按名称在园区内匹配，没有的会用它第一行的楼栋信息新建。",
    status:
      "状态只接受“空置”和“不可租售”：意向锁定、已签约、已入驻来自线索（锁定、签约、入驻），写这些状态的行会被拒绝并说明原因，请在线索上办理。",
    preview:
      "确认预览之前不会写入任何数据：已有的单元（同一楼栋、同一单元号）会被更新面积、价格和属性，已锁定、签约或入驻的单元不改状态。",
    undo: "导入完成后一天内可以整体撤销：新建且没人动过的单元和因此新建的空楼栋会删除，更新过的单元会还原。",
  },
  upload: {
    title: "上传租控表",
    park: "导入到园区",
    parkPlaceholder: "请选择园区",
    noParks: "还没有园区，请先在园区管理中创建。",
  },
  list: {
    title: "导入记录",
    empty: "还没有导入过租控表。",
    label: "楼栋与单元的导入记录",
    park: "园区",
  },
  mapping: {
    fields: {
      building: "楼栋",
      floor: "楼层",
      number: "单元号",
      area: "面积",
      areaMu: "面积（亩）",
      areaSqm: "面积（m²）",
      kind: "类型",
      floorHeight: "层高（m）",
      floorLoad: "承重（kg/m²）",
      power: "配电（kVA）",
      structure: "结构",
      storeys: "层数",
      completionYear: "竣工年份",
      propertyTerm: "产权年限",
      listPrice: "单价/售价",
      rent: "租金",
      priceUnit: "计价单位",
      floorPrice: "底价",
      status: "状态",
    },
  },
  preview: {
    building: "楼栋",
    floor: "楼层",
    number: "单元号",
    area: "面积",
    kind: "类型",
    price: "价格",
    status: "状态",
    matched: "已有单元",
    matchedUnit: "{building} {number}（{status}）",
    repeat: "与第 {row} 行是同一单元",
    mergeNeedsMatch: "没有可更新的已有单元",
  },
  cancelConfirm: "取消这次导入？上传的文件会被删除，不会写入任何楼栋或单元。",
  cancelledText: "这次导入已取消，没有写入任何楼栋或单元，上传的文件已删除。",
  summary: {
    counts: "新建 {created} 个单元，更新 {merged} 个，跳过 {skipped} 行，失败 {failed} 行。",
    grid: "查看租控表",
    undoBody:
      "新建且之后没有被锁定、签约或挂到房源上的单元会被删除，因此新建、删除后变空的楼栋也会删除；更新过的单元还原面积、价格和状态。",
    undoneAt: "这次导入已于 {when} 撤销。",
  },
};
