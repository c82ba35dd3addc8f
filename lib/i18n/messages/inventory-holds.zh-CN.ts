/* 意向锁定：锁定到期与到期释放的邮件（lib/notify/render/holds.ts）. */
export const inventoryHoldsZhCN = {
  mail: {
    expiringSubject: "锁定明天到期：{unit}（{company}）",
    expiredSubject: "锁定已到期释放：{unit}（{company}）",
    expiringIntro: "你锁定的单元快到期了。仍在洽谈请到线索页续期；不再需要请释放，让同事可以推荐。",
    expiredIntro: "这个单元的锁定已到期，已自动释放为空置，其他同事现在可以锁定它。",
    unit: "单元：{unit}",
    company: "企业：{company}",
    holder: "锁定人：{name}",
    expiresAt: "到期时间：{when}（北京时间）",
    link: "查看线索",
  },
};
