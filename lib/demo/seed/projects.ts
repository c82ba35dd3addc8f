import type { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { shanghaiDay } from "../../calendar/shanghai-time";
import type { MilestoneKind } from "../../projects/types";
import type { DemoStages } from "./timeline";

/*
 * What the demo's signed projects delivered (履约). Every demo lead that signed has its project, opened by
 * lib/projects/lead-projects.ts as a signing opens it; six of them are worked, each at its own milestone: one at
 * full production (亩均 class A), one in production with its 到资 and a year's figures (class B), one under
 * construction with a re-plan and its reason, one registered, one just signed with its plans set, and one late:
 * 开工 planned 40 days ago and not started, with a 督办 item the manager opened, the officer answered and the
 * manager gave a 批示 on. Pure: the projects are picked from the leads' own stories and dated from their
 * signing (the plans in the contract take effect then, lib/projects/plan.ts) or from now, so they keep their
 * shape on any day.
 */

const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

type Lead = Prisma.LeadCreateManyInput;

/** A demo project as lib/projects/lead-projects.ts opened it. */
export interface DemoProject {
  id: string;
  leadId: string;
}

export interface DemoMilestone {
  projectId: string;
  kind: MilestoneKind;
  plannedOn: Date | null;
  plannedSince: Date | null;
  actualOn: Date | null;
  note: string | null;
  recordedById: string | null;
  recordedAt: Date | null;
}

export interface DemoProjectRows {
  projects: { id: string; data: Prisma.ProjectUpdateManyMutationInput }[];
  milestones: DemoMilestone[];
  planChanges: Prisma.MilestonePlanChangeCreateManyInput[];
  evidence: Prisma.ProjectEvidenceCreateManyInput[];
  fundingPlans: Prisma.ProjectFundingPlanCreateManyInput[];
  fundings: Prisma.ProjectFundingCreateManyInput[];
  years: Prisma.ProjectYearCreateManyInput[];
  supervisions: Prisma.SupervisionCreateManyInput[];
  supervisionEntries: Prisma.SupervisionEntryCreateManyInput[];
}

/** The six worked projects' roles, as the demo shows delivery. */
export const DEMO_PROJECT_ROLES = [
  "fullProduction",
  "inProduction",
  "underConstruction",
  "late",
  "registered",
  "justSigned",
] as const;
export type DemoProjectRole = (typeof DEMO_PROJECT_ROLES)[number];

/** A milestone's plan in days after the signing (the contract's), its actual day, and what was noted. */
interface Step {
  plan: number;
  done?: number;
  note?: string;
  /** a re-plan: on which day after the signing, to which day, and why */
  replan?: { on: number; to: number; reason: string };
}

interface Story {
  name: string;
  /** the company registered in the park (注册主体), when it is */
  companyName?: string;
  creditCode?: string;
  commitments: {
    totalInvestment: string;
    fixedAssetInvestment: string;
    annualOutput: string;
    annualTax: string;
    jobs: number;
    /** 亩; a land project keeps the 亩 it signed for */
    landMu?: string;
  };
  milestones: Partial<Record<MilestoneKind, Step>>;
  /** 到资 schedule and payments: days after the signing and 万元 */
  fundingPlan?: [number, string][];
  fundings?: [number, string, string?][];
  /** this year's figures (万元; jobs at year end) */
  year?: { output: string; tax: string; jobs: number };
}

/**
 * Valid 统一社会信用代码 of 平湖 (330482) companies, check characters worked out (lib/forms/credit-code.ts);
 * made up, so none is a real company's.
 */
export const DEMO_CREDIT_CODES = [
  "91330482MA2CX4K71K",
  "91330482MA2JD81UX9",
  "91330482MA2CY6P35Q",
  "91330482MA2JEH5R9Q",
  "91330482MA2CTQ925B",
] as const;

/** The late project's 开工: planned this many days before today, not started. */
export const LATE_START_DAYS = 40;

const STORIES: Record<Exclude<DemoProjectRole, "late">, Story> = {
  // A Shanghai maker moving its whole production into the valley: fitted out and producing within months.
  fullProduction: {
    name: "精密传动部件生产基地项目",
    companyName: "联创精密机械（平湖）有限公司",
    creditCode: DEMO_CREDIT_CODES[0],
    commitments: {
      totalInvestment: "2100",
      fixedAssetInvestment: "1800",
      annualOutput: "1200",
      annualTax: "60",
      jobs: 55,
      landMu: "3.15",
    },
    milestones: {
      REGISTERED: { plan: 20, done: 15, note: "新公司营业执照已领取，税务登记同步完成。" },
      LAND_HANDOVER: { plan: 30, done: 28, note: "A1栋三层交付，产权过户完成。" },
      CONSTRUCTION_START: { plan: 35, done: 33, note: "装修及设备基础施工进场。" },
      COMPLETION: { plan: 90, done: 85, note: "装修竣工验收通过，消防验收合格。" },
      PRODUCTION: { plan: 120, done: 110, note: "首批设备调试完成，试生产。" },
      FULL_PRODUCTION: { plan: 300, done: 290, note: "三条产线满负荷运行，月产值过百万。" },
    },
    fundingPlan: [
      [30, "1200"],
      [120, "900"],
    ],
    fundings: [
      [28, "1200", "厂房购置款"],
      [118, "900", "设备款"],
    ],
    year: { output: "1280", tax: "66", jobs: 58 },
  },
  // A land project of 31 亩 on the 标准地 fast track: producing, 达产 still ahead.
  inProduction: {
    name: "年产2万吨高性能改性塑料项目",
    companyName: "启航新材料（平湖）有限公司",
    creditCode: DEMO_CREDIT_CODES[1],
    commitments: {
      totalInvestment: "12500",
      fixedAssetInvestment: "10000",
      annualOutput: "9300",
      annualTax: "465",
      jobs: 200,
    },
    milestones: {
      REGISTERED: { plan: 30, done: 26, note: "营业执照已核发。" },
      LAND_HANDOVER: { plan: 45, done: 41, note: "土地出让合同签订，不动产权证已办理。" },
      CONSTRUCTION_START: { plan: 75, done: 73, note: "施工许可证取得，桩基工程开工。" },
      COMPLETION: { plan: 330, done: 335, note: "主体厂房竣工，联合验收通过。" },
      PRODUCTION: { plan: 360, done: 358, note: "一期两条产线投产。" },
      FULL_PRODUCTION: { plan: 720 },
    },
    fundingPlan: [
      [60, "3000"],
      [180, "4000"],
      [365, "3500"],
      [540, "2000"],
    ],
    fundings: [
      [55, "3000", "注册资本金首期"],
      [190, "4000", "厂房建设款"],
      [380, "3000", "设备采购款"],
    ],
    year: { output: "7800", tax: "400", jobs: 160 },
  },
  // Fitting out a bought building; 竣工 and 投产 moved a month by a change to the clean room's design.
  underConstruction: {
    name: "光通信模块研发及生产项目",
    companyName: "博远光电科技（平湖）有限公司",
    creditCode: DEMO_CREDIT_CODES[2],
    commitments: {
      totalInvestment: "2800",
      fixedAssetInvestment: "2200",
      annualOutput: "2800",
      annualTax: "120",
      jobs: 80,
      landMu: "2.1",
    },
    milestones: {
      REGISTERED: { plan: 20, done: 17, note: "营业执照已核发。" },
      LAND_HANDOVER: { plan: 30, done: 30, note: "C11栋一、二层交付。" },
      CONSTRUCTION_START: { plan: 40, done: 44, note: "洁净车间装修开工。" },
      COMPLETION: { plan: 100, replan: { on: 80, to: 130, reason: "洁净车间设计变更（百级改千级），竣工顺延一个月" } },
      PRODUCTION: { plan: 130, replan: { on: 80, to: 160, reason: "随竣工顺延一个月" } },
      FULL_PRODUCTION: { plan: 300 },
    },
    fundingPlan: [
      [30, "1500"],
      [130, "1300"],
    ],
    fundings: [[29, "1500", "厂房购置款"]],
  },
  registered: {
    name: "烘焙食品智能化生产线项目",
    companyName: "天衡食品科技（平湖）有限公司",
    creditCode: DEMO_CREDIT_CODES[3],
    commitments: {
      totalInvestment: "2800",
      fixedAssetInvestment: "2000",
      annualOutput: "2000",
      annualTax: "140",
      jobs: 175,
      landMu: "9.5",
    },
    milestones: {
      REGISTERED: { plan: 20, done: 18, note: "营业执照已核发，食品生产许可申报中。" },
      LAND_HANDOVER: { plan: 60 },
      CONSTRUCTION_START: { plan: 75 },
      COMPLETION: { plan: 150 },
      PRODUCTION: { plan: 180 },
      FULL_PRODUCTION: { plan: 360 },
    },
    fundingPlan: [
      [60, "1200"],
      [180, "1600"],
    ],
  },
  justSigned: {
    name: "智能仓储装备总装项目",
    commitments: {
      totalInvestment: "2300",
      fixedAssetInvestment: "1600",
      annualOutput: "1800",
      annualTax: "90",
      jobs: 70,
      landMu: "2.7",
    },
    milestones: {
      REGISTERED: { plan: 20 },
      LAND_HANDOVER: { plan: 30 },
      CONSTRUCTION_START: { plan: 40 },
      COMPLETION: { plan: 100 },
      PRODUCTION: { plan: 130 },
      FULL_PRODUCTION: { plan: 365 },
    },
    fundingPlan: [
      [30, "1300"],
      [130, "1000"],
    ],
  },
};

/** A land project of 36 亩 whose 开工 waits on its construction permit: the contract's day has passed. */
function lateStory(daysSinceSigning: number): Story {
  return {
    name: "年产5000吨电子级新材料项目",
    companyName: "鼎盛新材料（平湖）有限公司",
    creditCode: DEMO_CREDIT_CODES[4],
    commitments: {
      totalInvestment: "7500",
      fixedAssetInvestment: "6000",
      annualOutput: "5400",
      annualTax: "540",
      jobs: 230,
    },
    milestones: {
      REGISTERED: { plan: 30, done: 21, note: "营业执照已核发。" },
      LAND_HANDOVER: { plan: 40, done: 35, note: "土地交付，不动产权证已办理。" },
      CONSTRUCTION_START: { plan: daysSinceSigning - LATE_START_DAYS },
      COMPLETION: { plan: 450 },
      PRODUCTION: { plan: 540 },
      FULL_PRODUCTION: { plan: 900 },
    },
    fundingPlan: [
      [60, "2000"],
      [240, "3500"],
      [480, "2000"],
    ],
    fundings: [[58, "2000", "注册资本金首期"]],
  };
}

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0);

