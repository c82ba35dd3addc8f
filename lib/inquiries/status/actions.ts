"use server";
import { redirect } from "next/navigation";
import { getDb } from "../../db/client";
import { noteIfDatabaseUnavailable } from "../../db/outage";
import { requestPrivacy } from "./mutations";

/**
 * The status page's withdraw and erase forms (a plain form post, so they work before scripts load).
 * Every answer is a redirect back to the page, which shows the outcome: a wrong link lands on the
 * page's not-found like any other wrong link.
 */
export async function requestPrivacyAction(formData: FormData): Promise<void> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const input = { key: field("key"), kind: field("kind"), confirm: field("confirm") };
  let outcome: string;
  try {
    const result = await requestPrivacy(await getDb(), input);
    outcome = result.ok ? `requested=${input.kind}` : `error=${result.reason}`;
  } catch (error) {
    if (!noteIfDatabaseUnavailable(error, "action.privacyRequest")) throw error;
    outcome = "error=unavailable";
  }
  redirect(`/inquire/status/${encodeURIComponent(input.key ?? "")}?${outcome}`);
}
