/*
 * Delivery's (履约) shared words, safe for client components: the milestones in the order a project
 * passes them, and the codes a project, its evidence and its 督办 items carry.
 */
export const MILESTONE_KINDS = [
  "REGISTERED",
  "LAND_HANDOVER",
  "CONSTRUCTION_START",
  "COMPLETION",
  "PRODUCTION",
  "FULL_PRODUCTION",
] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

export const PROJECT_STATUSES = ["ACTIVE", "TERMINATED"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const EVIDENCE_KINDS = ["NOTE", "PHOTO", "DOCUMENT"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const SUPERVISION_STATUSES = ["OPEN", "ANSWERED", "CLOSED"] as const;
export type SupervisionStatus = (typeof SUPERVISION_STATUSES)[number];

export const SUPERVISION_ENTRY_KINDS = ["ANSWER", "INSTRUCTION", "REOPEN", "CLOSE", "ESCALATION"] as const;
export type SupervisionEntryKind = (typeof SUPERVISION_ENTRY_KINDS)[number];

/** 亩均论英雄 classes: A 优先发展, B 提升发展, C 整治提升, D 倒逼转型. */
export const EVALUATION_CLASSES = ["A", "B", "C", "D"] as const;
export type EvaluationClass = (typeof EVALUATION_CLASSES)[number];
