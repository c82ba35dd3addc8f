import { describe, expect, it } from "vitest";
import { dingtalkUrl, judgeDingtalk } from "./dingtalk";
import { feishuPayload, judgeFeishu } from "./feishu";
import { retryAfterMs, trimmed } from "./http";
import { kindFromUrl } from "./kind";
import { webhookSignature } from "./webhook";
import { judgeWecom } from "./wecom";

const verdict = (judge: typeof judgeWecom, json: Record<string, unknown>) => judge(json, JSON.stringify(json))?.status;

describe("the vendors' documented answers", () => {
  it("企业微信: 0 sent, 45009 (20 a minute) retried after a minute, -1 busy retried, 93000 and others dead", () => {
    expect(verdict(judgeWecom, { errcode: 0, errmsg: "ok" })).toBe("sent");
    expect(judgeWecom({ errcode: 45009 }, "")).toEqual({ status: "retry", answer: "", retryAfterMs: 60_000 });
    expect(verdict(judgeWecom, { errcode: -1, errmsg: "system busy" })).toBe("retry");
    for (const errcode of [93000, 93004, 40058, 44004]) expect(verdict(judgeWecom, { errcode })).toBe("dead");
    expect(judgeWecom({ code: 0 }, "")).toBeUndefined();
  });

  it("钉钉: 0 sent, 130101 and 410100 held for the documented 10 minutes, -1 retried, token/sign/keyword errors dead", () => {
    expect(verdict(judgeDingtalk, { errcode: 0, errmsg: "ok" })).toBe("sent");
    for (const errcode of [130101, 410100]) {
      expect(judgeDingtalk({ errcode }, "")).toEqual({ status: "retry", answer: "", retryAfterMs: 600_000 });
    }
    expect(verdict(judgeDingtalk, { errcode: -1 })).toBe("retry");
    for (const errcode of [300001, 310000, 400013, 430101]) expect(verdict(judgeDingtalk, { errcode })).toBe("dead");
  });

  it("飞书: code 0 (or the older StatusCode 0) sent, 11232 retried after a minute, 19001/19021/19022/19024 dead", () => {
    expect(verdict(judgeFeishu, { code: 0, msg: "success" })).toBe("sent");
    expect(verdict(judgeFeishu, { StatusCode: 0, StatusMessage: "success" })).toBe("sent");
    expect(judgeFeishu({ code: 11232 }, "")).toEqual({ status: "retry", answer: "", retryAfterMs: 60_000 });
    for (const code of [19001, 19021, 19022, 19024, 9499]) expect(verdict(judgeFeishu, { code })).toBe("dead");
    expect(judgeFeishu({ errcode: 0 }, "")).toBeUndefined();
  });
});

describe("signing", () => {
  it("钉钉 puts timestamp (ms) and the URL-encoded base64 sign into the query, keeping the token", () => {
    const url = new URL(
      dingtalkUrl("https://oapi.dingtalk.com/robot/send?access_token=t1", "SECabc", new Date(1_700_000_000_123)),
    );
    expect(url.searchParams.get("access_token")).toBe("t1");
    expect(url.searchParams.get("timestamp")).toBe("1700000000123");
    // openssl: printf '1700000000123\nSECabc' | openssl dgst -sha256 -hmac SECabc -binary | base64
    expect(url.searchParams.get("sign")).toBe("IqXBU/aLfwMA3S/tDcfRmHx5vWHw9Y1aOgFLBr1Ti9w=");
    expect(url.search).toContain("sign=IqXBU%2FaLfwMA3S%2FtDcfRmHx5vWHw9Y1aOgFLBr1Ti9w%3D");
    expect(dingtalkUrl("https://oapi.dingtalk.com/robot/send?access_token=t1", null)).toBe(
      "https://oapi.dingtalk.com/robot/send?access_token=t1",
    );
  });

  it("飞书 puts timestamp (s) and sign into the body only when a secret is set", () => {
    const message = { medium: "GROUP" as const, title: "t", lines: [] };
    // openssl: printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\ns')" -binary | base64
    expect(feishuPayload(message, "s", new Date(1_700_000_000_999))).toMatchObject({
      timestamp: "1700000000",
      sign: "+z1fiKH1w9xoRwSUZju5W5ZBj/d5cwS4H+5mTClDOl4=",
    });
    expect(feishuPayload(message, null)).not.toHaveProperty("timestamp");
  });

  it("the webhook signs `${timestamp}.${body}` with HMAC-SHA256, hex", () => {
    // Vectors computed with openssl (printf '1700000000.{}' | openssl dgst -sha256 -hmac key).
    expect(webhookSignature("key", "1700000000", "{}")).toBe(
      "sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae",
    );
  });
});

describe("kindFromUrl", () => {
  it("names each vendor by its host, Lark as 飞书, anything else the generic webhook", () => {
    expect(kindFromUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k")).toBe("WECOM");
    expect(kindFromUrl("https://oapi.dingtalk.com/robot/send?access_token=t")).toBe("DINGTALK");
    expect(kindFromUrl("https://open.feishu.cn/open-apis/bot/v2/hook/h")).toBe("FEISHU");
    expect(kindFromUrl("https://OPEN.LARKSUITE.COM/open-apis/bot/v2/hook/h")).toBe("FEISHU");
    expect(kindFromUrl("https://hooks.example.com/qyapi.weixin.qq.com")).toBe("WEBHOOK");
    expect(kindFromUrl("https://qyapi.weixin.qq.com.evil.example/x")).toBe("WEBHOOK");
    expect(kindFromUrl("not a url")).toBe("WEBHOOK");
  });
});

describe("answers", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    expect(retryAfterMs("120")).toBe(120_000);
    expect(retryAfterMs("Sun, 06 Dec 2026 08:01:00 GMT", Date.parse("2026-12-06T08:00:00Z"))).toBe(60_000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });

  it("keeps an answer to one line that fits the delivery log", () => {
    expect(trimmed(" a\n  b ")).toBe("a b");
    expect(trimmed("x".repeat(1_000))).toHaveLength(300);
  });
});