/** Which signed leads play which part: picked by what they are and when they signed, the same on any day. */
export function pickDemoProjects(leads: Lead[], stages: DemoStages, now: Date): Partial<Record<DemoProjectRole, Lead>> {
  const daysAgo = (lead: Lead) => (now.getTime() - time(lead.signedAt)) / DAY;
  const signed = leads
    .filter((lead) => lead.stageKey === stages.won && lead.signedAt && lead.ownerId)
    .sort((a, b) => time(a.signedAt) - time(b.signedAt));
  const land = signed.filter((lead) => lead.needKind === "LAND");
  const factories = signed.filter((lead) => lead.needKind === "FACTORY");
  const bought = factories.filter((lead) => lead.needDeal === "BUY");
  const taken = new Set<Lead>();
  const first = (candidates: Lead[]) => {
    const lead = candidates.find((candidate) => !taken.has(candidate));
    if (lead) taken.add(lead);
    return lead;
  };
  return {
    fullProduction: first(bought),
    inProduction: first(land.filter((lead) => daysAgo(lead) >= 400)),
    late: first(land.filter((lead) => daysAgo(lead) >= 70 && daysAgo(lead) < 300).reverse()),
    underConstruction: first(bought.filter((lead) => daysAgo(lead) >= 85 && daysAgo(lead) < 150)),
    registered: first(
      factories.filter((lead) => lead.needDeal === "RENT" && daysAgo(lead) >= 30 && daysAgo(lead) < 80),
    ),
    justSigned: first([...factories].reverse().filter((lead) => daysAgo(lead) < 30)),
  };
}

