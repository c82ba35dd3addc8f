import type { ChannelKind } from "../../db/generated/client";

// Client-safe (no server-only import): the channel form uses it for its hint while typing.
const HOST_KINDS: Record<string, ChannelKind> = {
  "qyapi.weixin.qq.com": "WECOM",
  "oapi.dingtalk.com": "DINGTALK",
  "open.feishu.cn": "FEISHU",
  "open.larksuite.com": "FEISHU",
};

/** The vendor a robot URL belongs to, by its host; any other address is a generic webhook. */
export function kindFromUrl(url: string): ChannelKind {
  if (!URL.canParse(url)) return "WEBHOOK";
  return HOST_KINDS[new URL(url).hostname.toLowerCase()] ?? "WEBHOOK";
}
