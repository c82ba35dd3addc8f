import type { Viewer } from "@/lib/auth/session";
import { shanghaiDay } from "@/lib/calendar/shanghai-time";
import type { Database } from "@/lib/db/client";
import { makeLead, makeUser } from "./inventory-fixtures";

/*
 * 督办 tests' world: officers of every role and signed projects made straight in the database (as a signing
 * leaves them), owned by whom the test says.
 */
export interface SupervisionWorld {
  staff: Viewer;
  otherStaff: Viewer;
  manager: Viewer;
  admin: Viewer;
}

export async function makeSupervisionWorld(db: Database): Promise<SupervisionWorld> {
  return {
    staff: await makeUser(db, "STAFF", "张专员"),
    otherStaff: await makeUser(db, "STAFF", "李专员"),
    manager: await makeUser(db, "MANAGER", "王经理"),
    admin: await makeUser(db, "ADMIN", "赵局长"),
  };
}

let projects = 0;
/** A signed lead's project, owned by `ownerId`; terminated (解约) when asked. */
export async function makeProject(
  db: Database,
  ownerId: string | null,
  { terminated = false, name }: { terminated?: boolean; name?: string } = {},
): Promise<{ id: string; leadId: string; name: string }> {
  projects += 1;
  const company = name ?? `督办测试${process.pid}-${projects}精密有限公司`;
  const leadId = await makeLead(db, { ownerId, company, stageKey: "signed" });
  const project = await db.project.create({
    data: {
      leadId,
      ownerId,
      name: company,
      companyName: company,
      signedAt: new Date(Date.now() - 30 * 86_400_000),
      status: terminated ? "TERMINATED" : "ACTIVE",
      terminatedAt: terminated ? new Date() : null,
    },
  });
  return { id: project.id, leadId, name: company };
}

/** A calendar day `days` from today in Shanghai (negative: before). */
export function dayFromToday(days: number, now = new Date()): string {
  return shanghaiDay(new Date(now.getTime() + days * 86_400_000));
}