/** A calendar day in Shanghai as a @db.Date value. */
const dateOf = (at: number) => new Date(`${shanghaiDay(new Date(at))}T00:00:00.000Z`);
/** 10:00 in Shanghai on the day `at` falls on. */
const morningOf = (at: number) => new Date(Math.floor((at + SHANGHAI) / DAY) * DAY - SHANGHAI + 10 * 3_600_000);

export function planDemoProjects(input: {
  leads: Lead[];
  projects: DemoProject[];
  stages: DemoStages;
  manager: string;
  now: Date;
}): DemoProjectRows {
  const { now, manager } = input;
  const rows: DemoProjectRows = {
    projects: [],
    milestones: [],
    planChanges: [],
    evidence: [],
    fundingPlans: [],
    fundings: [],
    years: [],
    supervisions: [],
    supervisionEntries: [],
  };
  const projectOf = new Map(input.projects.map((project) => [project.leadId, project.id]));
  const picked = pickDemoProjects(input.leads, input.stages, now);
  const thisYear = Number(shanghaiDay(now).slice(0, 4));

  for (const role of DEMO_PROJECT_ROLES) {
    const lead = picked[role];
    const projectId = lead && projectOf.get(lead.id!);
    if (!lead || !projectId) continue;
    const signedAt = time(lead.signedAt);
    const officer = lead.ownerId!;
    const story = role === "late" ? lateStory(Math.floor((now.getTime() - signedAt) / DAY)) : STORIES[role];
    const after = (days: number) => signedAt + days * DAY;
    const { landMu, ...commitments } = story.commitments;
    rows.projects.push({
      id: projectId,
      data: {
        name: story.name,
        ...(story.companyName ? { companyName: story.companyName } : {}),
        creditCode: story.creditCode ?? null,
        ...commitments,
        ...(landMu ? { landMu } : {}),
      },
    });

    for (const [kind, step] of Object.entries(story.milestones) as [MilestoneKind, Step][]) {
      const firstPlan = dateOf(after(step.plan));
      // The contract's plan, in force from the signing whenever it was typed in.
      rows.planChanges.push({
        id: newId(signedAt),
        projectId,
        kind,
        plannedOn: firstPlan,
        previousOn: null,
        effectiveAt: new Date(signedAt),
        reason: null,
        actorId: officer,
      });
      const replannedAt = step.replan ? morningOf(after(step.replan.on)) : null;
      if (step.replan)
        rows.planChanges.push({
          id: newId(replannedAt!.getTime()),
          projectId,
          kind,
          plannedOn: dateOf(after(step.replan.to)),
          previousOn: firstPlan,
          effectiveAt: replannedAt!,
          reason: step.replan.reason,
          actorId: officer,
        });
      const done = step.done === undefined ? null : morningOf(after(step.done));
      rows.milestones.push({
        projectId,
        kind,
        plannedOn: step.replan ? dateOf(after(step.replan.to)) : firstPlan,
        plannedSince: replannedAt ?? new Date(signedAt),
        actualOn: done ? dateOf(done.getTime()) : null,
        note: step.note ?? null,
        recordedById: done ? officer : null,
        recordedAt: done,
      });
      if (done && step.note)
        rows.evidence.push({
          id: newId(done.getTime()),
          projectId,
          milestoneKind: kind,
          kind: "NOTE",
          note: step.note,
          uploadedById: officer,
          createdAt: done,
        });
    }
    for (const [days, amount] of story.fundingPlan ?? [])
      rows.fundingPlans.push({ id: newId(signedAt), projectId, dueOn: dateOf(after(days)), amount });
    for (const [days, amount, note] of story.fundings ?? [])
      rows.fundings.push({
        id: newId(after(days)),
        projectId,
        paidOn: dateOf(after(days)),
        amount,
        note: note ?? null,
        recordedById: officer,
        createdAt: morningOf(after(days + 1)),
      });
    if (story.year)
      rows.years.push({ id: newId(now.getTime()), projectId, year: thisYear, ...story.year, recordedById: officer });

    if (role === "late") {
      // The manager's 督办 ten days ago, the officer's answer two days later, and the manager's 批示 after it.
      const openedAt = morningOf(now.getTime() - 10 * DAY);
      const answeredAt = new Date(openedAt.getTime() + 2 * DAY + 5 * 3_600_000);
      const instructedAt = new Date(answeredAt.getTime() + DAY + 2 * 3_600_000);
      const supervisionId = newId(openedAt.getTime());
      rows.supervisions.push({
        id: supervisionId,
        projectId,
        title: "开工已逾期：请说明施工许可办理进度，明确开工日期",
        assigneeId: officer,
        openedById: manager,
        dueOn: dateOf(now.getTime() + 5 * DAY),
        status: "ANSWERED",
        answeredAt,
        createdAt: openedAt,
        updatedAt: instructedAt,
        version: 3,
      });
      rows.supervisionEntries.push(
        {
          id: newId(answeredAt.getTime()),
          supervisionId,
          kind: "ANSWER",
          body: "施工许可申报材料已提交，住建局要求补充消防设计审查意见。企业已委托设计院修改，预计两周内补齐，取得许可后即开工。",
          authorId: officer,
          createdAt: answeredAt,
        },
        {
          id: newId(instructedAt.getTime()),
          supervisionId,
          kind: "INSTRUCTION",
          body: "请协调住建、消防部门并联审查，每周报一次进度，务必本月底前开工。",
          authorId: manager,
          createdAt: instructedAt,
        },
      );
    }
  }
  return rows;
}
