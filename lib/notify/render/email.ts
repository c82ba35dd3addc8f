import type { EmailMessage } from "../message";

/*
 * A staff email's two parts from the same words: plain text, and simple HTML with inline styles
 * (mail clients drop <style> blocks and external sheets). Every text is escaped; only the layout
 * is markup.
 */

export interface EmailContent {
  to: string;
  subject: string;
  /** the opening sentence */
  intro: string;
  /** paragraphs of facts, one line each */
  lines: string[];
  link?: { label: string; url: string };
  footer: string;
  deliveryId: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Stable per delivery: a resend after a crash carries the same Message-ID, so it is recognisable as one mail. */
export function messageIdOf(deliveryId: string): string {
  return `<${deliveryId}@parklead>`;
}

const BODY = "margin:0;padding:24px;background:#f5f5f4;font-family:sans-serif;color:#1f2937";
const CARD = "max-width:600px;margin:0 auto;background:#ffffff;border:1px solid #e7e5e4;border-radius:8px;padding:24px";
const TEXT = "margin:0 0 8px;font-size:15px;line-height:1.6";
const BUTTON =
  "display:inline-block;padding:10px 18px;background:#0f766e;color:#ffffff;border-radius:6px;" +
  "text-decoration:none;font-size:15px";
const FOOTER = "margin:24px 0 0;font-size:12px;line-height:1.5;color:#6b7280";

function button(link: { label: string; url: string }): string {
  return `<a href="${escapeHtml(link.url)}" style="${BUTTON}">${escapeHtml(link.label)}</a>`;
}

export function emailMessage(content: EmailContent): EmailMessage {
  const { intro, lines, link, footer } = content;
  const text = [intro, lines.join("\n"), ...(link ? [`${link.label}: ${link.url}`] : []), `--\n${footer}`]
    .filter((part) => part !== "")
    .join("\n\n");
  const html = [
    '<!DOCTYPE html><html><head><meta charset="utf-8"></head>',
    `<body style="${BODY}"><div style="${CARD}">`,
    `<p style="${TEXT};font-weight:600">${escapeHtml(intro)}</p>`,
    ...lines.map((line) => `<p style="${TEXT}">${escapeHtml(line)}</p>`),
    ...(link ? [`<p style="margin:20px 0 0">${button(link)}</p>`] : []),
    `<p style="${FOOTER}">${escapeHtml(footer)}</p>`,
    "</div></body></html>",
  ].join("\n");
  return {
    medium: "EMAIL",
    to: content.to,
    subject: content.subject,
    text,
    html,
    messageId: messageIdOf(content.deliveryId),
  };
}
