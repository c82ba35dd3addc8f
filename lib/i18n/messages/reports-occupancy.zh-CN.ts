/* 出租率与空置报表. */
export const reportsOccupancyZhCN = {
  title: "出租率与空置",
  /** a park's own row, in the building column */
  wholePark: "全园区",
  tables: {
    rate: "各期末出租率/去化率",
    vacancy: "空置天数",
    expired: "到期未签约的意向锁定（按园区、楼栋）",
    expiredByOfficer: "到期未签约的意向锁定（按招商人员）",
    now: "当前面积（按状态）",
  },
  columns: {
    period: "期间",
    asOf: "截至",
    park: "园区",
    building: "楼栋",
    total: "总面积（m²）",
    offered: "可租售面积（m²）",
    taken: "已签约及入驻面积（m²）",
    rate: "出租率/去化率",
    vacant: "空置（m²）",
    held: "意向锁定（m²）",
    signed: "已签约（m²）",
    occupied: "已入驻（m²）",
    unavailable: "不可租售（m²）",
    leftVacant: "期内结束的空置（次）",
    leftVacantDays: "其平均空置时长",
    vacantAtEnd: "期末仍空置的单元",
    vacantAtEndDays: "其平均已空置时长",
    expired: "到期未签约",
    signedLater: "其中线索后来签约",
    officer: "招商人员",
  },
  chart: {
    label: "各园区各期末出租率/去化率的折线图",
    empty: "所选范围内没有单元。",
  },
  summary: "截至 {day}，所选园区出租率/去化率 {rate}（可租售 {offered} m²，已签约及入驻 {taken} m²）。",
  definition:
    "出租率/去化率 =（已签约 + 已入驻面积）÷（总面积 − 不可租售面积），面积均折算为 m²。" +
    "各期末按单元在该时刻的状态（此前最后一次状态变更）计算，尚未录入的单元不计；范围在一个月以内或选择按周时按周（周一起）统计，" +
    "进行中的期间按当前时刻计算。空置时长按北京时间的日历天数：期内结束空置的单元为从进入空置到结束空置，" +
    "期末仍空置的单元为从进入空置到期末（或现在）。到期未签约为期内因到期而结束的意向锁定，" +
    "“后来签约”为该线索在锁定结束后签约了任一单元。招商人员只看到自己的意向锁定；经理选择负责人时只看该人员的意向锁定。" +
    "园区与类型筛选按单元所在园区和楼栋类型，来源筛选不适用于本报表。",
};
