/** The breakdowns of the conversion report. */
const dimensions = {
  source: "来源",
  medium: "UTM 媒介",
  referrer: "来源网站",
  listing: "房源",
  park: "园区",
  owner: "负责人",
  industry: "行业（用途）",
};

/** Chinese messages of the reportsConversion namespace; en is typed from this file so the two never drift. */
export const reportsConversionZhCN = {
  title: "转化与趋势",
  conversion: {
    summary: "范围内新建的线索 {leads} 条，收到询盘 {inquiries} 条，当前已签约 {signed} 条。",
    definition:
      "按范围内新建的线索统计（不含已合并的线索）：询盘数为这些线索至今收到的全部询盘（合并进来的询盘计入保留的线索）；" +
      "签约数为其中当前处于签约阶段的线索；预计年税收为这些签约线索登记的签约年税收之和。UTM 媒介与来源网站取线索的首次询盘。",
    dimension: "查看维度",
    chart: "按{dimension}的线索数与签约数柱状图",
    chartTop: "图中显示线索数最多的 {count} 项，全部数据见下表。",
  },
  dimensions,
  /** Rows without a value of their dimension, and the closing total. */
  rows: {
    total: "合计",
    noListing: "未关联房源",
    noPark: "未关联园区",
    noIndustry: "未填写",
  },
  columns: {
    // A dimension's table is headed by its name.
    ...dimensions,
    inquiries: "询盘数",
    leads: "线索数",
    newLeads: "新线索",
    signed: "签约数",
    signedRate: "签约率",
    signedTax: "签约项目预计年税收",
    period: "周期",
    inquiriesLastYear: "询盘数（去年同期）",
    newLeadsLastYear: "新线索（去年同期）",
    signedLastYear: "签约数（去年同期）",
    signedTaxLastYear: "签约项目预计年税收（去年同期）",
  },
  tables: {
    source: "按来源",
    medium: "按 UTM 媒介（首次询盘）",
    referrer: "按来源网站（首次询盘）",
    listing: "按房源",
    park: "按园区",
    owner: "按负责人",
    industry: "按行业（用途）",
    trend: "趋势",
  },
  trend: {
    summary: "{periods} 个周期：询盘 {inquiries} 条，新线索 {leads} 条，签约 {signed} 条。",
    definition:
      "按整周（周一起，ISO 周）或整月统计，北京时间。询盘按收到时间，新线索按创建时间，" +
      "签约按线索最后一次进入签约阶段的时间（不论线索何时创建，只计当前仍为签约的线索）。" +
      "去年同期为上一年的同一周次或同一月份，该周期没有任何数据时留空。",
    metric: "查看指标",
    thisYear: "本期",
    lastYear: "去年同期",
    chart: "{metric}：本期与去年同期的折线图",
    metrics: {
      inquiries: "询盘数",
      leads: "新线索",
      signed: "签约数",
      signedTax: "签约项目预计年税收（万元）",
    },
  },
};
