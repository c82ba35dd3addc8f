import "server-only";
import type { Database } from "../../db/client";
import { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import { recordAudit } from "../../audit/record";
import { dayResponseDeadline } from "../../calendar/response-deadline";
import { shanghaiDay } from "../../calendar/shanghai-time";
import { addWorkingHours } from "../../calendar/working-hours";
import { applyUnitRows, type UnitPendingRow } from "../../inventory/import";
import { readSettings } from "../../settings/queries";
import type { Settings } from "../../settings/schema";
import { companyKey } from "../company-key";
import { scoreLead } from "../score/score";
import { leadSearchTokens } from "../search-tokens";
import { holdLease, type Claim } from "./lease";
import { fillLead } from "./fill";
import type { ImportedLead } from "./types";

/*
 * The writing step: each chunk of rows in one transaction, so a chunk is written whole or not at
 * all, and a runner taking over carries on from the first row without a result.
 *
 * A row to create whose phone a lead has meanwhile (an inquiry arrived since the preview, or an
 * earlier row of the file) joins that lead when creating was only the proposal; when the admin
 * chose "create" for it explicitly it fails with "phoneTaken" instead, so the admin's choice is
 * never silently turned into another. No outbox event is written: an imported lead is history,
 * not news (the day's digest counts imports instead).
 *
 * A units job's rows are written by lib/inventory/import (applyUnitRows) in the same chunks.
 */

export const APPLY_CHUNK_ROWS = 500;

type Action = "CREATE" | "MERGE" | "SKIP";
interface Pending {
  id: string;
  rowNumber: number;
  values: ImportedLead | null;
  proposal: Action;
  decision: Action | null;
  matchLeadId: string | null;
}
interface Outcome {
  id: string;
  result: "CREATED" | "MERGED" | "SKIPPED" | "FAILED";
  leadId: string | null;
  reason: string | null;
  before: Prisma.InputJsonValue | null;
  /** a units job: the unit the row created or updated */
  unitId?: string | null;
}

/**
 * The lead a row creates. Its dates are the file's; a lead still "new" and created today gets the
 * first-response deadline a fresh inquiry would, any other is history and gets none (no reminder,
 * no overdue flag, outside the response-speed figures).
 */
export function importedLeadRow(values: ImportedLead, settings: Settings, now: Date): Prisma.LeadCreateManyInput {
  const createdAt = values.createdAt ? new Date(values.createdAt) : now;
  const stageKey = values.stageKey ?? "new";
  const fresh = stageKey === "new" && shanghaiDay(createdAt) === shanghaiDay(now);
  const hours = settings.workingHours;
  const notes = [values.notes, values.sourceNote && `来源：${values.sourceNote}`].filter(Boolean).join("\n") || null;
  const need = {
    needDeal: values.needDeal,
    needKind: values.needKind,
    needArea: values.needArea,
    needAreaUnit: values.needAreaUnit,
    use: values.use,
    expectedAnnualTax: values.expectedAnnualTax,
    investment: values.investment,
    annualOutput: values.annualOutput,
    employees: values.employees,
  };
  const score = scoreLead({ ...need, industry: values.industry, creditCode: values.creditCode }, settings.score);
  return {
    id: newId(createdAt.getTime()),
    phone: values.phone,
    company: values.company,
    companyKey: companyKey(values.company),
    contactName: values.contactName,
    wechat: values.wechat,
    email: values.email,
    creditCode: values.creditCode,
    industry: values.industry,
    ...need,
    notes,
    source: "import",
    score: score.total,
    scoreBreakdown: score as unknown as Prisma.InputJsonValue,
    vetoed: score.vetoed,
    parkId: values.parkId,
    listingId: values.listingId,
    stageKey,
    stageChangedAt: createdAt,
    ownerId: values.ownerId,
    assignedAt: values.ownerId ? createdAt : null,
    firstResponseDueAt: fresh ? addWorkingHours(createdAt, hours.firstResponseHours, hours) : null,
    dayResponseDueAt: fresh ? dayResponseDeadline(createdAt, hours) : null,
    lastActivityAt: values.lastActivityAt ? new Date(values.lastActivityAt) : null,
    lostReasonKey: values.lostReasonKey,
    signedAt: values.signedAt ? new Date(values.signedAt) : null,
    signedArea: values.signedArea,
    signedAreaUnit: values.signedAreaUnit,
    signedAnnualTax: values.signedAnnualTax,
    searchTokens: leadSearchTokens({ ...values, notes }),
    lastInquiryAt: createdAt,
    createdAt,
  };
}

/** Writes the next chunk; true when every row has a result (the job is then DONE). */
export async function applyChunk(db: Database, claim: Claim, size = APPLY_CHUNK_ROWS): Promise<boolean> {
  const now = claim.clock();
  let finished = false;
  claim.lease = await db.$transaction(
    async (tx) => {
      const lease = await holdLease(tx, claim);
      const rows = await tx.importRow.findMany({
        where: { jobId: claim.jobId, result: null },
        orderBy: { rowNumber: "asc" },
        take: size,
        select: {
          id: true,
          rowNumber: true,
          values: true,
          proposal: true,
          decision: true,
          matchLeadId: true,
          matchUnitId: true,
        },
      });
      if (rows.length === 0) {
        await finish(tx, claim.jobId, now);
        finished = true;
        return lease;
      }
      const job = await tx.importJob.findUniqueOrThrow({
        where: { id: claim.jobId },
        select: { kind: true, parkId: true, createdById: true },
      });
      const outcomes: Outcome[] =
        job.kind === "UNITS" && job.parkId
          ? (
              await applyUnitRows(
                tx,
                { parkId: job.parkId, actorId: job.createdById },
                rows as unknown as UnitPendingRow[],
                now,
              )
            ).map((outcome) => ({ ...outcome, leadId: null }))
          : await writeRows(tx, claim.jobId, rows as unknown as Pending[], now);
      await saveOutcomes(tx, outcomes);
      const count = (result: Outcome["result"]) => outcomes.filter((outcome) => outcome.result === result).length;
      await tx.importJob.update({
        where: { id: claim.jobId },
        data: {
          processedRows: { increment: rows.length },
          created: { increment: count("CREATED") },
          merged: { increment: count("MERGED") },
          skipped: { increment: count("SKIPPED") },
          failed: { increment: count("FAILED") },
        },
      });
      return lease;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return finished;
}

async function writeRows(tx: Prisma.TransactionClient, jobId: string, rows: Pending[], now: Date) {
  const outcomes: Outcome[] = [];
  const settings = await readSettings(tx);
  const creating = rows.filter((row) => (row.decision ?? row.proposal) === "CREATE" && row.values);
  const holders = await tx.lead.findMany({
    where: { phone: { in: creating.map((row) => row.values!.phone) } },
    select: { id: true, phone: true },
  });
  const phoneHolder = new Map(holders.map((lead) => [lead.phone, lead.id]));
  const leads: Prisma.LeadCreateManyInput[] = [];
  const merges: { row: Pending; leadId: string }[] = [];
  for (const row of rows) {
    const action = row.decision ?? row.proposal;
    if (action === "SKIP" || !row.values) {
      outcomes.push({ id: row.id, result: "SKIPPED", leadId: null, reason: null, before: null });
    } else if (action === "MERGE") {
      if (row.matchLeadId) merges.push({ row, leadId: row.matchLeadId });
      else outcomes.push({ id: row.id, result: "FAILED", leadId: null, reason: "leadGone", before: null });
    } else {
      const holder = phoneHolder.get(row.values.phone);
      if (holder && row.decision === null) merges.push({ row, leadId: holder });
      else if (holder)
        outcomes.push({ id: row.id, result: "FAILED", leadId: null, reason: "phoneTaken", before: null });
      else {
        const lead = importedLeadRow(row.values, settings, now);
        leads.push(lead);
        phoneHolder.set(lead.phone, lead.id!);
        outcomes.push({ id: row.id, result: "CREATED", leadId: lead.id!, reason: null, before: null });
      }
    }
  }
  if (leads.length) {
    await tx.lead.createMany({ data: leads });
    await tx.stageChange.createMany({
      data: leads.map((lead) => ({
        leadId: lead.id!,
        fromKey: null,
        toKey: lead.stageKey!,
        changedAt: lead.createdAt!,
        lostReasonKey: lead.lostReasonKey ?? null,
      })),
    });
  }
  const job = await tx.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: { fileName: true, createdById: true },
  });
  for (const { row, leadId } of merges) {
    const outcome = await fillLead(tx, {
      leadId,
      values: row.values!,
      rowNumber: row.rowNumber,
      fileName: job.fileName,
      actorId: job.createdById,
    });
    outcomes.push({ id: row.id, ...outcome, before: outcome.before as Prisma.InputJsonValue | null });
  }
  return outcomes;
}

async function saveOutcomes(tx: Prisma.TransactionClient, outcomes: Outcome[]) {
  await tx.$executeRaw`
    UPDATE "ImportRow" AS r SET "result" = u."result"::"ImportRowResult", "leadId" = u."leadId",
      "reason" = u."reason", "before" = u."before"::jsonb, "unitId" = u."unitId"
    FROM unnest(
      ${outcomes.map((outcome) => outcome.id)}::text[],
      ${outcomes.map((outcome) => outcome.result)}::text[],
      ${outcomes.map((outcome) => outcome.leadId)}::text[],
      ${outcomes.map((outcome) => outcome.reason)}::text[],
      ${outcomes.map((outcome) => (outcome.before === null ? null : JSON.stringify(outcome.before)))}::text[],
      ${outcomes.map((outcome) => outcome.unitId ?? null)}::text[]
    ) AS u("id", "result", "leadId", "reason", "before", "unitId")
    WHERE r."id" = u."id"`;
}

/** The end of the writing: counts final, the file dropped unless the admin asked to keep it, audited. */
async function finish(tx: Prisma.TransactionClient, jobId: string, now: Date) {
  const job = await tx.importJob.findUniqueOrThrow({
    where: { id: jobId },
    select: {
      fileName: true,
      keepFile: true,
      createdById: true,
      created: true,
      merged: true,
      skipped: true,
      failed: true,
      kind: true,
      parkId: true,
    },
  });
  await tx.importJob.update({
    where: { id: jobId },
    data: {
      status: "DONE",
      finishedAt: now,
      claimedUntil: null,
      attempts: 0,
      ...(job.keepFile ? {} : { file: null }),
    },
  });
  const { fileName, created, merged, skipped, failed } = job;
  await recordAudit(tx, {
    actorId: job.createdById,
    action: "import.run",
    entityType: "ImportJob",
    entityId: jobId,
    details: {
      fileName,
      created,
      merged,
      skipped,
      failed,
      ...(job.kind === "UNITS" ? { kind: job.kind, parkId: job.parkId } : {}),
    },
  });
}
