import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { operationList } from "@/lib/api/v1/operations";
import { loadMessages } from "@/lib/i18n/messages";
import ApiReferencePage from "@/app/(public)/developers/api/page";
import { renderInLocale } from "../support/render-server";

/*
 * The reference page: generated from the OpenAPI document, it shows every operation (method, path,
 * scope, parameters, body fields, responses, a curl example) and every schema, in both languages,
 * with the guide's parts (webhooks included) reachable from its contents.
 */

vi.mock("next/headers", async () => ({
  cookies: (await import("../support/render-server")).localeCookies,
  headers: async () => new Headers(),
}));

describe("the API reference page", () => {
  it.each(["zh-CN", "en"] as const)("in %s shows every operation, its scope and a curl example", async (locale) => {
    const html = await renderInLocale(createElement(ApiReferencePage), locale);
    const t = (await loadMessages(locale)).apiReference;
    expect(html).toContain(t.title);
    expect(html).toContain('href="/api/openapi.json"');
    for (const part of ["conventions", "auth", "errors", "pagination", "idempotency", "rateLimits", "webhooks"])
      expect(html).toContain(`id="${part}"`);
    for (const operation of operationList) {
      expect(html).toContain(`id="${operation.operationId}"`);
      expect(html).toContain(`<code>${operation.path}</code>`);
      expect(html).toContain(`<code>${operation.scope}</code>`);
      expect(html).toContain(`curl -X ${operation.method}`);
      expect(html).toContain(t.operations[operation.operationId as keyof typeof t.operations].summary);
    }
    for (const schema of ["Lead", "Inquiry", "Listing", "Error", "InquiryInput", "StageMove", "LeadPage"])
      expect(html).toContain(`id="schema-${schema}"`);
    // Body fields, nested ones flattened, and the query parameters.
    expect(html).toContain("<code>need.area</code>");
    expect(html).toContain("<code>signedAnnualTax</code>");
    expect(html).toContain("<code>updated_since</code>");
    expect(html).not.toContain("<script");
  });
});
