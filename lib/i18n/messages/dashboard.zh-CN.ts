/* The workspace's start page: the pool, who is on duty, what is due. */
export const dashboardZhCN = {
  pool: {
    title: "公海：等待领取的线索",
    empty: "公海里没有等待领取的线索。",
    oldest: "等待最久的 {count} 条",
    company: "公司",
    need: "需求",
    source: "来源",
    waiting: "已等待",
    claim: "领取",
    seeAll: "在线索列表中查看公海全部（{count}）",
    assignHint: "在线索列表中勾选后可批量分配给专员。",
  },
  duty: {
    title: "谁在轮流分配",
    ruleRoundRobin: "新线索按顺序分给在岗的招商专员，排在最前面的是下一位：",
    ruleParkOwner:
      "咨询的房源所属园区有在岗负责人时，线索分给该负责人；否则按顺序分给在岗的招商专员，排在最前面的是下一位：",
    next: "下一位",
    nobody: "现在没有在岗的招商专员：新线索会进入公海，等待领取或分配。",
    inRotation: "您在岗，正在轮流分配中：新线索会按顺序分给您。",
    awayStaff: "您已设为外出：轮流分配会跳过您，直到您恢复在岗。",
    notStaff: "轮流分配只分给招商专员，新线索不会自动分给您。",
    parkOwner: "按园区负责人规则，您负责的园区收到的咨询会先分给您。",
    parkOwnerAway: "您已设为外出：您负责的园区收到的咨询改为轮流分配。",
  },
  waited: {
    minutes: "{n} 分钟",
    hours: "{n} 小时",
    days: "{n} 天",
  },
};
