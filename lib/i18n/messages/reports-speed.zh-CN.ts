/** Chinese messages of the reportsSpeed namespace; en is typed from this file so the two never drift. */
export const reportsSpeedZhCN = {
  title: "响应速度",
  headings: {
    response: "首次响应时间",
    stages: "阶段停留时间",
    cycle: "签约周期",
  },
  tables: {
    response: "首次响应：全部",
    responseByOwner: "首次响应：按负责人",
    stages: "各阶段停留天数",
    cycle: "从首次询盘到签约的天数",
  },
  columns: {
    leads: "新建线索",
    answered: "已响应",
    unanswered: "未响应",
    median: "中位数",
    p90: "90 分位",
    withinHour: "1 小时内响应",
    withinDay: "1 个工作日内响应",
    stays: "停留次数",
    average: "平均",
    signed: "签约线索",
  },
  definitions: {
    response:
      "统计范围内新建的线索：从首次询盘（线索创建）到首次响应（负责人第一次电话、备注、拜访、邮件或推进阶段）的经过时间，按整分钟向上取整。未响应的线索计入分母，不计入中位数和 90 分位。",
    withinDay:
      "“1 个工作日内”指经过的工作时间不超过一个工作日（按线索到达时规则设置中的工作日、上下班时间、节假日和调休）：" +
      "周五 17:30 的询盘在下周一 17:30 前响应即算；下班后或休息日的询盘从下一次上班起算，即第二个工作日上班前。",
    stages:
      "统计范围内新建线索的阶段历史：每次进入某阶段到下一次阶段变更（离开该阶段）的天数。只计已结束的停留，仍停留在当前阶段的不计；合并时被合并线索已结束的停留计入保留的线索。平均按实际时长，中位数按整分钟向上取整。",
    cycle:
      "当前仍为签约、且签约时间（最后一次从非签约阶段进入签约阶段）在范围内的线索，不论何时创建：从首次询盘到签约的天数。",
  },
  charts: {
    response: "各负责人首次响应时间的柱状图（单位：{unit}）",
    stages: "各阶段停留时间的柱状图（单位：{unit}）",
    median: "中位数",
    p90: "90 分位",
    average: "平均",
  },
};
