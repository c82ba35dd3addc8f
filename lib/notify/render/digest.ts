import "server-only";
import { shanghaiDay, shanghaiDayBounds } from "../../calendar/shanghai-time";
import { isWorkingDay, MAX_CALENDAR_DAYS, type WorkingCalendar } from "../../calendar/working-hours";
import type { Database } from "../../db/client";
import type { Delivery, Prisma } from "../../db/generated/client";
import { formatDateTime, formatWan } from "../../i18n/format";
import { publicUrl } from "../../http/public-url";
import { leadsVisibleTo, managesLeads } from "../../leads/access";
import { readSettings } from "../../settings/queries";
import type { Message } from "../message";
import { emailMessage } from "./email";
import { loadUsers, recipientSkip, staffWords, type Recipient, type StaffWords } from "./staff";

/*
 * The managers' morning digest: what came in and what was signed since the last working day began
 * (a Monday's covers the weekend), and what is waiting now — first responses past their deadline
 * and follow-ups past due. Counts with the top lines, over the leads the recipient may see.
 */

const TOP = 5;
const DAY = 86_400_000;

export async function renderDigests(
  db: Database,
  deliveries: Delivery[],
  now: Date,
): Promise<Map<string, Message | { skip: string }>> {
  const [users, words, settings] = await Promise.all([loadUsers(db, deliveries), staffWords(), readSettings(db)]);
  const from = lastWorkingDayStart(now, settings.workingHours);
  const to = shanghaiDayBounds(now).start;
  // Managers and admins all see every lead: one digest serves them all.
  const byScope = new Map<string, Promise<string[]>>();
  const result = new Map<string, Message | { skip: string }>();
  for (const delivery of deliveries) {
    const user = delivery.userId ? users.get(delivery.userId) : undefined;
    const problem = recipientSkip(user, delivery.topic);
    if (problem || !user) {
      result.set(delivery.id, { skip: problem ?? "user not found" });
      continue;
    }
    const scope = managesLeads(user) ? "all" : user.id;
    if (!byScope.has(scope)) byScope.set(scope, digestLines(db, user, words, { from, to, now }));
    const { t, locale } = words;
    result.set(
      delivery.id,
      emailMessage({
        to: user.email,
        subject: t("subject.digest", { day: shanghaiDay(now) }),
        intro: t("digest.intro", { from: formatDateTime(from, locale) }),
        lines: await byScope.get(scope)!,
        link: { label: t("link.workspace"), url: publicUrl("/crm") },
        footer: t("footer"),
        deliveryId: delivery.id,
      }),
    );
  }
  return result;
}

/** Midnight that began the working day before today's (Asia/Shanghai). */
export function lastWorkingDayStart(now: Date, calendar: WorkingCalendar): Date {
  const today = shanghaiDayBounds(now).start.getTime();
  for (let back = 1; back <= MAX_CALENDAR_DAYS; back++) {
    const start = new Date(today - back * DAY);
    if (isWorkingDay(shanghaiDay(start), calendar)) return start;
  }
  return new Date(today - DAY);
}

const lineSelect = {
  company: true,
  needKind: true,
  firstResponseDueAt: true,
  signedAnnualTax: true,
  owner: { select: { name: true } },
} satisfies Prisma.LeadSelect;

async function digestLines(
  db: Database,
  viewer: Recipient,
  words: StaffWords,
  period: { from: Date; to: Date; now: Date },
): Promise<string[]> {
  const { t, locale, messages } = words;
  const { from, to, now } = period;
  const live = { ...leadsVisibleTo(viewer), mergedIntoId: null, erasedAt: null };
  const waiting = { ...live, archivedAt: null };
  const sections = [
    {
      key: "newLeads",
      // Imported leads are history, not news: the imports have their own line below.
      where: { ...live, createdAt: { gte: from, lt: to }, source: { not: "import" } },
      order: [{ createdAt: "desc" }, { id: "desc" }],
    },
    {
      key: "lateResponses",
      where: { ...waiting, firstRespondedAt: null, firstResponseDueAt: { lt: now } },
      order: [{ firstResponseDueAt: "asc" }, { id: "asc" }],
    },
    {
      key: "overdueFollowUps",
      where: { ...waiting, nextFollowUpAt: { lt: now } },
      order: [{ nextFollowUpAt: "asc" }, { id: "asc" }],
    },
    {
      key: "signings",
      where: { ...live, signedAt: { gte: from, lt: to } },
      order: [{ signedAt: "desc" }, { id: "desc" }],
    },
  ] as const satisfies { key: string; where: Prisma.LeadWhereInput; order: Prisma.LeadOrderByWithRelationInput[] }[];
  const read = await Promise.all(
    sections.map(async (section) => ({
      key: section.key,
      count: await db.lead.count({ where: section.where }),
      top: await db.lead.findMany({
        where: section.where,
        orderBy: [...section.order],
        take: TOP,
        select: lineSelect,
      }),
    })),
  );
  const lines = read.flatMap(({ key, count, top }) => [
    t(`digest.${key}`, { count }),
    ...top.map((lead) => {
      const owner = lead.owner?.name ?? t("digest.unassigned");
      if (key === "signings")
        return t("digest.signingLine", {
          company: lead.company,
          amount: lead.signedAnnualTax ? formatWan(lead.signedAnnualTax.toString(), locale) : "—",
        });
      if (key === "lateResponses" && lead.firstResponseDueAt)
        return t("digest.lateLine", {
          company: lead.company,
          owner,
          when: formatDateTime(lead.firstResponseDueAt, locale),
        });
      return t("digest.leadLine", {
        company: lead.company,
        kind: lead.needKind ? messages.kind[lead.needKind] : "—",
        owner,
      });
    }),
    ...(count > TOP ? [t("digest.more", { count: count - TOP })] : []),
  ]);
  return managesLeads(viewer) ? [...lines, ...(await importLine(db, words, from, to))] : lines;
}

/** "导入 N 条线索（X 个文件）": the imports that finished in the period, said once instead of a message per lead. */
async function importLine(db: Database, words: StaffWords, from: Date, to: Date): Promise<string[]> {
  const done = await db.importJob.aggregate({
    where: { status: "DONE", finishedAt: { gte: from, lt: to } },
    _count: true,
    _sum: { created: true },
  });
  if (done._count === 0) return [];
  return [words.t("digest.imports", { count: done._sum.created ?? 0, files: done._count })];
}
