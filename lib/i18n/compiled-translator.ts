import { IntlMessageFormat } from "intl-messageformat";
import type { NestedKeyOf } from "use-intl/core";
import type { Locale, Messages } from "./messages";

/*
 * A translator for one namespace of a catalogue that lives as long as the process, for the server's
 * own messages (staff notifications): each message is compiled once, then only formatted with its
 * values. use-intl's translator finds its compiled message by serialising the message, the locale and
 * every date and number format on each call, which under a burst of inquiries was the largest part of
 * rendering their notifications. Plain ICU messages only (arguments, plurals), no rich text.
 */

type Namespace = keyof Messages;
export type CompiledTranslator<N extends Namespace> = (
  key: NestedKeyOf<Messages[N]>,
  values?: Record<string, string | number>,
) => string;

export function compiledTranslator<N extends Namespace>(
  locale: Locale,
  messages: Messages,
  namespace: N,
): CompiledTranslator<N> {
  const compiled = new Map<string, IntlMessageFormat>();
  return (key, values) => {
    let format = compiled.get(key);
    if (!format) {
      const message = key
        .split(".")
        .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages[namespace]);
      if (typeof message !== "string") throw new Error(`no message ${namespace}.${key}`);
      // Tags are text here: a message is plain text for a mail, a chat or a webhook.
      format = new IntlMessageFormat(message, locale, undefined, { ignoreTag: true });
      compiled.set(key, format);
    }
    return String(format.format(values));
  };
}
