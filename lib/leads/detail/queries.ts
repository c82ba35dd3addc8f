import "server-only";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { projectsVisibleTo } from "../../projects/access";
import { contactFor, detailsFor, leadsVisibleTo, managesLeads, maySeePhone, textFor, WORKSPACE_ROLES } from "../access";
import type { EditableField } from "../edit/schema";
import { matchingListings } from "./matching";

const TIMELINE_LIMIT = 200;
/** The edit form's fields that contactFor may mask. */
const MASKABLE_EDITS = ["wechat", "email", "notes", "use"] as const satisfies readonly EditableField[];
const ID = /^[A-Za-z0-9_-]{1,40}$/;

const inquirySelect = {
  id: true,
  reference: true,
  createdAt: true,
  listing: { select: { id: true, title: true, titleEn: true, park: { select: { name: true, nameEn: true } } } },
  listingPrice: true,
  listingPriceUnit: true,
  listingArea: true,
  listingAreaUnit: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  timeline: true,
  use: true,
  expectedAnnualTax: true,
  company: true,
  contactName: true,
  message: true,
  channel: true,
  sourcePage: true,
  referrer: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  utmTerm: true,
  utmContent: true,
  consentNoticeVersion: true,
  consentedAt: true,
} satisfies Prisma.InquirySelect;

const decimal = (value: Prisma.Decimal | null) => (value === null ? null : value.toString());

export type LeadDetail = NonNullable<Awaited<ReturnType<typeof leadDetail>>>;
export type TimelineEntry = LeadDetail["timeline"][number];
export type LeadTask = LeadDetail["tasks"][number];

/**
 * Everything the lead page shows, or null when the lead does not exist or lies outside what the
 * viewer may see (another officer's lead reads to staff exactly as a missing one). For staff on a
 * pool lead, until they claim it, the phone, WeChat ID and email are masked, and so is every phone,
 * email and the lead's WeChat ID in what people wrote: notes, use, messages, timeline, task titles.
 */
