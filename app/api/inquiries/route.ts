import { NextResponse } from "next/server";
import { getDb } from "@/lib/db/client";
import { clientIp } from "@/lib/http/client-ip";
import { bodyRefusal, readJsonBody } from "@/lib/http/json-body";
import { noteIfDatabaseUnavailable } from "@/lib/db/outage";
import { databaseUnavailableResponse } from "@/lib/http/database-unavailable";
import { translatorFor } from "@/lib/i18n/server";
import { validationMessage } from "@/lib/i18n/validation";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { parseIdempotencyKey } from "@/lib/inquiries/idempotency-key";
import { statusUrl } from "@/lib/inquiries/status-link";
import { inquirySourceSchema, sourceFromUrl, withoutOwnReferrer } from "@/lib/inquiries/source";
import { privacyOperator } from "@/lib/privacy/notice";

/** JSON intake for mini-programs and partner sites; the same path as the public form. */
export async function POST(request: Request) {
  const locale = request.headers.get("accept-language")?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
  // Only answers that carry a message need the catalogue.
  const translator = () => translatorFor(locale);
  const message = async (key: string) => {
    const t = await translator();
    return validationMessage((k, v) => t(k as never, v as never), key);
  };

  const body = await readJsonBody(request);
  if (!body.ok) return bodyRefusal(body);

  const key = parseIdempotencyKey(request.headers.get("idempotency-key"));
  if (key === false)
    return NextResponse.json({ errors: { idempotencyKey: await message("idempotencyKey") } }, { status: 400 });

  try {
    const result = await submitInquiry(await getDb(), body.value, {
      channel: "API",
      locale,
      idempotencyKey: key,
      clientIp: clientIp(request.headers),
      source: withoutOwnReferrer(
        inquirySourceSchema.parse({
          ...sourceFromUrl(new URL(request.url)),
          page: "api",
          referrer: request.headers.get("referer") ?? undefined,
        }),
        new URL(request.url).host,
      ),
    });
    if (result.ok) {
      return NextResponse.json(
        { id: result.id, reference: result.reference, statusUrl: statusUrl(result.id) },
        { status: 201, headers: result.replayed ? { "Idempotent-Replayed": "true" } : undefined },
      );
    }
    switch (result.reason) {
      case "invalid":
        return NextResponse.json(
          {
            errors: Object.fromEntries(
              await Promise.all(
                Object.entries(result.fieldErrors).map(async ([field, key]) => [field, await message(key)]),
              ),
            ),
          },
          { status: 400 },
        );
      case "rateLimited": {
        const t = await translator();
        return NextResponse.json(
          {
            errors: {
              form: t("inquiry.rateLimited", {
                minutes: Math.ceil(result.retryAfterSeconds / 60),
                phone: privacyOperator().phone,
              }),
            },
          },
          { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
        );
      }
      case "keyReused":
        return NextResponse.json(
          { errors: { idempotencyKey: await message("idempotencyKeyReused") } },
          { status: 422 },
        );
    }
  } catch (error) {
    // Marks this instance too, so its page views answer 503 until the database is back.
    if (noteIfDatabaseUnavailable(error, "api.inquiries")) {
      const t = await translator();
      // The common 503 body, plus the form-level message this door's other refusals carry.
      return databaseUnavailableResponse({
        errors: { form: t("inquiry.unavailable", { phone: privacyOperator().phone }) },
      });
    }
    throw error;
  }
}
