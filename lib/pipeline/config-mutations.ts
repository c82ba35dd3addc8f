import "server-only";
import type { z } from "zod";
import type { Database } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { assertRole } from "../auth/access";
import type { Viewer } from "../auth/session";
import { recordAudit } from "../audit/record";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors";
import { recountReportTallies } from "../reports/tallies/tallies";
import {
  START_STAGE_KEY,
  lostReasonCreateSchema,
  lostReasonOrderSchema,
  lostReasonUpdateSchema,
  stageCreateSchema,
  stageDeleteSchema,
  stageOrderSchema,
  stageRenameSchema,
} from "./config-schema";

/*
 * Admin changes to stages and lost reasons. Each runs under one advisory lock, so two admins
 * cannot, say, each remove one of the last two lost stages at once and leave none.
 */

export type ConfigResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

type Tx = Prisma.TransactionClient;

const CONFIG_LOCK = 72707371;

/** Admin only, validated, one transaction under the configuration lock. */
async function change<S extends z.ZodType>(
  db: Database,
  viewer: Viewer | null,
  what: string,
  input: unknown,
  schema: S,
  work: (data: z.output<S>, tx: Tx, actorId: string) => Promise<ConfigResult>,
): Promise<ConfigResult> {
  assertRole(viewer, ["ADMIN"], what);
  const parsed = schema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CONFIG_LOCK})`;
      return work(parsed.data, tx, viewer.id);
    });
  } catch (error) {
    // A lead moved into a stage while it was being removed: the foreign key refuses the delete.
    if (isForeignKeyViolation(error)) return { ok: false, fieldErrors: { key: "inUse" } };
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}` : String(error);
  return /P2003|23503|foreign key/i.test(text);
}

/** Renumbers positions 1..n in the given order. */
async function renumber(tx: Tx, model: "stage" | "lostReason", keys: string[]): Promise<void> {
  for (const [index, key] of keys.entries()) {
    if (model === "stage") await tx.stage.update({ where: { key }, data: { position: index + 1 } });
    else await tx.lostReason.update({ where: { key }, data: { position: index + 1 } });
  }
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && new Set(a).size === a.length && b.every((key) => a.includes(key));

/** A new stage; an open one goes after the last open stage (before signed and lost), a closed one last. */
export function createStage(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "add stages",
    input,
    stageCreateSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      const stages = await tx.stage.findMany({ orderBy: { position: "asc" }, select: { key: true, category: true } });
      if (stages.some((stage) => stage.key === data.key)) return { ok: false, fieldErrors: { key: "keyTaken" } };
      if (data.category === "WON" && stages.some((stage) => stage.category === "WON"))
        return { ok: false, fieldErrors: { category: "oneWonStage" } };
      await tx.stage.create({ data: { ...data, position: stages.length + 1 } });
      const keys = stages.map((stage) => stage.key);
      const lastOpen = stages.findLastIndex((stage) => stage.category === "OPEN");
      keys.splice(data.category === "OPEN" ? lastOpen + 1 : keys.length, 0, data.key);
      await renumber(tx, "stage", keys);
      await recordAudit(tx, {
        actorId,
        action: "stage.create",
        entityType: "Stage",
        entityId: data.key,
        details: { ...data },
      });
      return { ok: true };
    },
  );
}

export function renameStage(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "rename stages",
    input,
    stageRenameSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      const stage = await tx.stage.findUnique({ where: { key: data.key } });
      if (!stage) return { ok: false, fieldErrors: { key: "notFound" } };
      await tx.stage.update({ where: { key: data.key }, data: { name: data.name, nameEn: data.nameEn } });
      await recordAudit(tx, {
        actorId,
        action: "stage.update",
        entityType: "Stage",
        entityId: data.key,
        details: { name: [stage.name, data.name], nameEn: [stage.nameEn, data.nameEn] },
      });
      return { ok: true };
    },
  );
}

