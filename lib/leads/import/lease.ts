import "server-only";
import type { Prisma } from "../../db/generated/client";

/*
 * A runner's hold on a job step. The job's claimedUntil is the lease and its own fence: every chunk
 * renews it in the chunk's transaction only if it still holds the value this runner wrote. A runner
 * whose lease passed and was taken over finds another value there, writes nothing and stops.
 */

export interface Claim {
  jobId: string;
  /** the claimedUntil this runner wrote last */
  lease: Date;
  leaseMs: number;
  clock: () => Date;
}

export class LeaseLost extends Error {
  constructor() {
    super("the import job's lease was taken over");
    this.name = "LeaseLost";
  }
}

/** Renews the lease inside the chunk's transaction (locking the job row until it commits), or throws LeaseLost. */
export async function holdLease(tx: Prisma.TransactionClient, claim: Claim): Promise<Date> {
  const renewed = new Date(claim.clock().getTime() + claim.leaseMs);
  const held = await tx.$executeRaw`
    UPDATE "ImportJob" SET "claimedUntil" = ${renewed}
    WHERE "id" = ${claim.jobId} AND "claimedUntil" = ${claim.lease}`;
  if (held === 0) throw new LeaseLost();
  return renewed;
}
