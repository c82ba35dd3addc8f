import "server-only";
import { assertRole } from "../../auth/access";
import type { Viewer } from "../../auth/session";
import { recordAudit } from "../../audit/record";
import type { Database } from "../../db/client";
import { fieldErrorsOf, type FieldErrors } from "../../forms/field-errors";
import { closePrivacyRequestSchema } from "./schema";

export type CloseResult = { ok: true } | { ok: false; fieldErrors: FieldErrors };

/**
 * An admin marks an investor's withdrawal of consent as done, after acting on it (nobody contacts or
 * markets to them). An erasure request is closed by carrying out the erasure (lib/leads/erase), so
 * that it cannot be marked done while the data is still there.
 */
export async function closePrivacyRequest(
  db: Database,
  viewer: Viewer | null,
  input: unknown,
  now = new Date(),
): Promise<CloseResult> {
  assertRole(viewer, ["ADMIN"], "close a PIPL request");
  const parsed = closePrivacyRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
  const { requestId } = parsed.data;
  return db.$transaction(async (tx): Promise<CloseResult> => {
    const request = await tx.privacyRequest.findUnique({
      where: { id: requestId },
      select: { kind: true, status: true, leadId: true },
    });
    if (!request) return { ok: false, fieldErrors: { requestId: "notFound" } };
    if (request.kind === "ERASE") return { ok: false, fieldErrors: { requestId: "eraseToClose" } };
    // Only an open request changes: a second admin's click on the same row finds it done.
    const { count } = await tx.privacyRequest.updateMany({
      where: { id: requestId, status: "OPEN" },
      data: { status: "DONE", closedAt: now, closedById: viewer.id },
    });
    if (count === 0) return { ok: false, fieldErrors: { requestId: "requestClosed" } };
    await recordAudit(tx, {
      actorId: viewer.id,
      action: "privacyRequest.close",
      entityType: "PrivacyRequest",
      entityId: requestId,
      details: { kind: request.kind, leadId: request.leadId },
    });
    return { ok: true };
  });
}