export async function leadDetail(db: Database, viewer: Viewer | null, leadId: string, now = new Date()) {
  assertRole(viewer, WORKSPACE_ROLES, "read leads");
  if (!ID.test(leadId)) return null;
  const lead = await db.lead.findFirst({
    where: { id: leadId, ...leadsVisibleTo(viewer) },
    omit: { searchTokens: true },
    include: {
      stage: { select: { key: true, name: true, nameEn: true, category: true } },
      owner: { select: { id: true, name: true } },
      lostReason: { select: { name: true, nameEn: true } },
      inquiries: { select: inquirySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
      activities: {
        select: {
          id: true,
          kind: true,
          body: true,
          details: true,
          occurredAt: true,
          actor: { select: { id: true, name: true } },
        },
        orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
        take: TIMELINE_LIMIT,
      },
      tasks: {
        select: { id: true, title: true, dueAt: true, doneAt: true, assignee: { select: { id: true, name: true } } },
      },
      // The investor's open PIPL requests: whoever works the lead must know before calling again.
      privacyRequests: {
        where: { status: "OPEN" },
        select: { kind: true, dueAt: true },
        orderBy: { dueAt: "asc" },
      },
    },
  });
  if (!lead) return null;

  const { inquiries, activities, tasks, privacyRequests, ...fields } = lead;
  const shown = contactFor(viewer, fields);
  const [matches, names, assignees, project] = await Promise.all([
    matchingListings(db, lead),
    namesOf(db, activities),
    managesLeads(viewer)
      ? db.user.findMany({
          where: { active: true },
          select: { id: true, name: true, role: true },
          orderBy: { name: "asc" },
        })
      : [],
    // The project the signing opened, if the viewer may see it: the active one first, else the latest.
    db.project.findFirst({
      where: { leadId: lead.id, ...projectsVisibleTo(viewer) },
      orderBy: [{ status: "asc" }, { signedAt: "desc" }],
      select: { id: true },
    }),
  ]);

  const timeline = [
    ...activities.map((activity) => ({
      type: "activity" as const,
      ...activity,
      body: textFor(viewer, lead, activity.body),
      details: detailsFor(viewer, lead, activity.details),
      at: activity.occurredAt,
    })),
    ...inquiries.map((inquiry) => ({
      type: "inquiry" as const,
      id: inquiry.id,
      reference: inquiry.reference,
      listing: inquiry.listing,
      at: inquiry.createdAt,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  return {
    lead: {
      ...shown,
      needArea: decimal(lead.needArea),
      expectedAnnualTax: decimal(lead.expectedAnnualTax),
      investment: decimal(lead.investment),
      annualOutput: decimal(lead.annualOutput),
      signedArea: decimal(lead.signedArea),
      signedAnnualTax: decimal(lead.signedAnnualTax),
      phoneMasked: !maySeePhone(viewer, lead),
      /**
       * editable fields shown masked: read-only until the lead is claimed (lib/leads/edit/mutations.ts refuses changes
       * to them)
       */
      maskedFields: MASKABLE_EDITS.filter((field) => shown[field] !== fields[field]),
    },
    privacyRequests,
    /** what the viewer may do here, so the page offers only what lib/ would accept */
    can: {
      work: lead.mergedIntoId === null && lead.erasedAt === null,
      claim: lead.ownerId === null && lead.mergedIntoId === null,
      assign: managesLeads(viewer) && lead.mergedIntoId === null,
    },
    inquiries: inquiries.map((inquiry) => ({
      ...inquiry,
      use: textFor(viewer, lead, inquiry.use),
      message: textFor(viewer, lead, inquiry.message),
      listingPrice: decimal(inquiry.listingPrice),
      listingArea: decimal(inquiry.listingArea),
      needArea: inquiry.needArea.toString(),
      expectedAnnualTax: inquiry.expectedAnnualTax.toString(),
    })),
    timeline,
    /** display names of the users and stages that owner and stage lines refer to by id or key */
    names,
    tasks: orderTasks(
      tasks.map((task) => ({ ...task, title: textFor(viewer, lead, task.title) })),
      now,
    ),
    matches,
    /** who a manager may give the lead or a task to */
    assignees,
    /** the lead's project (项目档案) the viewer may open, if it signed */
    projectId: project?.id ?? null,
  };
}

/** Open tasks first, soonest due first, flagged when past due; then done ones, latest done first. */
export function orderTasks<T extends { dueAt: Date; doneAt: Date | null }>(tasks: T[], now: Date) {
  const open = tasks.filter((task) => !task.doneAt).sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const done = tasks.filter((task) => task.doneAt).sort((a, b) => b.doneAt!.getTime() - a.doneAt!.getTime());
  return [...open, ...done].map((task) => ({ ...task, overdue: !task.doneAt && task.dueAt < now }));
}

/** Owner lines hold user ids and stage lines stage keys ({ from, to }); the timeline shows names. */
async function namesOf(db: Database, activities: { kind: string; details: Prisma.JsonValue }[]) {
  const ids = { users: new Set<string>(), stages: new Set<string>() };
  for (const activity of activities) {
    const details = activity.details as { from?: unknown; to?: unknown } | null;
    if (!details || typeof details !== "object") continue;
    const into = activity.kind === "OWNER" ? ids.users : activity.kind === "STAGE" ? ids.stages : null;
    for (const value of [details.from, details.to]) if (into && typeof value === "string") into.add(value);
  }
  const [users, stages] = await Promise.all([
    ids.users.size ? db.user.findMany({ where: { id: { in: [...ids.users] } }, select: { id: true, name: true } }) : [],
    ids.stages.size
      ? db.stage.findMany({ where: { key: { in: [...ids.stages] } }, select: { key: true, name: true, nameEn: true } })
      : [],
  ]);
  return {
    users: Object.fromEntries(users.map((user) => [user.id, user.name])),
    stages: Object.fromEntries(stages.map((stage) => [stage.key, { name: stage.name, nameEn: stage.nameEn }])),
  };
}
