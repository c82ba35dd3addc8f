import "server-only";
import type { Database } from "../../db/client";
import type { Delivery } from "../../db/generated/client";
import { publicUrl } from "../../http/public-url";
import { compiledTranslator } from "../../i18n/compiled-translator";
import { term } from "../../i18n/vocabulary";
import type { Message } from "../message";
import { emailMessage } from "./email";
import { loadUsers, recipientSkip, staffWords } from "./staff";

/*
 * Delivery's (履约) emails, written when sent from the project as it is then: a milestone due soon or late (to
 * its owner; late to every manager as well), and a 督办 item opened, answered, instructed or escalated. A notice
 * whose milestone was re-planned or done meanwhile, whose item was closed or whose project ended is not sent.
 * They name the project, its company, the milestone or the item and the people by name — never a phone or
 * an email address, and not what an answer or 批示 says (read on the project page).
 */

type Rendered = Message | { skip: string };

const SUPERVISION_MAIL = {
  "supervision.opened": ["mail.openedSubject", "mail.openedIntro"],
  "supervision.answered": ["mail.answeredSubject", "mail.answeredIntro"],
  "supervision.instructed": ["mail.instructedSubject", "mail.instructedIntro"],
  "supervision.escalated": ["mail.escalatedSubject", "mail.escalatedIntro"],
} as const;

const dayOf = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

export async function renderProjectMessages(db: Database, deliveries: Delivery[]): Promise<Map<string, Rendered>> {
  const [users, words, events] = await Promise.all([
    loadUsers(db, deliveries),
    staffWords(),
    db.outboxEvent.findMany({
      where: { id: { in: [...new Set(deliveries.map((delivery) => delivery.eventId))] } },
      select: { id: true, kind: true, data: true },
    }),
  ]);
  const t = compiledTranslator(words.locale, words.messages, "projectMilestones");
  const about = new Map(
    events.map((event) => {
      const data = (event.data ?? {}) as Record<string, unknown>;
      const text = (key: string) => (typeof data[key] === "string" ? (data[key] as string) : "");
      return [
        event.id,
        {
          kind: event.kind,
          milestoneId: text("milestoneId"),
          plannedOn: text("plannedOn"),
          supervisionId: text("supervisionId"),
        },
      ];
    }),
  );
  const wanted = [...about.values()];
  const project = {
    select: { id: true, name: true, companyName: true, status: true, owner: { select: { name: true } } },
  };
  const [milestones, supervisions] = await Promise.all([
    db.projectMilestone.findMany({
      where: { id: { in: wanted.map((event) => event.milestoneId).filter(Boolean) } },
      select: { id: true, kind: true, plannedOn: true, actualOn: true, project },
    }),
    db.supervision.findMany({
      where: { id: { in: wanted.map((event) => event.supervisionId).filter(Boolean) } },
      select: { id: true, title: true, dueOn: true, status: true, assignee: { select: { name: true } }, project },
    }),
  ]);
  const milestoneById = new Map(milestones.map((milestone) => [milestone.id, milestone]));
  const supervisionById = new Map(supervisions.map((item) => [item.id, item]));
  const result = new Map<string, Rendered>();
  const vocabulary = words.messages.vocabulary;
  for (const delivery of deliveries) {
    const user = delivery.userId ? users.get(delivery.userId) : undefined;
    const problem = recipientSkip(user, delivery.topic);
    const event = about.get(delivery.eventId);
    if (problem || !user || !event) {
      result.set(delivery.id, { skip: problem ?? "event not found" });
      continue;
    }
    if (event.kind === "project.milestone_due" || event.kind === "project.milestone_late") {
      const milestone = milestoneById.get(event.milestoneId);
      if (!milestone) {
        result.set(delivery.id, { skip: "milestone not found" });
        continue;
      }
      if (
        milestone.actualOn ||
        milestone.project.status !== "ACTIVE" ||
        dayOf(milestone.plannedOn) !== event.plannedOn
      ) {
        result.set(delivery.id, { skip: "milestone done, re-planned or project ended" });
        continue;
      }
      const late = event.kind === "project.milestone_late";
      const values = {
        project: milestone.project.name,
        company: milestone.project.companyName,
        kind: term(vocabulary, "milestoneKind", milestone.kind),
        day: event.plannedOn,
      };
      result.set(
        delivery.id,
        emailMessage({
          to: user.email,
          subject: t(late ? "mail.lateSubject" : "mail.dueSubject", values),
          intro: t(late ? "mail.lateIntro" : "mail.dueIntro"),
          lines: [
            t("mail.project", values),
            t("mail.company", values),
            t("mail.milestone", values),
            t("mail.planned", values),
            ...(milestone.project.owner ? [t("mail.owner", { name: milestone.project.owner.name })] : []),
          ],
          link: { label: t("mail.link"), url: publicUrl(`/crm/projects/${milestone.project.id}`) },
          footer: words.t("footer"),
          deliveryId: delivery.id,
        }),
      );
      continue;
    }
    const mail = SUPERVISION_MAIL[event.kind as keyof typeof SUPERVISION_MAIL];
    const item = supervisionById.get(event.supervisionId);
    if (!mail || !item) {
      result.set(delivery.id, { skip: "supervision item not found" });
      continue;
    }
    const answered = event.kind === "supervision.answered";
    if (item.project.status !== "ACTIVE" || (!answered && item.status === "CLOSED")) {
      result.set(delivery.id, { skip: "supervision item closed or project ended" });
      continue;
    }
    const values = { project: item.project.name, company: item.project.companyName };
    result.set(
      delivery.id,
      emailMessage({
        to: user.email,
        subject: t(mail[0], values),
        intro: t(mail[1]),
        lines: [
          t("mail.project", values),
          t("mail.company", values),
          t("mail.subject", { subject: item.title }),
          t("mail.dueOn", { day: dayOf(item.dueOn) ?? "" }),
          t("mail.assignee", { name: item.assignee.name }),
        ],
        link: { label: t("mail.link"), url: publicUrl(`/crm/projects/${item.project.id}`) },
        footer: words.t("footer"),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}
