import "server-only";
import { publicUrl } from "../../http/public-url";
import type { GroupMessage } from "../message";
import { staffWords } from "./staff";

/**
 * Several messages due together for one group, as one: each keeps its title, lines and link (as a
 * line: a chat shows one button at most), under a title that counts them, with the workspace's
 * inbox as the button. Group robots take about 20 messages a minute (企业微信, 钉钉), so a burst of
 * leads sent one by one would mostly wait out the vendor's limit.
 */
export async function combineGroupMessages(messages: GroupMessage[]): Promise<GroupMessage> {
  if (messages.length === 1) return messages[0];
  const { t } = await staffWords();
  return {
    medium: "GROUP",
    title: t("batch.title", { count: messages.length }),
    lines: messages.flatMap((message) => [
      t("batch.item", { title: message.title }),
      ...message.lines,
      ...(message.link ? [t("batch.link", { label: message.link.label, url: message.link.url })] : []),
    ]),
    link: { label: t("link.workspace"), url: publicUrl("/crm/leads") },
  };
}
