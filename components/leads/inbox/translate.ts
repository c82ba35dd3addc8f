import type { getTranslations } from "@/lib/i18n/server";

/** The server translator the page hands to its parts, for messages with values ({count}, plurals). */
export type Translate = Awaited<ReturnType<typeof getTranslations>>;
