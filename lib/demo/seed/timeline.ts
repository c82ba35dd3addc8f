/*
 * How one demo lead's story runs: when it arrived, whether and when it was answered, and the stages it
 * went through with their dates. Pure and seeded, so the same seed always tells the same 200 stories;
 * every date is a whole minute counted back from `now`, so the stories keep their shape on any day.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
/** About 18 months. */
export const DEMO_SPAN_DAYS = 540;

/** mulberry32: small, fast and good enough to pick demo data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const between = (random: Random, low: number, high: number) => low + random() * (high - low);
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const wholeMinute = (time: number) => Math.floor(time / MINUTE) * MINUTE;

/** The pipeline as configured: open stages in order (the first is where leads arrive), one won, one lost. */
export interface DemoStages {
  open: string[];
  won: string;
  lost: string;
}

export interface Step {
  stageKey: string;
  at: Date;
}

export interface Timeline {
  createdAt: Date;
  pool: boolean;
  respondedAt: Date | null;
  /** every stage entered, the arrival's included, oldest first */
  steps: Step[];
  /** the lead's reason when its last step is the lost stage */
  lostAfter: number;
}

/** When the index-th of `count` leads (oldest first) arrived: more of them lately, the newest within days. */
function arrival(random: Random, index: number, count: number, now: number): number {
  const fromNewest = count - 1 - index;
  const daysAgo = fromNewest < 6 ? fromNewest * 0.45 + 0.05 : DEMO_SPAN_DAYS * (1 - (index + random()) / count) ** 1.25;
  const day = Math.floor((now + SHANGHAI - daysAgo * DAY) / DAY) * DAY - SHANGHAI;
  // Mostly office hours, some evenings and early mornings, as inquiries from a phone come.
  const hour = random() < 0.8 ? between(random, 9, 18) : pick(random, [7.5, 19, 20.5, 22]);
  const at = wholeMinute(day + hour * HOUR);
  // Drawn whether used or not, so the time of day the demo is seeded at changes no other draw.
  const earlier = wholeMinute(now - between(random, 20, 120) * MINUTE);
  return at < now - 20 * MINUTE ? at : earlier;
}

/** Minutes to the first answer: a third within the hour, so the speed report has minutes to show. */
function responseMinutes(random: Random): number {
  const r = random();
  if (r < 0.35) return between(random, 3, 50);
  if (r < 0.7) return between(random, 60, 360);
  if (r < 0.9) return between(random, 360, 1800);
  return between(random, 1800, 4300);
}

/** Chance to go on from open stage k to the next, and the days the step takes. */
const ONWARD = [1, 1, 0.6, 0.75, 0.7];
const STEP_DAYS: [number, number][] = [
  [0, 0],
  [0, 0],
  [2, 15],
  [4, 20],
  [5, 25],
];

export function timelineOf(random: Random, index: number, count: number, now: Date, stages: DemoStages): Timeline {
  const end = now.getTime();
  const created = arrival(random, index, count, end);
  const age = (end - created) / DAY;
  const pool = random() < 0.1 && age < 120;
  const steps: Step[] = [{ stageKey: stages.open[0], at: new Date(created) }];
  const done = (time: number) => time < end - 5 * MINUTE;
  let responded: number | null = pool || (random() < 0.05 && age < 14) ? null : created;
  if (responded !== null) responded = wholeMinute(created + responseMinutes(random) * MINUTE) + MINUTE;
  if (responded !== null && !done(responded)) responded = null;
  const timeline = { createdAt: new Date(created), pool, respondedAt: responded ? new Date(responded) : null, steps };
  if (responded === null || stages.open.length < 2) return { ...timeline, lostAfter: 0 };

  let last = responded + 3 * MINUTE;
  if (!done(last)) return { ...timeline, lostAfter: 0 };
  steps.push({ stageKey: stages.open[1], at: new Date(last) });
  let k = 1;
  for (;;) {
    const next = k + 1;
    if (next < stages.open.length) {
      if (random() >= ONWARD[Math.min(next, ONWARD.length - 1)]) break;
      // Some projects skip the screening and go straight to negotiation.
      const to = next === 3 && next + 1 < stages.open.length && random() < 0.2 ? next + 1 : next;
      const [low, high] = STEP_DAYS[Math.min(to, STEP_DAYS.length - 1)];
      const at = wholeMinute(last + between(random, low, high) * DAY);
      if (!done(at)) break;
      steps.push({ stageKey: stages.open[to], at: new Date(at) });
      last = at;
      k = to;
      continue;
    }
    // From the last open stage: a signing, or the lead stays open or is lost below.
    const at = wholeMinute(last + between(random, 7, 40) * DAY);
    if (random() < 0.45 && done(at))
      return { ...timeline, steps: [...steps, { stageKey: stages.won, at: new Date(at) }], lostAfter: 0 };
    break;
  }
  // A lead that stopped moving a month ago was mostly lost; a live one sometimes.
  const idle = (end - last) / DAY;
  if (random() < (idle > 30 ? 0.75 : 0.15)) {
    const at = wholeMinute(last + between(random, 3, Math.min(30, Math.max(idle - 1, 3))) * DAY);
    if (done(at)) return { ...timeline, steps: [...steps, { stageKey: stages.lost, at: new Date(at) }], lostAfter: k };
  }
  return { ...timeline, lostAfter: 0 };
}

/** A lead's completed stays, as trigger Lead_facts keeps them: each stage left and its seconds. */
export function staysOf(steps: Step[]): { keys: string[]; seconds: number[] } {
  const left = steps.slice(0, -1);
  return {
    keys: left.map((step) => step.stageKey),
    seconds: left.map((step, index) =>
      Math.max(Math.round((steps[index + 1].at.getTime() - step.at.getTime()) / 1000), 0),
    ),
  };
}
