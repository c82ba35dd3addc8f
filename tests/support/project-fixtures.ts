import type { Database } from "@/lib/db/client";
import { addMilestones } from "@/lib/projects/lead-projects";
import { makeLead } from "./inventory-fixtures";

/*
 * A signed project for the delivery tests, written straight into the database: a lead, its project owned by
 * `ownerId` and signed at `signedAt`, and the six milestones unplanned (as a signing opens them).
 */
export async function makeProject(
  db: Database,
  {
    ownerId,
    parkId = null,
    signedAt = new Date("2026-01-10T02:00:00.000Z"),
    name = "精工装备项目",
  }: { ownerId: string | null; parkId?: string | null; signedAt?: Date; name?: string },
): Promise<string> {
  const leadId = await makeLead(db, { ownerId, company: name, stageKey: "signed" });
  const project = await db.project.create({
    data: { leadId, parkId, ownerId, name, companyName: name, signedAt },
    select: { id: true },
  });
  await db.$transaction((tx) => addMilestones(tx, [project.id]));
  return project.id;
}
