import AxeBuilder from "@axe-core/playwright";
import { devices, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { signIn } from "./workspace";

/** The WCAG 2.1 A and AA rules; issue 12 holds every page to no critical or serious violation of them. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const BLOCKING = new Set(["critical", "serious"]);

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** The two screens issue 12 was walked on: a phone and a desktop, whose layouts differ. */
export const SCREENS = {
  phone: { ...screenOf(devices["Pixel 7"]), viewport: { width: 390, height: 844 } },
  desktop: { ...screenOf(devices["Desktop Chrome"]), viewport: { width: 1440, height: 900 } },
} satisfies Record<string, BrowserContextOptions>;
export type Screen = keyof typeof SCREENS;

function screenOf({ userAgent, deviceScaleFactor, isMobile, hasTouch }: BrowserContextOptions) {
  return { userAgent, deviceScaleFactor, isMobile, hasTouch };
}

export type SignedInState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Signs in once through the form and keeps the session, so each page check opens already signed in. */
export async function signedInState(
  browser: Browser,
  { baseURL, email, password }: { baseURL: string; email: string; password: string },
) {
  const context = await browser.newContext({ baseURL, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await signIn(await context.newPage(), email, password);
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * A browser of the given screen reading the site in the given language (the language switch's cookie,
 * lib/i18n/actions.ts, and the browser's own preference agreeing with it), signed in when a state is given.
 */
export async function readerContext(
  browser: Browser,
  { baseURL, locale, screen, state }: { baseURL: string; locale: Locale; screen: Screen; state?: SignedInState },
) {
  const context = await browser.newContext({
    ...SCREENS[screen],
    baseURL,
    locale,
    timezoneId: "Asia/Shanghai",
    storageState: state,
  });
  await context.addCookies([{ name: "locale", value: locale, url: baseURL }]);
  return context;
}

/**
 * One line per critical or serious violation on the page as it is now: the rule, the first element and how many
 * more fail alike (a table's every row often does), and the check's own words, which carry the measured figures
 * (the contrast ratio and both colours).
 */
export async function blockingViolations(page: Page, where: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return violations
    .filter((violation) => violation.impact && BLOCKING.has(violation.impact))
    .flatMap((violation) => {
      const alike = new Map<string, typeof violation.nodes>();
      for (const node of violation.nodes) {
        const detail = [...node.any, ...node.all, ...node.none].map((check) => check.message).find(Boolean) ?? "";
        alike.set(detail, [...(alike.get(detail) ?? []), node]);
      }
      return [...alike].map(([detail, nodes]) => {
        const more = nodes.length > 1 ? ` (and ${nodes.length - 1} more alike)` : "";
        return `${where} ${violation.id} (${violation.impact}) ${nodes[0].target.join(" ")}${more} — ${detail}`;
      });
    });
}
