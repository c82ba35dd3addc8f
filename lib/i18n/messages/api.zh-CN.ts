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
};
