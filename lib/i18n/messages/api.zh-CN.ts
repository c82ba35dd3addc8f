/* /api/v1 的错误与回答. */
export const apiZhCN = {
  missingKey: "缺少 API 密钥：请放在请求头 Authorization（Bearer 方式）或 X-Api-Key 中",
  unknownKey: "API 密钥无效",
  revokedKey: "此 API 密钥已吊销",
  expiredKey: "此 API 密钥已过期",
  missingScope: "此 API 密钥没有 {scope} 权限",
  accessDenied: "此 API 密钥无权执行该操作",
  rateLimited: "请求过于频繁：此密钥每分钟最多 {limit} 次，请 {seconds} 秒后再试",
  unavailable: "数据库暂时不可用，请稍后再试",
  v1: {
    invalidRequest: "请求有误，请按 fields 中各字段的说明修改后重试",
    bodyNotJson: "请求体不是有效的 JSON",
    bodyTooLarge: "请求体不能超过 {max} 字节",
    bodyType: "请求头 Content-Type 须为 application/json",
    leadNotFound: "没有这条线索，或此密钥无权查看",
    listingNotFound: "没有这个已发布的房源，或此密钥无权查看",
    versionChanged: "该线索已被改动（当前版本 {version}），请重新读取后再试",
    inquiryRateLimited: "咨询提交过于频繁，请 {minutes} 分钟后再试",
    fieldErrors: {
      cursor: "游标无效：请原样传入上一页返回的 next_cursor",
      dateTime: "请填写 ISO 8601 时间，如 2026-12-01T00:00:00Z",
      ifMatch: 'If-Match 须为线索的 version，如 "3"',
      listingRequired: "限定园区的密钥须填写该园区的房源 listingId",
      listingElsewhere: "没有这个房源，或它不属于此密钥的园区",
    },
  },
};
