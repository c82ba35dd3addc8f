import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { moveUnits } from "../../inventory/status";
import { dropPhoneCounters } from "../../limits/rate-limit";
import { logEvent } from "../../log";
import type { Storage } from "../../storage/storage";
import { DEMO_EMAIL_DOMAIN } from "../seed/catalogue";
import { DEMO_SEEDED_KEY } from "../seed";
import { removeDemoSchema } from "./schema";

export type RemoveDemoResult =
  | { ok: true; leads: number; inquiries: number; activities: number; tasks: number; users: number }
  | { ok: false; fieldErrors: FieldErrors };

/**
 * An admin's removal of the demo workspace, in one transaction: every demo lead (Lead.demo) and every lead
 * merged into one, with all that hangs off them — inquiries, stage history, timeline, tasks, PIPL requests,
 * outbox events and deliveries, their audit entries and their phones' rate-limit counters. The report
 * tallies follow by the database's delete triggers. Units the demo leads hold, signed or occupy go back to vacant
 * through moveUnits (history kept, listings brought into line) and their holds go with the leads, so the parks,
 * buildings and units stay as the demo found them. Their projects go with them — milestones, plan history,
 * evidence (the files too, once the removal is committed, when a store is given), 到资, years, 督办 items, and
 * the projects' and items' audit entries and outbox events. The demo staff are deactivated (users are never
 * deleted), and the seed's marker stays, so a restart does not bring the demo back. Leads that were
 * never demo data are not touched. The removal itself is audited with its counts.
 */
export async function removeDemoData(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  storage?: Storage,
): Promise<RemoveDemoResult> {
  assertRole(viewer, ["ADMIN"], "remove demo data");
  const parsed = removeDemoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const files: string[] = [];
  const result = await db.$transaction(
    async (tx) => {
      // The seed's lock: a removal never runs beside a seeding.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
      const doomed = await tx.$queryRaw<{ id: string; phone: string }[]>`
        WITH RECURSIVE doomed AS (
          SELECT "id" FROM "Lead" WHERE "demo"
          UNION SELECT l."id" FROM "Lead" l JOIN doomed d ON l."mergedIntoId" = d."id"
        )
        SELECT l."id", l."phone" FROM "Lead" l JOIN doomed d ON d."id" = l."id" FOR UPDATE OF l`;
      const ids = doomed.map((lead) => lead.id);
      const inquiryIds = (await tx.inquiry.findMany({ where: { leadId: { in: ids } }, select: { id: true } })).map(
        (inquiry) => inquiry.id,
      );
      const units = await tx.unit.findMany({ where: { leadId: { in: ids } }, select: { id: true } });
      await moveUnits(tx, {
        unitIds: units.map((unit) => unit.id),
        from: ["HELD", "SIGNED", "OCCUPIED"],
        to: "VACANT",
        leadId: null,
        actorId: viewer.id,
        now: new Date(),
      });
      await tx.unitHold.deleteMany({ where: { leadId: { in: ids } } });
      const projects = await removeProjects(tx, ids);
      files.push(...projects.files);
      const about = { OR: [{ leadId: { in: ids } }, { inquiryId: { in: inquiryIds } }] };
      const events = [
        ...(await tx.outboxEvent.findMany({ where: about, select: { id: true } })),
        ...projects.events.map((id) => ({ id })),
      ];
      await tx.delivery.deleteMany({ where: { OR: [...about.OR, { eventId: { in: events.map((e) => e.id) } }] } });
      await tx.outboxEvent.deleteMany({ where: { id: { in: events.map((event) => event.id) } } });
      await tx.privacyRequest.deleteMany({ where: { leadId: { in: ids } } });
      const tasks = await tx.task.deleteMany({ where: { leadId: { in: ids } } });
      const activities = await tx.activity.deleteMany({ where: { leadId: { in: ids } } });
      await tx.stageChange.deleteMany({ where: { leadId: { in: ids } } });
      const inquiries = await tx.inquiry.deleteMany({ where: { id: { in: inquiryIds } } });
      await tx.auditEntry.deleteMany({ where: { entityType: "Lead", entityId: { in: ids } } });
      await dropPhoneCounters(
        tx,
        doomed.map((lead) => lead.phone),
      );
      await tx.lead.deleteMany({ where: { id: { in: ids } } });
      const users = await tx.user.updateMany({
        where: { email: { endsWith: `@${DEMO_EMAIL_DOMAIN}` }, active: true },
        data: { active: false, sessionVersion: { increment: 1 } },
      });
      const marker = await tx.setting.findUnique({ where: { key: DEMO_SEEDED_KEY }, select: { value: true } });
      const removedAt = new Date().toISOString();
      const value = { ...(marker?.value as object | null), removedAt };
      await tx.setting.upsert({
        where: { key: DEMO_SEEDED_KEY },
        create: { key: DEMO_SEEDED_KEY, value },
        update: { value },
      });
      const counts = {
        leads: ids.length,
        inquiries: inquiries.count,
        activities: activities.count,
        tasks: tasks.count,
        users: users.count,
      };
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "demo.remove",
        entityType: "Lead",
        entityId: "demo",
        details: counts,
      });
      return { ok: true as const, ...counts };
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
  // Files are dropped once their rows are gone for good; a file that will not go is logged, never fatal.
  if (storage)
    for (const key of files)
      await storage
        .delete(key)
        .catch((error: Error) => logEvent("storage.delete_failed", { key, error: error.message }));
  return result;
}

/**
 * The demo leads' projects and everything under them (the rows below a project go with it by cascade), their
 * audit entries; returns the evidence files to drop and the outbox events about the projects' milestones and
 * 督办 items, for the caller to delete with the leads' own.
 */
async function removeProjects(tx: Prisma.TransactionClient, leadIds: string[]) {
  const projects = await tx.project.findMany({
    where: { leadId: { in: leadIds } },
    select: {
      id: true,
      milestones: { select: { id: true } },
      supervisions: { select: { id: true } },
      evidence: { where: { storageKey: { not: null } }, select: { storageKey: true } },
    },
  });
  const projectIds = projects.map((project) => project.id);
  const milestoneIds = projects.flatMap((project) => project.milestones.map((milestone) => milestone.id));
  const supervisionIds = projects.flatMap((project) => project.supervisions.map((item) => item.id));
  const events = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "OutboxEvent"
    WHERE "data"->>'milestoneId' = ANY(${milestoneIds}::text[])
       OR "data"->>'supervisionId' = ANY(${supervisionIds}::text[])`;
  await tx.auditEntry.deleteMany({
    where: {
      OR: [
        { entityType: "Project", entityId: { in: projectIds } },
        { entityType: "Supervision", entityId: { in: supervisionIds } },
      ],
    },
  });
  await tx.project.deleteMany({ where: { id: { in: projectIds } } });
  return {
    files: projects.flatMap((project) => project.evidence.map((evidence) => evidence.storageKey!)),
    events: events.map((event) => event.id),
  };
}
