import "server-only";
import { generatePassword, hashPassword } from "../../auth/password";
import type { Database } from "../../db/client";
import type { Prisma } from "../../db/generated/client";
import { moveUnits } from "../../inventory/status";
import { openProjectsForLeads } from "../../projects/lead-projects";
import { logEvent } from "../../log";
import { STAFF_EMAIL_TOPICS } from "../../notify/topics";
import { readSettings } from "../../settings/queries";
import { DEMO_EMAIL_DOMAIN, DEMO_STAFF } from "./catalogue";
import { planDemoRows } from "./plan";
import { planDemoProjects } from "./projects";
import type { DemoStages } from "./timeline";
import { demoParks } from "../../../prisma/demo-listings";

/** Written once the demo was seeded, so a restart after its removal never seeds it again. */
export const DEMO_SEEDED_KEY = "demo.seeded";

type Tx = Prisma.TransactionClient;
export type DemoSeedOutcome = "seeded" | "alreadySeeded" | "hasLeads" | "noAdmin" | "noPipeline";

/**
 * The demo workspace (lib/demo): four officers and a manager, and about 200 leads of the last 18 months
 * in every stage, with their inquiries, stage histories, calls, visits, notes and tasks, all marked
 * Lead.demo; the demo parks' units they signed for, moved into and hold (./inventory.ts), moved through
 * lib/inventory/status.ts in time order so each change has its dated history row; a project for every signed lead,
 * six of them worked to different milestones, one late and under 督办 (./projects.ts). Seeded once, into a
 * workspace whose first admin exists and that never had a lead: a workspace with real leads is never
 * touched. Nothing goes to the outbox, so no one is notified; the report tallies are kept by the database's
 * triggers as for any write. The demo staff cannot sign in (random passwords, never shown), take no
 * round-robin turn (away) and mute every mail topic.
 */
