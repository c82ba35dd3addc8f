import "server-only";
import type { Database } from "../db/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { WORKSPACE_ROLES } from "../leads/access";
import { leadFilterWhere, type LeadFilter } from "../leads/filter/filter";
import type { StageCategory } from "../leads/stage/schema";

/** Cards shown per column; the rest are a click away in the inbox, filtered to the stage. */
export const BOARD_CARDS_PER_COLUMN = 50;
/**
 * Columns count their leads up to this many, then show "1000+". Exact counts read every matching
 * lead: at 1,000,000 leads one GROUP BY "stageKey" took ~600 ms and per-column counts ~2.7 s on
 * the (busy, 2-core) dev machine, where the whole board with capped counts stays at p95 ~60 ms for
 * a manager and ~175 ms for staff, whose scope filters out most rows the index walk meets (npm run bench).
 */
export const BOARD_COUNT_CAP = 1000;

export interface BoardCard {
  id: string;
  stageKey: string;
  company: string;
  contactName: string;
  needDeal: "BUY" | "RENT" | null;
  needKind: "FACTORY" | "OFFICE" | "LAND" | null;
  needArea: string | null;
  needAreaUnit: "SQM" | "MU" | null;
  /** 万元 a year */
  expectedAnnualTax: string | null;
  score: number | null;
  owner: { id: string; name: string } | null;
  createdAt: Date;
  ageDays: number;
  /** an open follow-up task is past due */
  overdue: boolean;
  /** no first response within the deadline */
  late: boolean;
}

export interface BoardColumn {
  key: string;
  name: string;
  nameEn: string;
  category: StageCategory;
  count: number;
  /** true when there are more than `count` leads (count stopped at BOARD_COUNT_CAP) */
  countCapped: boolean;
  cards: BoardCard[];
}

const cardSelect = {
  id: true,
  stageKey: true,
  company: true,
  contactName: true,
  needDeal: true,
  needKind: true,
  needArea: true,
  needAreaUnit: true,
  expectedAnnualTax: true,
  score: true,
  ownerId: true,
  createdAt: true,
  nextFollowUpAt: true,
  firstRespondedAt: true,
  firstResponseDueAt: true,
} as const;

/**
 * The pipeline board: one column per stage in the admin's order, each with the newest cards
 * matching the filter inside the viewer's scope. One query per column walks the stage's
 * (stageKey, createdAt, id) index newest first and stops at the limit; only a full column is
 * counted, and only up to the cap.
 */
export async function loadBoard(
  db: Database,
  viewer: Viewer | null,
  filter: LeadFilter,
  options: { now?: Date; perColumn?: number; countCap?: number } = {},
): Promise<{ columns: BoardColumn[] }> {
  assertRole(viewer, WORKSPACE_ROLES, "read the pipeline board");
  const now = options.now ?? new Date();
  const perColumn = options.perColumn ?? BOARD_CARDS_PER_COLUMN;
  const cap = options.countCap ?? BOARD_COUNT_CAP;
  const where = leadFilterWhere(filter, viewer, now);
  const stages = await db.stage.findMany({
    orderBy: { position: "asc" },
    select: { key: true, name: true, nameEn: true, category: true },
  });

  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const loaded = await Promise.all(
    stages.map(async (stage) => {
      // A stage filter leaves the other columns empty (still there to drop cards on).
      if (filter.stage && filter.stage !== stage.key) return { stage, rows: [], count: 0 };
      const inStage = { AND: [where, { stageKey: stage.key }] };
      const rows = await db.lead.findMany({ where: inStage, orderBy: order, take: perColumn, select: cardSelect });
      // Ordered like the cards, so the capped count walks the same index instead of the primary key.
      const count =
        rows.length < perColumn ? rows.length : await db.lead.count({ where: inStage, orderBy: order, take: cap + 1 });
      return { stage, rows, count };
    }),
  );
  const ownerIds = [
    ...new Set(loaded.flatMap(({ rows }) => rows.flatMap((row) => (row.ownerId ? [row.ownerId] : [])))),
  ];
  const owners = new Map(
    (await db.user.findMany({ where: { id: { in: ownerIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user,
    ]),
  );
  const columns = loaded.map(({ stage, rows, count }): BoardColumn => ({
    ...stage,
    count: Math.min(count, cap),
    countCapped: count > cap,
    cards: rows.map(
      ({ nextFollowUpAt, firstRespondedAt, firstResponseDueAt, needArea, expectedAnnualTax, ownerId, ...lead }) => ({
        ...lead,
        owner: ownerId ? (owners.get(ownerId) ?? null) : null,
        needArea: needArea?.toString() ?? null,
        expectedAnnualTax: expectedAnnualTax?.toString() ?? null,
        ageDays: Math.max(0, Math.floor((now.getTime() - lead.createdAt.getTime()) / 86_400_000)),
        overdue: nextFollowUpAt !== null && nextFollowUpAt < now,
        late: firstRespondedAt === null && firstResponseDueAt !== null && firstResponseDueAt < now,
      }),
    ),
  }));
  return { columns };
}

/** Stages in board order, for pickers (the lead page's stage menu, the inbox's bulk change). */
export async function listStages(db: Database, viewer: Viewer | null) {
  assertRole(viewer, WORKSPACE_ROLES, "read the stages");
  return db.stage.findMany({
    orderBy: { position: "asc" },
    select: { key: true, name: true, nameEn: true, category: true },
  });
}

/** The lost reasons a move to a lost stage may choose from: active ones, in the admin's order. */
export async function activeLostReasons(db: Database, viewer: Viewer | null) {
  assertRole(viewer, WORKSPACE_ROLES, "read the lost reasons");
  return db.lostReason.findMany({
    where: { active: true },
    orderBy: { position: "asc" },
    select: { key: true, name: true, nameEn: true, askPark: true },
  });
}

/** Everything the admin's pipeline settings page edits, retired reasons included. */
export async function pipelineConfig(db: Database, viewer: Viewer | null) {
  assertRole(viewer, ["ADMIN"], "read the pipeline settings");
  const [stages, lostReasons] = await Promise.all([
    db.stage.findMany({ orderBy: { position: "asc" } }),
    db.lostReason.findMany({ orderBy: { position: "asc" } }),
  ]);
  const used = await Promise.all(
    stages.map((stage) => db.lead.findFirst({ where: { stageKey: stage.key }, select: { id: true } })),
  );
  return { stages: stages.map((stage, index) => ({ ...stage, inUse: used[index] !== null })), lostReasons };
}
