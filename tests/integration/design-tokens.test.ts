import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * The design tokens of app/globals.css, measured: every text colour against every background it is
 * used on meets WCAG AA (4.5:1 for text), and the borders that outline inputs meet 3:1 (non-text
 * contrast). A token changed to a prettier but fainter shade fails here before axe finds it on a page.
 */
const css = readFileSync(path.resolve(__dirname, "../../app/globals.css"), "utf8");
const root = css.match(/:root\s*\{([\s\S]*?)\n\}/)?.[1] ?? "";
const tokens = new Map([...root.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((match) => [match[1], match[2]]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(foreground: string, background: string): number {
  const [light, dark] = [luminance(token(foreground)), luminance(token(background))].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

function token(name: string): string {
  const value = tokens.get(name);
  if (!value) throw new Error(`--${name} is not a colour token of app/globals.css`);
  return value;
}

/** [text, background] as the stylesheets pair them. */
const TEXT_PAIRS: [string, string][] = [
  ["ink", "paper"],
  ["ink", "wash"],
  ["ink", "brand-soft"],
  ["ink", "notice-soft"],
  ["muted", "paper"],
  ["muted", "wash"],
  ["brand", "paper"],
  ["brand", "wash"],
  ["brand", "brand-soft"],
  ["paper", "brand"],
  ["paper", "brand-dark"],
  ["paper", "brand-bright"],
  ["paper", "accent"],
  ["accent", "paper"],
  ["paper", "error"],
  ["error", "paper"],
  ["error", "error-soft"],
  ["ok", "paper"],
  ["ok", "ok-soft"],
  ["warn", "warn-soft"],
  ["neutral", "neutral-soft"],
];

describe("design tokens", () => {
  it.each(TEXT_PAIRS)("--%s text on --%s reaches 4.5:1", (foreground, background) => {
    expect(contrast(foreground, background)).toBeGreaterThanOrEqual(4.5);
  });

  it("outlines inputs and the focus ring at 3:1 or more against the page", () => {
    for (const border of ["line-strong", "focus"])
      for (const surface of ["paper", "wash"]) expect(contrast(border, surface)).toBeGreaterThanOrEqual(3);
  });
});
