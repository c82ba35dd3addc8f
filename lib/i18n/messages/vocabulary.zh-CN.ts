/*
 * The words for values the product stores in code form (lead sources, UTM media, roles, record kinds),
 * so no page, CSV or workbook shows a raw value such as `listing` or `direct`. lib/i18n/vocabulary.ts
 * reads them; a value with no entry (a campaign's own utm_source) is shown as it was sent.
 */
export const vocabularyZhCN = {
  /** Lead.source: utm_source of the first inquiry, else how it arrived */
  source: {
    listing: "房源页",
    direct: "直接访问",
    api: "API 接口",
    import: "批量导入",
    wechat: "微信",
    weixin: "微信",
    baidu: "百度",
    google: "谷歌",
    bing: "必应",
    douyin: "抖音",
    zhihu: "知乎",
    weibo: "微博",
    linkedin: "领英",
    email: "邮件",
    newsletter: "邮件简报",
    expo: "展会",
    agent: "中介",
    referral: "转介绍",
  },
  /** utm_medium, "direct" when none */
  medium: {
    direct: "直接访问",
    none: "直接访问",
    organic: "自然搜索",
    cpc: "付费搜索",
    ppc: "付费搜索",
    paid: "付费推广",
    display: "展示广告",
    banner: "展示广告",
    social: "社交媒体",
    referral: "外部链接",
    email: "邮件",
    article: "公众号文章",
    qrcode: "二维码",
    sms: "短信",
    offline: "线下",
  },
  /** Inquiry.channel */
  channel: { FORM: "网站表单", API: "API 接口" },
  /** User.role */
  role: { STAFF: "招商专员", MANAGER: "招商经理", ADMIN: "管理员" },
  /** AuditEntry.entityType and the kinds of record a person reads about */
  entity: {
    lead: "线索",
    inquiry: "咨询",
    listing: "房源",
    park: "园区",
    user: "用户",
    stage: "阶段",
    lostReason: "流失原因",
    task: "任务",
    activity: "跟进记录",
    setting: "设置",
    notifyChannel: "通知渠道",
    privacyRequest: "个人信息请求",
    report: "报表",
    apiKey: "API 密钥",
    webhookSubscription: "Webhook 订阅",
    importJob: "导入",
    unit: "单元",
    building: "楼栋",
    project: "项目",
    supervision: "督办",
  },
  /** Unit.status (租控) */
  unitStatus: { VACANT: "空置", HELD: "意向锁定", SIGNED: "已签约", OCCUPIED: "已入驻", UNAVAILABLE: "不可租售" },
  /** UnitHold.endReason: why a hold ended */
  holdEnd: {
    SIGNED: "已签约",
    EXPIRED: "到期释放",
    RELEASED: "手动释放",
    LEAD_LOST: "线索流失",
    LEAD_CLOSED: "线索归档或删除",
  },
  /** ProjectMilestone.kind (履约), in the order a project passes them */
  milestoneKind: {
    REGISTERED: "注册",
    LAND_HANDOVER: "拿地/交房",
    CONSTRUCTION_START: "开工",
    COMPLETION: "竣工",
    PRODUCTION: "投产",
    FULL_PRODUCTION: "达产",
  },
  /** Project.status */
  projectStatus: { ACTIVE: "履约中", TERMINATED: "已解约" },
  /** ProjectEvidence.kind */
  evidenceKind: { NOTE: "备注", PHOTO: "照片", DOCUMENT: "文件" },
  /** Supervision.status (督办) */
  supervisionStatus: { OPEN: "待答复", ANSWERED: "已答复", CLOSED: "已办结" },
  /** SupervisionEntry.kind */
  supervisionEntryKind: { ANSWER: "答复", INSTRUCTION: "批示", REOPEN: "退回", CLOSE: "办结", ESCALATION: "超期升级" },
  /** 亩均 classes (亩均论英雄) */
  evaluationClass: { A: "A 类（优先发展）", B: "B 类（提升发展）", C: "C 类（整治提升）", D: "D 类（倒逼转型）" },
  /** Leads with no owner, waiting to be claimed: one word everywhere */
  pool: "公海",
};
