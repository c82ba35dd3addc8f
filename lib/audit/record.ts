import "server-only";
import type { Prisma } from "../db/generated/client";

type Writer = { auditEntry: { create(args: { data: Prisma.AuditEntryUncheckedCreateInput }): Promise<unknown> } };

/** One entry in the audit log; call it inside the same transaction as the change it describes. */
export async function recordAudit(
  db: Writer,
  entry: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    details?: Prisma.InputJsonValue;
  },
): Promise<void> {
  await db.auditEntry.create({ data: entry });
}
