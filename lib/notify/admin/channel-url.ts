import { kindFromUrl } from "../channels/kind";

/*
 * What the workspace may show of a channel's URL once saved: the URL carries the robot's key, so only
 * the host and the key's last four characters, enough to tell two robots apart. Also whether a robot's
 * address is on its vendor's host, for a hint (not a refusal: government networks reach vendors through
 * gateways of their own). Client-safe: the channel form shows the hint while typing.
 */

export const CHANNEL_KINDS = ["WECOM", "DINGTALK", "FEISHU", "WEBHOOK"] as const;
export type ChannelKindName = (typeof CHANNEL_KINDS)[number];

/** The URL as http(s), or null for anything else (what the form and the server both refuse). */
export function parseHttpUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? url : null;
  } catch {
    return null;
  }
}

/** Whether a vendor kind's URL points somewhere other than the vendor (a gateway, or a pasting mistake). */
export function notVendorHost(kind: ChannelKindName, value: string): boolean {
  return kind !== "WEBHOOK" && parseHttpUrl(value) !== null && kindFromUrl(value) !== kind;
}

/** The query parameters robots carry their key in (企业微信 key, 钉钉 access_token). */
const KEY_PARAMS = ["key", "access_token", "token"];

/** "qyapi.weixin.qq.com …a1b2": the host and the last four characters of the key (飞书's is the path's end). */
export function maskChannelUrl(value: string): string {
  const url = parseHttpUrl(value);
  if (!url) return "…";
  const param = KEY_PARAMS.map((name) => url.searchParams.get(name)).find(Boolean);
  const key = param ?? (url.pathname.split("/").filter(Boolean).at(-1) || url.search || "");
  const tail = key.length > 8 ? key.slice(-4) : "";
  return tail ? `${url.host} …${tail}` : `${url.host} …`;
}
