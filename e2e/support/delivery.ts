import { randomBytes } from "node:crypto";
import { expect } from "@playwright/test";
import { leadSearchTokens } from "../../lib/leads/search-tokens";
import { queryE2eDatabase, uniquePhone } from "./database";

/*
 * The delivery (履约) journeys' records: a lead about to sign, and what its project stored. Leads are written
 * straight into the database rather than through the public intake, which allows one address 30 inquiries an
 * hour, and every journey's come from one.
 */

/** A lead in 洽谈 handed to `ownerId`, with the figures an investor gives at intake. */
export async function negotiatingLead(ownerId: string, name: string): Promise<{ id: string; company: string }> {
  const phone = uniquePhone();
  const company = `${name}${phone.slice(-6)}有限公司`;
  const contactName = "沈经理";
  const [lead] = await queryE2eDatabase<{ id: string }>(
    `INSERT INTO "Lead" ("id", "phone", "company", "contactName", "use", "needDeal", "needKind", "needArea",
       "needAreaUnit", "expectedAnnualTax", "investment", "annualOutput", "employees", "industry", "source",
       "ownerId", "assignedAt", "stageKey", "searchTokens", "updatedAt")
     VALUES ($1, $2, $3, $4, '精密减速器生产', 'BUY', 'FACTORY', 2400, 'SQM', 300, 5000, 8000, 120,
       '通用设备制造业', 'direct', $5, now(), 'negotiation', $6, now())
     RETURNING "id"`,
    [
      `e2e${randomBytes(10).toString("hex")}`,
      phone,
      company,
      contactName,
      ownerId,
      leadSearchTokens({ company, contactName, phone }),
    ],
  );
  expect(lead).toBeDefined();
  return { id: lead.id, company };
}

/** The lead's projects as stored, with each milestone's planned and actual day (YYYY-MM-DD). */
export async function projectsOfLead(leadId: string) {
  return queryE2eDatabase<{
    id: string;
    status: string;
    creditCode: string | null;
    ownerId: string | null;
    milestones: Record<string, { plannedOn: string | null; actualOn: string | null }>;
  }>(
    `SELECT p."id", p."status"::text AS "status", p."creditCode", p."ownerId",
       (SELECT json_object_agg(m."kind", json_build_object('plannedOn', m."plannedOn"::text, 'actualOn', m."actualOn"::text))
        FROM "ProjectMilestone" m WHERE m."projectId" = p."id") AS "milestones"
     FROM "Project" p WHERE p."leadId" = $1 ORDER BY p."createdAt"`,
    [leadId],
  );
}

/** The 督办 items of a project with their entries' kinds and authors, oldest first. */
export async function supervisionsOf(projectId: string) {
  return queryE2eDatabase<{
    status: string;
    assigneeId: string;
    openedById: string;
    entries: { kind: string; authorId: string | null }[] | null;
  }>(
    `SELECT s."status"::text AS "status", s."assigneeId", s."openedById",
       (SELECT json_agg(json_build_object('kind', e."kind", 'authorId', e."authorId") ORDER BY e."createdAt")
        FROM "SupervisionEntry" e WHERE e."supervisionId" = s."id") AS "entries"
     FROM "Supervision" s WHERE s."projectId" = $1 ORDER BY s."createdAt"`,
    [projectId],
  );
}
