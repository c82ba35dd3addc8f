import "server-only";
import type { Prisma } from "../db/generated/client";

type Tx = Prisma.TransactionClient;
type Json = Prisma.JsonValue;

/*
 * The project side of a PIPL erasure (lib/leads/erase), inside its transaction. The lead's erasure knows the
 * person's values and passes a function that blots them out of a text; this clears what the projects hold of
 * them. Projects sit below the leads, so the values come in as that function and nothing here imports lib/leads.
 */

/** Audit details keys that hold a credit code: dropped, as the lead's own audit details drop them. */
const CREDIT_CODE_KEY = "creditCode";
/** What stands where a project's own credit code was, as the lead's erasure writes for the person's values. */
const REDACTED = "[已删除]";

/** Every string in the details passed through `blot`, credit code keys dropped; null when nothing changed. */
function blotted(details: Json, blot: (text: string) => string): Json | null {
  let changed = false;
  const walk = (node: Json): Json => {
    if (typeof node === "string") {
      const text = blot(node);
      if (text !== node) changed = true;
      return text;
    }
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const kept: Record<string, Json> = {};
    for (const [key, child] of Object.entries(node)) {
      if (key === CREDIT_CODE_KEY) changed = true;
      else kept[key] = walk(child ?? null);
    }
    return kept;
  };
  const result = walk(details);
  return changed ? result : null;
}

/**
 * The projects of the erased person's leads (the lead and its merged-away tombstones): each one's 统一社会信用代码
 * is cleared, and the person's values (and that code) are blotted out of every free text staff wrote on them —
 * milestone notes, evidence notes and file names (the file itself, a business document, stays), 到资 notes,
 * re-plan reasons, the termination reason, 督办 titles and entries — and out of the projects' and their 督办
 * items' audit details. The company, figures, dates and files stay, so delivery's statistics still add up.
 * Returns how many projects were touched.
 */
export async function forgetPersonInProjects(
  tx: Tx,
  leadIds: readonly string[],
  redact: (text: string) => string,
): Promise<number> {
  if (leadIds.length === 0) return 0;
  const projects = await tx.project.findMany({
    where: { leadId: { in: [...leadIds] } },
    select: { id: true, creditCode: true, terminationReason: true },
  });
  if (projects.length === 0) return 0;
  const projectIds = projects.map((project) => project.id);
  const codes = [...new Set(projects.map((project) => project.creditCode).filter((code): code is string => !!code))];
  const blot = (text: string) => codes.reduce((kept, code) => kept.split(code).join(REDACTED), redact(text));
  /** The text with the values blotted out, or null when it held none of them. */
  const changedText = (text: string | null) => {
    const kept = text === null ? null : blot(text);
    return kept === text ? null : kept;
  };

  for (const project of projects) {
    const terminationReason = changedText(project.terminationReason);
    if (project.creditCode !== null || terminationReason !== null)
      await tx.project.update({
        where: { id: project.id },
        data: { creditCode: null, ...(terminationReason !== null ? { terminationReason } : {}) },
      });
  }
  const inProjects = { projectId: { in: projectIds } };
  for (const row of await tx.projectMilestone.findMany({
    where: { ...inProjects, note: { not: null } },
    select: { id: true, note: true },
  })) {
    const note = changedText(row.note);
    if (note !== null) await tx.projectMilestone.update({ where: { id: row.id }, data: { note } });
  }
  for (const row of await tx.milestonePlanChange.findMany({
    where: { ...inProjects, reason: { not: null } },
    select: { id: true, reason: true },
  })) {
    const reason = changedText(row.reason);
    if (reason !== null) await tx.milestonePlanChange.update({ where: { id: row.id }, data: { reason } });
  }
  for (const row of await tx.projectEvidence.findMany({
    where: { ...inProjects, OR: [{ note: { not: null } }, { fileName: { not: null } }] },
    select: { id: true, note: true, fileName: true },
  })) {
    const note = changedText(row.note);
    const fileName = changedText(row.fileName);
    if (note !== null || fileName !== null)
      await tx.projectEvidence.update({
        where: { id: row.id },
        data: { ...(note !== null ? { note } : {}), ...(fileName !== null ? { fileName } : {}) },
      });
  }
  for (const row of await tx.projectFunding.findMany({
    where: { ...inProjects, note: { not: null } },
    select: { id: true, note: true },
  })) {
    const note = changedText(row.note);
    if (note !== null) await tx.projectFunding.update({ where: { id: row.id }, data: { note } });
  }
  const supervisions = await tx.supervision.findMany({ where: inProjects, select: { id: true, title: true } });
  for (const row of supervisions) {
    const title = changedText(row.title);
    if (title !== null) await tx.supervision.update({ where: { id: row.id }, data: { title } });
  }
  const supervisionIds = supervisions.map((row) => row.id);
  for (const row of await tx.supervisionEntry.findMany({
    where: { supervisionId: { in: supervisionIds }, body: { not: null } },
    select: { id: true, body: true },
  })) {
    const body = changedText(row.body);
    if (body !== null) await tx.supervisionEntry.update({ where: { id: row.id }, data: { body } });
  }
  for (const entry of await tx.auditEntry.findMany({
    where: {
      OR: [
        { entityType: "Project", entityId: { in: projectIds } },
        { entityType: "Supervision", entityId: { in: supervisionIds } },
      ],
    },
    select: { id: true, details: true },
  })) {
    const details = entry.details === null ? null : blotted(entry.details, blot);
    if (details !== null)
      await tx.auditEntry.update({ where: { id: entry.id }, data: { details: details as Prisma.InputJsonValue } });
  }
  return projects.length;
}
