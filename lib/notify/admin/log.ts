import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import type { Database } from "../../db/client";
import type { DeliveryStatus, Prisma } from "../../db/generated/client";
import { maskEmail, maskedText } from "../../leads/mask";
import type { DeliveryFilter, DeliveryFilterStatus } from "./schema";

export const DELIVERY_PAGE_SIZE = 50;

/** The log's status filter in the database's words: "pending" includes a delivery being sent right now. */
const STATUSES: Record<DeliveryFilterStatus, DeliveryStatus[]> = {
  sent: ["SENT"],
  retrying: ["RETRYING"],
  dead: ["DEAD"],
  pending: ["PENDING", "SENDING"],
  skipped: ["SKIPPED"],
};

/** Who a delivery went to, as the log may show it: a group channel, a user by name, or an investor's masked address. */
export type DeliveryRecipient =
  { kind: "channel"; name: string } | { kind: "user"; name: string } | { kind: "investor"; email: string | null };

/**
 * The delivery log, newest first, admins only; `before` pages back by (createdAt, id). It shows no
 * person's values beyond masked ones: an investor's email is masked, and so is anything a mail server
 * or vendor quoted back in its answer.
 */
export async function listDeliveries(
  db: Database,
  viewer: Viewer | null,
  filter: DeliveryFilter,
  before?: { createdAt: Date; id: string },
) {
  assertRole(viewer, ["ADMIN"], "read the delivery log");
  const where: Prisma.DeliveryWhereInput = {
    ...(filter.status ? { status: { in: STATUSES[filter.status] } } : {}),
    ...(filter.to === "email" ? { medium: "EMAIL" } : filter.to ? { channelId: filter.to } : {}),
    ...(filter.topic ? { topic: filter.topic } : {}),
    ...(before
      ? { OR: [{ createdAt: { lt: before.createdAt } }, { createdAt: before.createdAt, id: { lt: before.id } }] }
      : {}),
  };
  const rows = await db.delivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERY_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      topic: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      answer: true,
      inquiryId: true,
      channel: { select: { name: true } },
      subscription: { select: { name: true } },
      user: { select: { name: true } },
    },
  });
  const inquiryIds = rows.flatMap((row) => (row.inquiryId ? [row.inquiryId] : []));
  const inquiries = inquiryIds.length
    ? await db.inquiry.findMany({ where: { id: { in: inquiryIds } }, select: { id: true, email: true } })
    : [];
  const emails = new Map(inquiries.map((inquiry) => [inquiry.id, inquiry.email]));
  return rows.map(({ channel, subscription, user, inquiryId, answer, nextAttemptAt, ...row }) => ({
    ...row,
    // An outbound webhook subscription (lib/webhooks) reads like a channel: its name.
    to: recipient(channel ?? subscription, user, inquiryId ? (emails.get(inquiryId) ?? null) : null),
    // The next try only means something while one is still to come.
    nextAttemptAt: row.status === "PENDING" || row.status === "RETRYING" ? nextAttemptAt : null,
    answer: answer === null ? null : maskedText(answer),
  }));
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number];

function recipient(
  channel: { name: string } | null,
  user: { name: string } | null,
  email: string | null,
): DeliveryRecipient {
  if (channel) return { kind: "channel", name: channel.name };
  if (user) return { kind: "user", name: user.name };
  return { kind: "investor", email: email && maskEmail(email) };
}
