export const inquiryStatusZhCN = {
  /** what they asked for, in one line: 租赁厂房 5,000 m² */
  need: "{deal}{kind} {area}",
  receipt: {
    subject: "我们已收到您的招商咨询（编号 {reference}）",
    greeting: "您好，{contact}：",
    received: "{operator}已收到您于 {sentAt} 提交的招商咨询，编号 {reference}。",
    asked: "您的需求：{need}",
    use: "用途：{use}",
    owner: "负责您的招商专员是 {name}，电话 {phone}，将在{deadline}与您联系。",
    ownerNoPhone: "负责您的招商专员是 {name}，将在{deadline}与您联系。",
    noOwner: "我们的招商专员将在{deadline}与您联系。",
    soon: "尽快",
    statusLink: "查看办理进度、查看我们保存的您的信息、撤回同意或要求删除：",
    footer: "此邮件由{operator}发送，因为您在招商咨询表单中留下了这个邮箱。如果不是您本人提交的，请忽略本邮件。",
  },
};
