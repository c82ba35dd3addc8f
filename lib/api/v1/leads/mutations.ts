import "server-only";
import type { Database } from "../../../db/client";
import { moveLeadStageByKey } from "../../../leads/stage/mutations";
import type { ApiCaller } from "../../keys/scopes";
import { stageMoveBodySchema } from "./schema";
import { fieldErrorsOf, type FieldErrors } from "../../../forms/field-errors";

/** The board's field names back to the API's, for the fields of a refusal. */
export const STAGE_MOVE_FIELDS: Record<string, string> = { toStageKey: "stage", lostReasonKey: "lostReason" };

export type ApiStageMoveResult =
  | { ok: true; leadId: string }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "versionChanged"; version: number };

/** A partner system moves a lead: the body in the API's words, then lib/leads/stage's one path. */
export async function moveLeadStageForApi(
  db: Database,
  caller: ApiCaller,
  leadId: string,
  body: unknown,
  version: number | undefined,
): Promise<ApiStageMoveResult> {
  const parsed = stageMoveBodySchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };
  const { stage, lostReason, ...details } = parsed.data;
  const result = await moveLeadStageByKey(
    db,
    { keyId: caller.keyId, name: caller.name, parkId: caller.parkId },
    { leadId, toStageKey: stage, lostReasonKey: lostReason, version, ...details },
  );
  if (result.ok) return { ok: true, leadId: result.lead.id };
  if ("reason" in result) return result;
  return { ok: false, reason: "invalid", fieldErrors: result.fieldErrors };
}
