/* 履约报表：签约项目的推进、到资和亩均评价. */
export const reportsDeliveryZhCN = {
  title: "履约",
  filters: {
    asOf: "截至日期",
    year: "评价年度",
    mine: "我负责的项目",
  },
  /** under the filters, in place of the leads' date range */
  asOfText: "截至 {day}（北京时间）；亩均评价年度 {year} 年",
  staffScope: "仅显示我负责的项目。",
  /** the period on the CSV's title lines and on paper */
  period: "截至 {day}，评价年度 {year} 年",
  tables: {
    progress: "开工、投产、达产与逾期",
    funding: "到资",
    evaluation: "承诺与实际（评价年度）及亩均评价",
    classes: "亩均评价分类与准入评分",
  },
  /** the dimension a row sums */
  dimensions: {
    all: "合计",
    park: "园区",
    owner: "招商专员",
    industry: "产业",
    signedYear: "签约年度",
  },
  groups: {
    all: "全部项目",
    noPark: "未指定园区",
    noOwner: "未分配",
    noIndustry: "未填写产业",
    year: "{year} 年",
  },
  grades: {
    A: "A 类（优先发展）",
    B: "B 类（提升发展）",
    C: "C 类（整治提升）",
    D: "D 类（倒逼转型）",
    unclassed: "未评价（缺用地或数据）",
  },
  columns: {
    dimension: "维度",
    group: "分组",
    projects: "项目数",
    startDone: "已开工",
    startDue: "应开工",
    startRate: "开工率",
    productionDone: "已投产",
    productionDue: "应投产",
    productionRate: "投产率",
    fullDone: "已达产",
    fullDue: "应达产",
    fullRate: "达产率",
    late: "逾期节点",
    projectsLate: "有逾期的项目",
    committed: "承诺总投资（万元）",
    paid: "累计到资（万元）",
    paidRate: "到资率",
    scheduled: "计划应到资（万元）",
    paidOfScheduled: "其累计到资（万元）",
    scheduledRate: "计划到资完成率",
    evaluated: "参评项目",
    promisedTax: "承诺税收（万元）",
    actualTax: "实际税收（万元）",
    taxRate: "税收兑现率",
    promisedOutput: "承诺产值（万元）",
    actualOutput: "实际产值（万元）",
    outputRate: "产值兑现率",
    gradeA: "A 类",
    gradeB: "B 类",
    gradeC: "C 类",
    gradeD: "D 类",
    unclassed: "未评价",
    grade: "分类",
    share: "占比",
    intakeScore: "平均准入评分（分）",
    taxPerMu: "平均亩均税收（万元/亩）",
    outputPerMu: "平均亩均产值（万元/亩）",
  },
  summary:
    "截至 {day}，计入项目 {projects} 个：开工率 {startRate}，投产率 {productionRate}，达产率 {fullRate}，" +
    "逾期节点 {late} 个；到资率 {paidRate}。",
  empty: "截至所选日期没有计入的项目。",
  definition:
    "计入项目：截至日期当天结束前已签约，且未解约或在该日之后才解约。节点以截至日期当天结束时有效的计划为准" +
    "（合同计划自签约起有效，调整计划自调整时起有效）：实际日期不晚于截至日期为“已完成”，计划日期不晚于截至日期为“应完成”；" +
    "开工率、投产率、达产率 = 已完成 ÷（应完成或已完成的项目）。逾期节点：计划日期早于截至日期且截至当天仍未完成（六个节点都计）。" +
    "到资率 = 截至日期前累计到资 ÷ 承诺总投资，只计有承诺总投资的项目；计划到资完成率 = 同期累计到资 ÷ 到资计划中截至日期前应到的金额，" +
    "只计有应到金额的项目。评价年度：有该年度实际数据的项目，承诺为合同的达产税收、产值，实际为该年度填报数；" +
    "亩均分类按园区的亩均基准（未设置时用履约规则的默认值）和履约规则的权重与分档计算，缺用地、税收或产值的不评价。" +
    "招商专员只看到自己负责的项目。",
};
