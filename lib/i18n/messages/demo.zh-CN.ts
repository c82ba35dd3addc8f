/* The demo workspace: what marks demo data as such. */
export const demoZhCN = {
  banner: {
    title: "演示数据",
    text: "这是演示工作台：线索、跟进和报表里的企业与联系人均为虚构，手机号取自未分配的 154 号段，供试用和培训。",
    remove: "在设置中删除演示数据",
    askAdmin: "管理员可在设置中一键删除。",
  },
  badge: { label: "演示", hint: "演示数据：虚构的企业与联系人" },
  remove: {
    title: "演示数据",
    explain:
      "删除全部演示线索及其咨询、阶段记录、跟进记录、任务、通知和报表计数，并停用演示员工账号。真实线索不受影响，演示数据删除后不会再次生成。此操作无法撤销。",
    confirm: "我确认删除全部演示数据",
    submit: "删除演示数据",
    done: "已删除 {leads} 条演示线索。",
    forbidden: "只有管理员可以删除演示数据。",
  },
};
