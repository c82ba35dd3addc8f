import "server-only";
import { shanghaiDay, shanghaiDayBounds, toShanghaiLocal } from "../../calendar/shanghai-time";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { publicUrl } from "../../http/public-url";
import { textFor } from "../../leads/access";
import type { Message } from "../message";
import { emailMessage } from "./email";
import { loadUsers, recipientSkip, staffWords } from "./staff";

/*
 * Each working morning's list of an officer's open follow-ups due by the end of the day (Asia/Shanghai),
 * the overdue ones first, as they are when the mail goes: a task done in the meantime is left out,
 * and a list that emptied is not sent.
 */

/** A long list is cut here: the workspace has the rest. */
const SHOWN = 20;

export async function renderTasksDue(
  db: Database,
  deliveries: Delivery[],
  now: Date,
): Promise<Map<string, Message | { skip: string }>> {
  const [users, words] = await Promise.all([loadUsers(db, deliveries), staffWords()]);
  const { t } = words;
  const today = shanghaiDay(now);
  const tasks = await db.task.findMany({
    where: {
      assigneeId: { in: [...users.keys()] },
      doneAt: null,
      dueAt: { lt: shanghaiDayBounds(now).end },
      lead: { erasedAt: null, mergedIntoId: null },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: {
      assigneeId: true,
      title: true,
      dueAt: true,
      lead: { select: { company: true, ownerId: true, wechat: true, email: true } },
    },
  });
  const result = new Map<string, Message | { skip: string }>();
  for (const delivery of deliveries) {
    const user = delivery.userId ? users.get(delivery.userId) : undefined;
    const problem = recipientSkip(user, delivery.topic);
    if (problem || !user) {
      result.set(delivery.id, { skip: problem ?? "user not found" });
      continue;
    }
    const mine = tasks.filter((task) => task.assigneeId === user.id);
    if (mine.length === 0) {
      result.set(delivery.id, { skip: "no open tasks due" });
      continue;
    }
    const lines = mine.slice(0, SHOWN).map((task) => {
      // A task on a pool lead may quote the investor's number: shown as the workspace shows it to this user.
      const values = { title: textFor(user, task.lead, task.title), company: task.lead.company };
      const local = toShanghaiLocal(task.dueAt);
      return local.startsWith(today)
        ? t("tasks.due", { ...values, time: local.slice(11, 16) })
        : t("tasks.late", { ...values, date: local.slice(5, 10) });
    });
    if (mine.length > SHOWN) lines.push(t("digest.more", { count: mine.length - SHOWN }));
    result.set(
      delivery.id,
      emailMessage({
        to: user.email,
        subject: t("subject.tasks_due", { count: mine.length }),
        intro: t("tasks.intro"),
        lines,
        link: { label: t("link.workspace"), url: publicUrl("/crm") },
        footer: t("footer"),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}
