import { describe, expect, it } from "vitest";
import { subscriptionSchema } from "./schema";
import { maskWebhookUrl, webhookUrl } from "./url";

describe("a subscription's URL", () => {
  it("is https anywhere, or plain http only to this machine or a private network", () => {
    for (const allowed of [
      "https://crm.partner.example/hooks/parklead?token=abc",
      "http://localhost:8080/hook",
      "http://127.0.0.1:3000/hook",
      "http://10.1.2.3/hook",
      "http://172.20.0.5/hook",
      "http://192.168.1.10/hook",
      "http://[::1]:9000/hook",
      "http://[fd12:3456::1]/hook",
    ])
      expect(webhookUrl(allowed), allowed).not.toBeNull();
    for (const refused of [
      "http://crm.partner.example/hook",
      "http://8.8.8.8/hook",
      "http://172.32.0.1/hook",
      "http://localhost.partner.example/hook",
      "https://user:pass@crm.partner.example/hook",
      "ftp://crm.partner.example/hook",
      "crm.partner.example/hook",
    ])
      expect(webhookUrl(refused), refused).toBeNull();
  });

  it("shows only the scheme, the host and the last four characters once saved", () => {
    expect(maskWebhookUrl("https://crm.partner.example/hooks/parklead?token=abcd1234wxyz")).toBe(
      "https://crm.partner.example …wxyz",
    );
    expect(maskWebhookUrl("https://crm.partner.example/")).toBe("https://crm.partner.example");
  });

  it("is refused by the form with the webhook URL's own message, and events are required and known", () => {
    const base = { name: "市招商平台", events: ["lead.created"] };
    const refused = subscriptionSchema.safeParse({ ...base, url: "http://crm.partner.example/hook" });
    expect(refused.success ? null : refused.error.issues.map((issue) => issue.message)).toEqual(["webhookUrl"]);
    const none = subscriptionSchema.safeParse({ ...base, url: "https://a.example", events: [] });
    expect(none.success ? null : none.error.issues.map((issue) => issue.message)).toEqual(["webhookEvents"]);
    const unknown = subscriptionSchema.safeParse({ ...base, url: "https://a.example", events: ["lead.deleted"] });
    expect(unknown.success).toBe(false);
    const missing = subscriptionSchema.safeParse(base);
    expect(missing.success ? null : missing.error.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual(
      [["url", "required"]],
    );
    expect(
      subscriptionSchema.parse({ ...base, url: " https://a.example/h ", events: ["lead.erased", "lead.created"] }),
    ).toMatchObject({ url: "https://a.example/h", events: ["lead.created", "lead.erased"] });
  });
});
