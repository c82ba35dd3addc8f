/* API 参考文档页与 OpenAPI 文档的文字. */
export const apiReferenceZhCN = {
  title: "园区招商 API 参考（v1）",
  documentDescription:
    "合作系统通过 /api/v1 提交咨询、读取线索与房源、更新线索阶段。字段名为 camelCase（与 /api/inquiries 一致），" +
    "金额为万元的十进制字符串，面积附单位，时间为 UTC 的 ISO 8601。",
  metaDescription: "园区招商 API v1 参考：认证、错误、分页、幂等、限流与各个接口",
  intro:
    "合作系统（招商平台、展会与中介系统、市省两级的上报平台）通过 /api/v1 提交咨询、读取线索及其咨询、" +
    "更新线索阶段、读取已发布的房源。本页由机器可读的 OpenAPI 3.1 文档生成，二者始终一致。",
  footerLink: "开发者 API",
  openapiLink: "OpenAPI 3.1 文档（JSON）",
  contents: "目录",
  conventionsHeading: "约定",
  conventions:
    '请求与回答都是 JSON（UTF-8）。字段名为 camelCase；金额是以万元为单位的十进制字符串（如 "300.5"），' +
    "不会因浮点数失真；面积为字符串，单位见旁边的 areaUnit（SQM 平方米，MU 亩）；时间为 UTC 的 ISO 8601；" +
    "阶段、类型等代码为大写。提交咨询时的选项沿用网站表单的小写代码。",
  authHeading: "认证",
  auth:
    "管理员在“设置 › API 密钥”中创建密钥，选择权限（inquiries:write、leads:read、leads:write、listings:read）、" +
    "可选的园区限制与有效期。密钥只显示一次。请求时放在 Authorization: Bearer <密钥> 或 X-Api-Key: <密钥> 中；" +
    "登录网站的会话不能调用 API。缺少、无效、已吊销或已过期的密钥回答 401，缺少所需权限回答 403。" +
    "限定园区的密钥只能看到该园区的线索与房源，其他园区的记录回答 404。",
  errorsHeading: "错误",
  errorShape:
    "所有拒绝都用同一个结构：error.code 供程序判断，error.message 使用 Accept-Language 指定的语言（默认中文），" +
    "error.fields 列出每个有问题的字段及原因（与网站表单的提示相同）。",
  paginationHeading: "分页",
  pagination:
    "列表接口按修改时间从早到晚分页（键集分页）。limit 为每页条数（1–200，默认 50）；updated_since 只列出该时刻及之后修改的记录；" +
    "回答中的 next_cursor 原样作为下一次请求的 cursor，为 null 时表示已到最后一页。同步时保存最后一条的 updatedAt，" +
    "下次作为 updated_since 传入，不会漏掉任何修改。",
  idempotencyHeading: "幂等",
  idempotency:
    "提交咨询时可带 Idempotency-Key 请求头（1–200 个可见字符）。网络中断后用同一个键重试：内容相同时回答与第一次相同，" +
    "并带 Idempotent-Replayed: true；内容不同时回答 409。更新阶段时可带 If-Match（线索的 version），线索已被他人改动时回答 409。",
  rateLimitsHeading: "限流",
  rateLimits:
    "每个密钥每分钟的请求数有上限（默认 120，由管理员设定），所有服务器实例共同计数。每个回答都带 X-RateLimit-Limit 与 " +
    "X-RateLimit-Remaining；超出时回答 429 并带 Retry-After（秒）。提交咨询另受与网站表单相同的按 IP 与手机号的限制。",
  webhooksHeading: "Webhook",
  webhooks: "线索与咨询的变化也可以推送到您的地址，推送内容使用与本 API 相同的数据结构。",
  schemasHeading: "数据结构",
  scopeLine: "所需权限",
  method: "方法",
  parameters: "参数",
  requestBody: "请求体",
  responses: "回答",
  field: "字段",
  type: "类型",
  where: "位置",
  required: "必填",
  description: "说明",
  yes: "是",
  no: "否",
  status: "状态码",
  curlExample: "curl 示例",
  headers: {
    rateLimit: "此密钥每分钟可发的请求数",
    rateRemaining: "本分钟内还可发的请求数",
    retryAfter: "多少秒后可以重试",
  },
  errors: {
    invalid_request: "请求有误：fields 列出各字段的问题；请求体不是 JSON、过大或 Content-Type 不对也属此类",
    unauthorized: "缺少密钥，或密钥无效、已吊销、已过期",
    forbidden: "密钥没有此接口所需的权限",
    not_found: "记录不存在，或不在此密钥可见的范围内",
    conflict: "冲突：Idempotency-Key 已用于不同内容，或线索的 version 已变",
    rate_limited: "请求过于频繁，请按 Retry-After 等待后重试",
    unavailable: "数据库暂时不可用，请稍后重试",
  },
  resources: {
    inquiries: "咨询：与网站表单走同一条路径，同一手机号并入已有线索",
    leads: "线索：一家企业的需求、阶段、负责人与其全部咨询",
    listings: "房源：各园区已发布的厂房、办公与土地",
  },
  bearer: "API 密钥，放在 Authorization: Bearer <密钥> 中",
  headerKey: "API 密钥，也可放在 X-Api-Key 请求头中",
  operations: {
    createInquiry: {
      summary: "提交一条咨询",
      description:
        "规则与网站表单相同（校验、频率限制、同一手机号并入已有线索），渠道记为 API。限定园区的密钥须填写该园区的 listingId：" +
        "未填回答 400，其他园区或未发布的房源回答 404。",
      success: "已收到；重放的回答带 Idempotent-Replayed: true",
    },
    listLeads: {
      summary: "分页列出线索",
      description:
        "按修改时间从早到晚。被合并掉的线索不列出；已归档的列出并带 archivedAt；已删除个人信息的线索个人字段为 null。",
      success: "一页线索",
    },
    getLead: {
      summary: "读取一条线索及其咨询",
      description: "线索及其最近的咨询（最新的在前，最多 100 条；inquiryCount 为总数）。咨询不另设接口。",
      success: "线索及其咨询",
    },
    moveLeadStage: {
      summary: "更新线索阶段",
      description:
        "与看板的规则与提示相同：移入流失阶段须填流失原因（原因要求时还须填客户选择的园区），移入签约阶段须填签约面积、单位与年税收。" +
        "记入审计日志和线索时间线（操作者为此密钥）。",
      success: "移动后的线索",
    },
    listListings: {
      summary: "分页列出已发布的房源",
      description: "按修改时间从早到晚，只含已发布的房源。",
      success: "一页房源",
    },
    getListing: {
      summary: "读取一个已发布的房源",
      description: "未发布或不在此密钥园区内的房源回答 404。",
      success: "房源",
    },
  },
};
