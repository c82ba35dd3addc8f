"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { LOCALE_COOKIE } from "./server";
import { isLocale } from "./messages";

/** The language switch: remembers the choice for a year and goes back to the page it was pressed on. */
export async function switchLocale(formData: FormData): Promise<never> {
  const locale = formData.get("locale");
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 24 * 3600, sameSite: "lax" });
  }
  redirect(samePagePath((await headers()).get("referer")));
}

/** Only a path on this site, so the switch cannot be used to redirect elsewhere. */
function samePagePath(referer: string | null): string {
  if (!referer) return "/";
  try {
    const url = new URL(referer, "http://localhost");
    const path = `${url.pathname}${url.search}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : "/";
  } catch {
    return "/";
  }
}
