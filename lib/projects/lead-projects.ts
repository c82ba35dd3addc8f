import "server-only";
import type { Prisma } from "../db/generated/client";
import { MILESTONE_KINDS } from "./types";

/*
 * What a lead's project does when the lead itself moves, called inside the lead's own transaction (lib/leads:
 * stage moves and merges). Projects sit below the leads: these take lead ids and read the lead's row
 * themselves, so nothing here imports lib/leads.
 */

type Tx = Prisma.TransactionClient;

/** Said on a project whose lead was moved out of its won stage after work on it had been recorded. */
export const WITHDRAWN_REASON = "签约已撤回（线索移出签约阶段）";

/**
 * Each lead that has just signed becomes a project, unless it already has an active one: the company, park,
 * owner, industry and admission score as the lead has them, the figures the investor gave as the first
 * commitments (the officer corrects them from the contract), land in 亩 when the lead signed for land, and
 * the six milestones unplanned. Returns the new projects' ids.
 */
export async function openProjectsForLeads(tx: Tx, leadIds: readonly string[], now: Date): Promise<string[]> {
  if (leadIds.length === 0) return [];
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Project" ("id", "leadId", "parkId", "ownerId", "name", "companyName", "industry", "signedAt",
      "intakeScore", "totalInvestment", "annualOutput", "annualTax", "jobs", "landMu", "demo", "createdAt",
      "updatedAt")
    SELECT 'c' || substr(md5(l."id" || ':project:' || ${now.toISOString()}), 1, 24), l."id", l."parkId",
      l."ownerId", left(l."company", 120), left(l."company", 120), left(l."industry", 60),
      COALESCE(l."signedAt", ${now}), l."score", l."investment", l."annualOutput",
      COALESCE(l."signedAnnualTax", l."expectedAnnualTax"), l."employees",
      CASE WHEN l."signedAreaUnit" = 'MU' THEN l."signedArea" END, l."demo", ${now}, ${now}
    FROM "Lead" l
    WHERE l."id" = ANY(${[...leadIds]}::text[]) AND l."mergedIntoId" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Project" p WHERE p."leadId" = l."id" AND p."status" = 'ACTIVE')
    RETURNING "id"`;
  const ids = created.map((row) => row.id);
  if (ids.length) await addMilestones(tx, ids);
  return ids;
}

/** The six milestone rows of new projects, unplanned. */
export async function addMilestones(tx: Tx, projectIds: readonly string[]): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "ProjectMilestone" ("id", "projectId", "kind")
    SELECT 'c' || substr(md5(p.id || ':' || k.kind), 1, 24), p.id, k.kind::"MilestoneKind"
    FROM unnest(${[...projectIds]}::text[]) AS p(id) CROSS JOIN unnest(${[...MILESTONE_KINDS]}::text[]) AS k(kind)`;
}

/**
 * Leads moved out of a won stage (back to an open one, or lost): a project nobody has worked on yet goes
 * (the signing was a mistake), one with anything recorded on it — a plan, an actual, evidence, money, a year,
 * a 督办 item — is terminated instead, so that work is never lost. Returns how many were terminated.
 */
export async function withdrawProjectsOfLeads(
  tx: Tx,
  leadIds: readonly string[],
  actorId: string | null,
  now: Date,
): Promise<number> {
  if (leadIds.length === 0) return 0;
  const projects = await tx.$queryRaw<{ id: string; worked: boolean }[]>`
    SELECT p."id",
      EXISTS (SELECT 1 FROM "ProjectMilestone" m WHERE m."projectId" = p."id"
              AND (m."plannedOn" IS NOT NULL OR m."actualOn" IS NOT NULL OR m."note" IS NOT NULL))
      OR EXISTS (SELECT 1 FROM "ProjectEvidence" e WHERE e."projectId" = p."id")
      OR EXISTS (SELECT 1 FROM "ProjectFundingPlan" f WHERE f."projectId" = p."id")
      OR EXISTS (SELECT 1 FROM "ProjectFunding" f WHERE f."projectId" = p."id")
      OR EXISTS (SELECT 1 FROM "ProjectYear" y WHERE y."projectId" = p."id")
      OR EXISTS (SELECT 1 FROM "Supervision" s WHERE s."projectId" = p."id")
      OR p."version" > 1 AS "worked"
    FROM "Project" p
    WHERE p."leadId" = ANY(${[...leadIds]}::text[]) AND p."status" = 'ACTIVE'
    ORDER BY p."id" FOR UPDATE`;
  const untouched = projects.filter((project) => !project.worked).map((project) => project.id);
  const worked = projects.filter((project) => project.worked).map((project) => project.id);
  if (untouched.length) await tx.project.deleteMany({ where: { id: { in: untouched } } });
  if (worked.length)
    await tx.project.updateMany({
      where: { id: { in: worked } },
      data: {
        status: "TERMINATED",
        terminatedAt: now,
        terminatedById: actorId,
        terminationReason: WITHDRAWN_REASON,
        version: { increment: 1 },
      },
    });
  return worked.length;
}

/**
 * A merge: the merged-away leads' projects follow the surviving lead. A second active project stays with its
 * tombstone instead (still listed under /crm/projects), since a lead has one active project at a time.
 */
export async function moveProjectsToLead(tx: Tx, fromLeadIds: readonly string[], toLeadId: string): Promise<void> {
  if (fromLeadIds.length === 0) return;
  await tx.$executeRaw`
    UPDATE "Project" SET "leadId" = ${toLeadId}, "updatedAt" = CURRENT_TIMESTAMP
    WHERE "leadId" = ANY(${[...fromLeadIds]}::text[]) AND "status" = 'TERMINATED'`;
  const survivorActive = await tx.project.count({ where: { leadId: toLeadId, status: "ACTIVE" } });
  if (survivorActive > 0) return;
  const first = await tx.project.findFirst({
    where: { leadId: { in: [...fromLeadIds] }, status: "ACTIVE" },
    orderBy: { signedAt: "asc" },
    select: { id: true },
  });
  if (first) await tx.project.update({ where: { id: first.id }, data: { leadId: toLeadId } });
}
