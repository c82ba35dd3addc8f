export const privacyRequestsZhCN = {
  kind: { WITHDRAW: "撤回同意", ERASE: "删除个人信息" },
  mail: {
    subject: "个人信息请求：{company} 的投资人要求{kind}，{due}前办结",
    body: "{company} 的投资人在咨询进度页上要求{kind}。按《个人信息保护法》，请在 {due} 前（15 个工作日内）办结。",
    withdrawHint: "撤回同意后，系统已停止向其发送邮件；请确认不再联系或营销，再将请求标为已办结。",
    eraseHint: "请打开线索，执行“删除个人信息”：删除完成后，请求会自动办结。",
    link: "查看待办的个人信息请求：",
  },
};
