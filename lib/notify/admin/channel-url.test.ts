import { describe, expect, it } from "vitest";
import { maskChannelUrl, notVendorHost } from "./channel-url";

describe("a channel's address as the workspace shows it", () => {
  it("shows the host and the key's last four characters only", () => {
    expect(
      maskChannelUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"),
    ).toBe("qyapi.weixin.qq.com …5aaa");
    expect(maskChannelUrl("https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdefXYZW")).toBe(
      "oapi.dingtalk.com …XYZW",
    );
    expect(maskChannelUrl("https://open.feishu.cn/open-apis/bot/v2/hook/2e8f3c1a-aaaa-bbbb-cccc-1234567890ab")).toBe(
      "open.feishu.cn …90ab",
    );
    expect(maskChannelUrl("https://hooks.park.example:8443/parklead/inbox-7f3a9c2d1e")).toBe(
      "hooks.park.example:8443 …2d1e",
    );
  });

  it("shows no part of a key too short to hide most of", () => {
    expect(maskChannelUrl("https://hooks.park.example/a1b2c3")).toBe("hooks.park.example …");
  });

  it("hints when a vendor's robot is on another host, never for a webhook", () => {
    expect(notVendorHost("DINGTALK", "https://oapi.dingtalk.com/robot/send?access_token=x")).toBe(false);
    expect(notVendorHost("DINGTALK", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x")).toBe(true);
    expect(notVendorHost("FEISHU", "https://gateway.gov.example/open-apis/bot/v2/hook/x")).toBe(true);
    expect(notVendorHost("FEISHU", "https://open.larksuite.com/open-apis/bot/v2/hook/x")).toBe(false);
    expect(notVendorHost("WEBHOOK", "https://hooks.park.example/x")).toBe(false);
    expect(notVendorHost("WECOM", "not a url")).toBe(false);
  });
});