export function reorderStages(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "reorder stages",
    input,
    stageOrderSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      const before = (await tx.stage.findMany({ orderBy: { position: "asc" }, select: { key: true } })).map(
        (stage) => stage.key,
      );
      if (!sameSet(data.keys, before)) return { ok: false, fieldErrors: { keys: "stale" } };
      await renumber(tx, "stage", data.keys);
      // How far each lead got is measured by the stage order, so the reports' tallies follow it.
      await recountReportTallies(tx);
      await recordAudit(tx, {
        actorId,
        action: "stage.update",
        entityType: "Stage",
        entityId: "order",
        details: { order: [before, data.keys] },
      });
      return { ok: true };
    },
  );
}

/** Only an empty stage goes, and never the start stage, the signed stage or the last lost stage. */
export function deleteStage(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "remove stages",
    input,
    stageDeleteSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      const stage = await tx.stage.findUnique({ where: { key: data.key } });
      if (!stage) return { ok: false, fieldErrors: { key: "notFound" } };
      if (stage.key === START_STAGE_KEY) return { ok: false, fieldErrors: { key: "startStage" } };
      if (stage.category === "WON") return { ok: false, fieldErrors: { key: "oneWonStage" } };
      if (stage.category === "LOST" && (await tx.stage.count({ where: { category: "LOST" } })) <= 1)
        return { ok: false, fieldErrors: { key: "lastLostStage" } };
      if (await tx.lead.findFirst({ where: { stageKey: stage.key }, select: { id: true } }))
        return { ok: false, fieldErrors: { key: "inUse" } };
      await tx.stage.delete({ where: { key: stage.key } });
      await recountReportTallies(tx);
      await recordAudit(tx, {
        actorId,
        action: "stage.delete",
        entityType: "Stage",
        entityId: stage.key,
        details: { name: stage.name, nameEn: stage.nameEn, category: stage.category },
      });
      return { ok: true };
    },
  );
}

export function createLostReason(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "add lost reasons",
    input,
    lostReasonCreateSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      if (await tx.lostReason.findUnique({ where: { key: data.key }, select: { key: true } }))
        return { ok: false, fieldErrors: { key: "keyTaken" } };
      const last = await tx.lostReason.aggregate({ _max: { position: true } });
      await tx.lostReason.create({ data: { ...data, position: (last._max.position ?? 0) + 1 } });
      await recordAudit(tx, {
        actorId,
        action: "lostReason.create",
        entityType: "LostReason",
        entityId: data.key,
        details: { ...data },
      });
      return { ok: true };
    },
  );
}

/** Renames, flags or retires a reason; the last active one stays, or no lead could be marked lost. */
export function updateLostReason(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "edit lost reasons",
    input,
    lostReasonUpdateSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      const reason = await tx.lostReason.findUnique({ where: { key: data.key } });
      if (!reason) return { ok: false, fieldErrors: { key: "notFound" } };
      if (reason.active && !data.active && (await tx.lostReason.count({ where: { active: true } })) <= 1)
        return { ok: false, fieldErrors: { active: "lastLostReason" } };
      const { key, ...next } = data;
      await tx.lostReason.update({ where: { key }, data: next });
      const changed = Object.fromEntries(
        (Object.keys(next) as (keyof typeof next)[])
          .filter((field) => reason[field] !== next[field])
          .map((field) => [field, [reason[field], next[field]]]),
      );
      await recordAudit(tx, {
        actorId,
        action: "lostReason.update",
        entityType: "LostReason",
        entityId: key,
        details: changed,
      });
      return { ok: true };
    },
  );
}

export function reorderLostReasons(db: Database, viewer: Viewer | null, input: unknown): Promise<ConfigResult> {
  return change(
    db,
    viewer,
    "reorder lost reasons",
    input,
    lostReasonOrderSchema,
    async (data, tx, actorId): Promise<ConfigResult> => {
      const before = (await tx.lostReason.findMany({ orderBy: { position: "asc" }, select: { key: true } })).map(
        (reason) => reason.key,
      );
      if (!sameSet(data.keys, before)) return { ok: false, fieldErrors: { keys: "stale" } };
      await renumber(tx, "lostReason", data.keys);
      await recordAudit(tx, {
        actorId,
        action: "lostReason.update",
        entityType: "LostReason",
        entityId: "order",
        details: { order: [before, data.keys] },
      });
      return { ok: true };
    },
  );
}
