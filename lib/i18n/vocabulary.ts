import type { Messages } from "./messages";

/*
 * Stored code values in the reader's language: a lead's source, a UTM medium, a role, a kind of record,
 * a unit's status and why a hold ended, and delivery's (履约) milestones, project and 督办 states and 亩均 classes.
 * Sources and media are partly free text (a campaign's own utm_source), so an unknown value is shown as
 * it was sent rather than hidden; an empty one is the "direct" word.
 */
type Vocabulary = Messages["vocabulary"];
export type VocabularyKind =
  | "source"
  | "medium"
  | "channel"
  | "role"
  | "entity"
  | "unitStatus"
  | "holdEnd"
  | "milestoneKind"
  | "projectStatus"
  | "evidenceKind"
  | "supervisionStatus"
  | "supervisionEntryKind"
  | "evaluationClass";

export function term(vocabulary: Vocabulary, kind: VocabularyKind, raw: string | null | undefined): string {
  const value = raw?.trim() ?? "";
  const words: Record<string, string> = vocabulary[kind];
  if (value === "") return kind === "source" || kind === "medium" ? vocabulary[kind].direct : "";
  return words[value] ?? words[value.toLowerCase()] ?? value;
}
