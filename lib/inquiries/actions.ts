"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "../db/client";
import { noteIfDatabaseUnavailable } from "../db/outage";
import { env } from "../env";
import { clientIp } from "../http/client-ip";
import { getLocale } from "../i18n/server";
import { logEvent } from "../log";
import { formMetaFields, inquiryFromFormData, type InquiryFormState } from "./form-state";
import { submitInquiry } from "./mutations";
import { judgeSubmission, signRenderTime } from "./spam-trap";
import { statusKey } from "./status-link";
import { ATTRIBUTION_COOKIE, inquirySourceSchema, parseAttributionCookie, withoutOwnReferrer } from "./source";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The public inquiry form's action; works with and without JavaScript. */
export async function sendInquiry(_previous: InquiryFormState, formData: FormData): Promise<InquiryFormState> {
  const values = Object.fromEntries(
    [...formData.entries()].filter(([name, value]) => typeof value === "string" && !name.startsWith("$ACTION")),
  ) as Record<string, string>;
  const fail = (state: Omit<InquiryFormState, "status" | "values">): InquiryFormState => ({
    status: "error",
    values,
    ...state,
  });

  const verdict = judgeSubmission({
    honeypot: values[formMetaFields.honeypot],
    renderStamp: values[formMetaFields.renderedAt],
    scripted: values[formMetaFields.scripted] === "1",
    minFillMs: env().PARKLEAD_FORM_MIN_FILL_MS,
  });
  if (verdict === "reject") {
    logEvent("inquiry.spam", { trap: "honeypot+time" });
    return fail({ formError: "rejected" });
  }
  if (verdict === "holdBack") {
    logEvent("inquiry.spam", { trap: "time" });
    // Counted from now: a person who pressed too fast only has to press again.
    return { ...fail({ formError: "tooFast" }), values: { ...values, [formMetaFields.renderedAt]: signRenderTime() } };
  }
  const submissionKey = values[formMetaFields.submissionKey];

  let result;
  try {
    const requestHeaders = await headers();
    const attribution = parseAttributionCookie((await cookies()).get(ATTRIBUTION_COOKIE)?.value);
    result = await submitInquiry(await getDb(), inquiryFromFormData(formData), {
      channel: "FORM",
      locale: await getLocale(),
      idempotencyKey: UUID.test(submissionKey ?? "") ? submissionKey : undefined,
      clientIp: clientIp(requestHeaders),
      source: withoutOwnReferrer(
        inquirySourceSchema.parse({ ...attribution, page: values[formMetaFields.sourcePage] }),
        requestHeaders.get("host"),
      ),
    });
  } catch (error) {
    if (!noteIfDatabaseUnavailable(error, "action.inquiry")) throw error;
    return fail({ formError: "unavailable" });
  }

  // The key lets the confirmation page show the status page's link; the reference alone does not.
  if (result.ok) redirect(`/inquire/sent/${result.reference}?status=${statusKey(result.id)}`);
  switch (result.reason) {
    case "invalid":
      return fail({ fieldErrors: result.fieldErrors });
    case "rateLimited":
      return fail({ formError: "rateLimited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) });
    case "keyReused":
      return fail({ formError: "keyReused" });
  }
}
