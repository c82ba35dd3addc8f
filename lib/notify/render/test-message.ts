import "server-only";
import { formatDateTime } from "../../i18n/format";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { publicUrl } from "../../http/public-url";
import type { Message } from "../message";
import { emailMessage } from "./email";
import { loadUsers, recipientSkip, staffWords } from "./staff";

/** An admin's test of a channel (a group robot or webhook) or of the mail server (to that admin). */
export async function renderTests(
  db: Database,
  deliveries: Delivery[],
  now: Date,
): Promise<Map<string, Message | { skip: string }>> {
  const [users, words] = await Promise.all([loadUsers(db, deliveries), staffWords()]);
  const { t, locale } = words;
  const title = t("subject.test");
  const line = t("test.line", { time: formatDateTime(now, locale) });
  const link = { label: t("link.workspace"), url: publicUrl("/crm") };
  const result = new Map<string, Message | { skip: string }>();
  for (const delivery of deliveries) {
    if (delivery.medium === "EMAIL") {
      const user = delivery.userId ? users.get(delivery.userId) : undefined;
      const problem = recipientSkip(user, delivery.topic);
      result.set(
        delivery.id,
        problem || !user
          ? { skip: problem ?? "user not found" }
          : emailMessage({
              to: user.email,
              subject: title,
              intro: title,
              lines: [line],
              link,
              footer: t("footer"),
              deliveryId: delivery.id,
            }),
      );
    } else if (delivery.medium === "WEBHOOK") {
      result.set(delivery.id, {
        medium: "WEBHOOK",
        topic: "test",
        deliveryId: delivery.id,
        occurredAt: now.toISOString(),
        data: { link: link.url },
        text: { title, lines: [line], link },
      });
    } else {
      result.set(delivery.id, { medium: "GROUP", title, lines: [line], link });
    }
  }
  return result;
}
