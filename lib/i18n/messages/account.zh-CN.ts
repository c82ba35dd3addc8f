/** Chinese messages of the user's own settings page; en is typed from this file so the two never drift. */
export const accountZhCN = {
  title: "个人设置",
  who: "{name}（{email}）· {role}",
  forbidden: "您没有权限修改这些设置",
  saved: "已保存",
  unchanged: "没有改动",
  workPhone: "工作电话",
  workPhoneHint: "投资方在咨询回执和进度页上看到的联系电话：手机号，或带区号的座机号如 0571-88886666。留空则不显示。",
  email: "邮件通知",
  emailHint: "选择要通过邮件接收的通知。群机器人消息不受影响。",
  topics: {
    new_lead: "分给我的新线索",
    further_inquiry: "我的线索再次咨询",
    response_reminder: "我的线索首次响应即将超时",
    response_overdue: "首次响应已超时（我的线索；经理为所有线索）",
    tasks_due: "每个工作日早上的今日待办",
    digest: "每日摘要（新线索、超时、签约）",
    reassigned: "别人转交给我的线索",
    holds: "我锁定的单元即将到期或已到期释放",
  },
  save: "保存",
};
