import type { Database } from "@/lib/db/client";
import { MILESTONE_KINDS, type MilestoneKind } from "@/lib/projects/types";
import { at } from "./report-views";

/*
 * Signed projects written straight into the database, following lib/projects/plan.ts: a milestone's first plan
 * takes effect at the signing (a MilestonePlanChange with effectiveAt = signedAt, previousOn null, and the
 * milestone's plannedSince = signedAt); a re-plan takes effect when made (effectiveAt and plannedSince = then,
 * previousOn = the plan it replaced).
 */

/** YYYY-MM-DD as a @db.Date value. */
export const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

export interface MilestoneFixture {
  planned?: string;
  actual?: string;
  /** a later plan and the Shanghai wall time it was made ("2026-03-01 10:00") */
  replanned?: { to: string; on: string; reason: string };
}

export interface ProjectFixture {
  name: string;
  parkId: string | null;
  ownerId: string;
  industry?: string;
  /** Shanghai wall time */
  signedAt: string;
  creditCode?: string;
  totalInvestment?: number;
  fixedAssetInvestment?: number;
  annualTax?: number;
  annualOutput?: number;
  jobs?: number;
  landMu?: number;
  intakeScore?: number;
  milestones?: Partial<Record<MilestoneKind, MilestoneFixture>>;
  /** [day, 万元] */
  fundings?: [string, number][];
  plans?: [string, number][];
  years?: { year: number; tax: number | null; output: number | null; jobs?: number }[];
}

export async function makeDeliveryPark(
  db: Database,
  slug: string,
  name: string,
  benchmarks: { tax?: number; output?: number } = {},
) {
  return db.park.create({
    data: {
      slug,
      name,
      nameEn: `${slug} park`,
      city: "嘉兴",
      cityEn: "Jiaxing",
      address: "路",
      addressEn: "Road",
      description: "园",
      descriptionEn: "Park",
      operatorName: "运营",
      contactPhone: "0573-1",
      benchmarkTaxPerMu: benchmarks.tax,
      benchmarkOutputPerMu: benchmarks.output,
    },
  });
}

let phones = 0;

/** A signed lead and its project with milestones, plan history, 到资 and yearly actuals. */
export async function makeProject(db: Database, fixture: ProjectFixture) {
  phones += 1;
  const signedAt = at(fixture.signedAt);
  const lead = await db.lead.create({
    data: {
      phone: `1370000${String(phones).padStart(4, "0")}`,
      company: fixture.name,
      contactName: "联系人",
      ownerId: fixture.ownerId,
      parkId: fixture.parkId,
    },
  });
  const project = await db.project.create({
    data: {
      leadId: lead.id,
      parkId: fixture.parkId,
      ownerId: fixture.ownerId,
      name: fixture.name,
      companyName: fixture.name,
      creditCode: fixture.creditCode,
      industry: fixture.industry,
      signedAt,
      intakeScore: fixture.intakeScore,
      totalInvestment: fixture.totalInvestment,
      fixedAssetInvestment: fixture.fixedAssetInvestment,
      annualTax: fixture.annualTax,
      annualOutput: fixture.annualOutput,
      jobs: fixture.jobs,
      landMu: fixture.landMu,
    },
  });
  for (const kind of MILESTONE_KINDS) {
    const milestone = fixture.milestones?.[kind] ?? {};
    const replan = milestone.replanned;
    const plannedOn = replan?.to ?? milestone.planned;
    await db.projectMilestone.create({
      data: {
        projectId: project.id,
        kind,
        plannedOn: plannedOn ? day(plannedOn) : null,
        plannedSince: replan ? at(replan.on) : milestone.planned ? signedAt : null,
        actualOn: milestone.actual ? day(milestone.actual) : null,
        recordedAt: milestone.actual ? signedAt : null,
      },
    });
    if (milestone.planned)
      await db.milestonePlanChange.create({
        data: { projectId: project.id, kind, plannedOn: day(milestone.planned), effectiveAt: signedAt },
      });
    if (replan)
      await db.milestonePlanChange.create({
        data: {
          projectId: project.id,
          kind,
          plannedOn: day(replan.to),
          previousOn: milestone.planned ? day(milestone.planned) : null,
          effectiveAt: at(replan.on),
          reason: replan.reason,
        },
      });
  }
  for (const [paidOn, amount] of fixture.fundings ?? [])
    await db.projectFunding.create({ data: { projectId: project.id, paidOn: day(paidOn), amount } });
  for (const [dueOn, amount] of fixture.plans ?? [])
    await db.projectFundingPlan.create({ data: { projectId: project.id, dueOn: day(dueOn), amount } });
  for (const year of fixture.years ?? [])
    await db.projectYear.create({
      data: { projectId: project.id, year: year.year, tax: year.tax, output: year.output, jobs: year.jobs },
    });
  return { projectId: project.id, leadId: lead.id };
}
