import { createElement, type ReactElement } from "react";
import { prerenderToNodeStream } from "react-dom/static";
import { IntlProvider } from "use-intl";
import { loadMessages, type Locale } from "@/lib/i18n/messages";

/*
 * Renders a server component tree to HTML the way a page does: async server components read the
 * locale from the request's cookie (lib/i18n/server.ts) and the client components below them read
 * the provider's. A test that uses this mocks next/headers with `localeCookies` so the cookie
 * answers the locale asked for here. React's static prerender awaits async components, which
 * renderToStaticMarkup cannot.
 */

let requested: Locale = "zh-CN";

/** For vi.mock("next/headers", …): the request's cookies hold the locale of the render under way. */
export const localeCookies = async () => ({
  get: (name: string) => (name === "locale" ? { name, value: requested } : undefined),
});

export async function renderInLocale(element: ReactElement, locale: Locale): Promise<string> {
  requested = locale;
  const messages = await loadMessages(locale);
  const { prelude } = await prerenderToNodeStream(
    createElement(IntlProvider, { locale, messages, timeZone: "Asia/Shanghai", children: element }),
  );
  let html = "";
  for await (const chunk of prelude) html += chunk;
  return html;
}