export async function seedDemoWorkspace(db: Database, now = new Date()): Promise<DemoSeedOutcome> {
  // Most starts find the demo seeded long ago: no password is hashed for them.
  if (await db.setting.findUnique({ where: { key: DEMO_SEEDED_KEY }, select: { key: true } })) return "alreadySeeded";
  // Hashed outside the transaction, which then holds its lock only while writing.
  const hashes = await Promise.all(DEMO_STAFF.map(() => hashPassword(generatePassword())));
  const outcome = await db.$transaction(
    async (tx): Promise<DemoSeedOutcome> => {
      // Two instances starting together must not both seed.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707371)`;
      if (await tx.setting.findUnique({ where: { key: DEMO_SEEDED_KEY }, select: { key: true } }))
        return "alreadySeeded";
      if (await tx.lead.findFirst({ select: { id: true } })) return "hasLeads";
      if ((await tx.user.count({ where: { role: "ADMIN", active: true } })) === 0) return "noAdmin";
      const stages = await tx.stage.findMany({ orderBy: { position: "asc" }, select: { key: true, category: true } });
      const open = stages.filter((stage) => stage.category === "OPEN").map((stage) => stage.key);
      const won = stages.find((stage) => stage.category === "WON")?.key;
      const lost = stages.find((stage) => stage.category === "LOST")?.key;
      if (open.length < 2 || !won || !lost) return "noPipeline";

      const [staff, listings, settings, units] = await Promise.all([
        demoStaff(tx, hashes),
        tx.listing.findMany({
          where: { published: true },
          select: { id: true, parkId: true, kind: true },
          orderBy: { id: "asc" },
        }),
        readSettings(tx),
        demoParkUnits(tx),
      ]);
      const manager = staff.find((user) => user.role === "MANAGER")!.id;
      const rows = planDemoRows({
        now,
        staff: staff.filter((user) => user.role === "STAFF").map((user) => user.id),
        manager,
        listings,
        stages: { open, won, lost },
        settings,
        units,
      });
      await tx.lead.createMany({ data: rows.leads });
      await tx.inquiry.createMany({ data: rows.inquiries });
      await tx.stageChange.createMany({ data: rows.stageChanges });
      await tx.activity.createMany({ data: rows.activities });
      await tx.task.createMany({ data: rows.tasks });
      // In time order, through the one writer of a unit's status: each step leaves its history row.
      for (const { at, ...step } of rows.inventory.steps) await moveUnits(tx, { ...step, now: at });
      await tx.unitHold.createMany({ data: rows.inventory.holds });
      await seedDemoProjects(tx, rows.leads, { open, won, lost }, manager, now);
      await tx.setting.create({
        data: { key: DEMO_SEEDED_KEY, value: { at: now.toISOString(), leads: rows.leads.length } },
      });
      return "seeded";
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
  logEvent("demo.workspace", { outcome });
  return outcome;
}

/**
 * Every signed demo lead's project, opened as a signing opens it, in the park of the units it signed for when its
 * inquiry named none; then the six worked ones' plans (with their history), actuals, evidence notes, 到资, year and
 * 督办 item.
 */
async function seedDemoProjects(
  tx: Tx,
  leads: Prisma.LeadCreateManyInput[],
  stages: DemoStages,
  manager: string,
  now: Date,
) {
  const signed = leads.filter((lead) => lead.stageKey === stages.won).map((lead) => lead.id!);
  await openProjectsForLeads(tx, signed, now);
  await tx.$executeRaw`
    UPDATE "Project" p SET "parkId" = u."parkId" FROM "Unit" u
    WHERE u."leadId" = p."leadId" AND p."parkId" IS NULL AND p."leadId" = ANY(${signed}::text[])`;
  const projects = await tx.project.findMany({
    where: { leadId: { in: signed } },
    select: { id: true, leadId: true },
  });
  const rows = planDemoProjects({ leads, projects, stages, manager, now });
  for (const project of rows.projects) await tx.project.update({ where: { id: project.id }, data: project.data });
  for (const { projectId, kind, ...milestone } of rows.milestones)
    await tx.projectMilestone.update({ where: { projectId_kind: { projectId, kind } }, data: milestone });
  await tx.milestonePlanChange.createMany({ data: rows.planChanges });
  await tx.projectEvidence.createMany({ data: rows.evidence });
  await tx.projectFundingPlan.createMany({ data: rows.fundingPlans });
  await tx.projectFunding.createMany({ data: rows.fundings });
  await tx.projectYear.createMany({ data: rows.years });
  await tx.supervision.createMany({ data: rows.supervisions });
  await tx.supervisionEntry.createMany({ data: rows.supervisionEntries });
}

/** The demo parks' vacant units, keyed by park, building and number as the plan names them. */
async function demoParkUnits(tx: Tx) {
  const units = await tx.unit.findMany({
    where: { status: "VACANT", park: { slug: { in: demoParks.map((park) => park.slug) } } },
    select: {
      id: true,
      number: true,
      areaSqm: true,
      listPrice: true,
      building: { select: { name: true } },
      park: { select: { slug: true } },
    },
  });
  return units.map((unit) => ({
    id: unit.id,
    key: `${unit.park.slug}/${unit.building.name}/${unit.number}`,
    areaSqm: Number(unit.areaSqm),
    listPrice: unit.listPrice?.toString() ?? null,
  }));
}

async function demoStaff(tx: Tx, hashes: string[]) {
  const users = [];
  for (const [index, person] of DEMO_STAFF.entries()) {
    const email = `${person.key}@${DEMO_EMAIL_DOMAIN}`;
    users.push(
      await tx.user.upsert({
        where: { email },
        create: {
          email,
          name: person.name,
          role: person.role,
          passwordHash: hashes[index],
          away: person.role === "STAFF",
          emailMuted: [...STAFF_EMAIL_TOPICS],
        },
        update: {},
        select: { id: true, role: true },
      }),
    );
  }
  return users;
}
