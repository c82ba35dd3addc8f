import type { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { companyKey } from "../../leads/company-key";
import { scoreLead } from "../../leads/score/score";
import { leadSearchTokens } from "../../leads/search-tokens";
import { dayResponseDeadline } from "../../calendar/response-deadline";
import { addWorkingHours } from "../../calendar/working-hours";
import { PRIVACY_NOTICE_VERSION } from "../../privacy/notice";
import type { Settings } from "../../settings/schema";
import {
  BRANDS,
  CITIES,
  demoPhone,
  GIVEN_NAMES,
  OTHER_PARKS,
  LOST_EARLY,
  LOST_LATE,
  PROFILES,
  SURNAMES,
} from "./catalogue";
import { between, pick, seededRandom, staysOf, timelineOf, type DemoStages, type Random } from "./timeline";
import { inquiriesOf, storyOf } from "./story";
import { planDemoInventory, type DemoInventoryRows, type DemoInventoryUnit } from "./inventory";

export const DEMO_LEADS = 200;
const SEED = 20_261_206;

export interface DemoWorld {
  now: Date;
  /** demo officers who own leads, then the demo manager (who owns a few) */
  staff: string[];
  manager: string;
  listings: { id: string; parkId: string; kind: string }[];
  stages: DemoStages;
  settings: Pick<Settings, "workingHours" | "score">;
  /** the demo parks' vacant units, for the leads that sign, move in and hold (./inventory.ts) */
  units?: DemoInventoryUnit[];
}

export interface DemoRows {
  leads: Prisma.LeadCreateManyInput[];
  inquiries: Prisma.InquiryCreateManyInput[];
  stageChanges: Prisma.StageChangeCreateManyInput[];
  activities: Prisma.ActivityCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  inventory: DemoInventoryRows;
}

const rounded = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

/** Where the investor came from: a listing page, a WeChat article, a search ad, a fair, a partner's API. */
function sourceOf(random: Random, withListing: boolean) {
  const r = random();
  const wechat = { source: "wechat", medium: "article", referrer: "https://mp.weixin.qq.com/s/pinghu-park" };
  const baidu = { source: "baidu", medium: "cpc", referrer: "https://www.baidu.com/s?wd=平湖厂房出售" };
  if (withListing) return r < 0.6 ? { source: "listing" } : r < 0.82 ? wechat : baidu;
  if (r < 0.3) return { source: "direct" };
  if (r < 0.55) return baidu;
  if (r < 0.75) return wechat;
  if (r < 0.87) return { source: "expo", medium: "offline" };
  if (r < 0.95) return { source: "api" };
  return { source: "referral", medium: "referral" };
}

/** The whole demo workspace's rows, from one seed: the same leads, stages and counts every time. */
export function planDemoRows(world: DemoWorld): DemoRows {
  const rows: DemoRows = {
    leads: [],
    inquiries: [],
    stageChanges: [],
    activities: [],
    tasks: [],
    inventory: { steps: [], holds: [] },
  };
  const { workingHours, score } = world.settings;
  for (let index = 0; index < DEMO_LEADS; index++) {
    // One stream per lead: a story cut short by the seeding moment leaves the others as they were.
    const random = seededRandom(SEED + index * 7919);
    const timeline = timelineOf(random, index, DEMO_LEADS, world.now, world.stages);
    const profile = PROFILES[(7 * (index % BRANDS.length) + Math.floor(index / BRANDS.length)) % PROFILES.length];
    const company = `${CITIES[(index * 3) % CITIES.length]}${BRANDS[index % BRANDS.length]}${profile.suffix}`;
    const contactName = pick(random, SURNAMES) + pick(random, GIVEN_NAMES);
    const phone = demoPhone(index);
    const land = profile.kind === "LAND";
    const needArea = rounded(between(random, ...profile.area), land ? 1 : 50);
    const tax = rounded(between(random, ...profile.tax), 5);
    const need = {
      needDeal: profile.deal,
      needKind: profile.kind,
      needArea: String(needArea),
      needAreaUnit: land ? ("MU" as const) : ("SQM" as const),
      use: pick(random, profile.uses),
      expectedAnnualTax: String(tax),
      investment: String(rounded(tax * profile.investmentPerTax * between(random, 0.7, 1.3), 100)),
      annualOutput: String(rounded(tax * between(random, 8, 15), 100)),
      employees: rounded(land ? needArea * 6 : needArea / 40, 5),
    };
    const fitting = world.listings.filter((listing) => listing.kind === profile.kind);
    const listing = fitting.length && random() < 0.55 ? pick(random, fitting) : null;
    const origin = sourceOf(random, listing !== null);
    const owner = timeline.pool ? null : random() < 0.1 ? world.manager : pick(random, world.staff);
    const last = timeline.steps[timeline.steps.length - 1];
    const lost = last.stageKey === world.stages.lost;
    const won = last.stageKey === world.stages.won;
    const lostReasonKey = lost ? pick(random, timeline.lostAfter <= 1 ? LOST_EARLY : LOST_LATE) : null;
    const breakdown = scoreLead({ ...need, industry: null }, score);
    const stays = staysOf(timeline.steps);
    const reached = timeline.steps.filter((step) => step.stageKey !== world.stages.lost).at(-1)!.stageKey;
    const id = newId(timeline.createdAt.getTime());
    const story = storyOf(random, { id, owner, timeline, stages: world.stages, lostReasonKey, now: world.now });
    const inquiries = inquiriesOf(random, { timeline, now: world.now });
    rows.leads.push({
      id,
      demo: true,
      phone,
      company,
      companyKey: companyKey(company),
      contactName,
      industry: timeline.respondedAt ? profile.industry : null,
      ...need,
      score: breakdown.total,
      scoreBreakdown: breakdown as unknown as Prisma.InputJsonValue,
      vetoed: breakdown.vetoed,
      source: origin.source,
      firstUtmMedium: "medium" in origin ? origin.medium : null,
      firstReferrer: "referrer" in origin ? origin.referrer : null,
      listingId: listing?.id ?? null,
      parkId: listing?.parkId ?? null,
      stageKey: last.stageKey,
      stageChangedAt: last.at,
      reachedStageKey: reached,
      stayStageKeys: stays.keys,
      staySeconds: stays.seconds,
      ownerId: owner,
      assignedAt: owner ? timeline.createdAt : null,
      firstResponseDueAt: addWorkingHours(timeline.createdAt, workingHours.firstResponseHours, workingHours),
      dayResponseDueAt: dayResponseDeadline(timeline.createdAt, workingHours),
      firstRespondedAt: timeline.respondedAt,
      lastActivityAt: story.lastActivityAt,
      nextFollowUpAt: story.nextFollowUpAt,
      lostReasonKey,
      lostToPark: lostReasonKey === "other_park" ? pick(random, OTHER_PARKS) : null,
      signedAt: won ? last.at : null,
      signedArea: won ? String(rounded(needArea * between(random, 0.8, 1), land ? 1 : 50)) : null,
      signedAreaUnit: won ? need.needAreaUnit : null,
      signedAnnualTax: won ? String(rounded(tax * between(random, 0.85, 1.1), 5)) : null,
      searchTokens: leadSearchTokens({ company, contactName, phone }),
      inquiryCount: inquiries.length,
      lastInquiryAt: inquiries.at(-1)!,
      createdAt: timeline.createdAt,
      updatedAt: story.lastActivityAt ?? timeline.createdAt,
    });
    for (const [position, at] of inquiries.entries()) {
      rows.inquiries.push({
        id: newId(at.getTime()),
        reference: `PL-${shanghaiYymmdd(at)}-D${String(index).padStart(3, "0")}${position}`,
        requestHash: "demo",
        leadId: id,
        listingId: position === 0 ? (listing?.id ?? null) : null,
        ...need,
        timeline: pick(random, ["NOW", "WITHIN_3_MONTHS", "WITHIN_6_MONTHS", "WITHIN_12_MONTHS"] as const),
        company,
        contactName,
        phone,
        consentNoticeVersion: PRIVACY_NOTICE_VERSION,
        consentedAt: at,
        channel: origin.source === "api" ? "API" : "FORM",
        locale: "zh-CN",
        sourcePage: position === 0 && listing ? `/listings/${listing.id}` : "/inquire",
        referrer: position === 0 && "referrer" in origin ? origin.referrer : null,
        utmSource: position === 0 && "medium" in origin ? origin.source : null,
        utmMedium: position === 0 && "medium" in origin ? origin.medium : null,
        leadOwnerId: owner,
        leadParkId: listing?.parkId ?? null,
        leadNeedKind: profile.kind,
        leadSource: origin.source,
        createdAt: at,
      });
    }
    rows.stageChanges.push(...story.stageChanges);
    rows.activities.push(...story.activities);
    rows.tasks.push(...story.tasks);
  }
  rows.inventory = planDemoInventory(rows.leads, world.units ?? [], world.stages, world.now);
  return rows;
}

/** The reference's day, as newInquiryReference writes it: PL-YYMMDD in Asia/Shanghai. */
function shanghaiYymmdd(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(2, 10).replace(/-/g, "");
}
