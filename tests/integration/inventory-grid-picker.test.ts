import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "@/lib/auth/access";
import type { Viewer } from "@/lib/auth/session";
import type { Database } from "@/lib/db/client";
import type { OpenedDatabase } from "@/lib/db/open";
import { maskPhone } from "@/lib/leads/mask";
import { pickLeads } from "@/lib/leads/picker/queries";
import { describeOnPostgres, openTestPglite, openTestPostgres } from "../support/databases";
import { makeLead, makeUser } from "../support/door-fixtures";

/*
 * The 租控表's lead picker: the leads an officer may hold units for, found by company, contact or mobile as the
 * inbox finds them, the pool's numbers masked (and never matched digit by digit), closed leads left out.
 */
function pickerSuite(open: () => Promise<{ opened: OpenedDatabase; cleanup: () => Promise<void> }>) {
  let cleanup: () => Promise<void>;
  let db: Database;
  let staff: Viewer;
  let other: Viewer;
  let manager: Viewer;
  let own: Awaited<ReturnType<typeof makeLead>>;
  let pool: Awaited<ReturnType<typeof makeLead>>;
  let others: Awaited<ReturnType<typeof makeLead>>;
  let lost: Awaited<ReturnType<typeof makeLead>>;
  let archived: Awaited<ReturnType<typeof makeLead>>;

  const ids = async (viewer: Viewer, q?: string) => {
    const answer = await pickLeads(db, viewer, q === undefined ? {} : { q });
    if (!answer.ok) throw new Error(JSON.stringify(answer.fieldErrors));
    return answer.leads.map((lead) => lead.id);
  };

  beforeAll(async () => {
    const database = await open();
    cleanup = database.cleanup;
    db = database.opened.db;
    staff = await makeUser(db, "STAFF");
    other = await makeUser(db, "STAFF");
    manager = await makeUser(db, "MANAGER");
    own = await makeLead(db, staff.id);
    pool = await makeLead(db, null);
    others = await makeLead(db, other.id);
    lost = await makeLead(db, staff.id);
    archived = await makeLead(db, staff.id, { archived: true });
    const lostStage = await db.stage.findFirstOrThrow({ where: { category: "LOST" } });
    await db.lead.update({ where: { id: lost.id }, data: { stageKey: lostStage.key } });
  });
  afterAll(async () => cleanup?.());

  it("[STAFF] finds their own and the pool's leads by company, never another officer's, a lost or an archived one", async () => {
    for (const lead of [own, pool]) expect(await ids(staff, lead.company)).toEqual([lead.id]);
    for (const lead of [others, lost, archived]) expect(await ids(staff, lead.company)).toEqual([]);
    expect(await ids(manager, others.company)).toEqual([others.id]);
    expect(await ids(manager, lost.company)).toEqual([]);
  });

  it("[STAFF] sees a pool lead's mobile masked and cannot find it by its digits; their own in full", async () => {
    const answer = await pickLeads(db, staff, { q: pool.company });
    expect(answer).toMatchObject({ ok: true, leads: [{ id: pool.id, phone: maskPhone(pool.phone) }] });
    expect(maskPhone(pool.phone)).not.toBe(pool.phone);
    expect(await ids(staff, pool.phone)).toEqual([]);
    expect(await ids(staff, own.phone)).toEqual([own.id]);
    expect(await pickLeads(db, staff, { q: own.company })).toMatchObject({
      ok: true,
      leads: [{ id: own.id, phone: own.phone, contactName: own.contactName, ownerName: staff.name }],
    });
  });

  it("[STAFF] lists their own open leads before anything is typed", async () => {
    const listed = await ids(staff);
    expect(listed).toContain(own.id);
    expect(listed).not.toContain(pool.id);
    expect(listed).not.toContain(lost.id);
    expect(listed).not.toContain(archived.id);
  });

  it("refuses bad input with its field, and a caller who is not signed in", async () => {
    await expect(pickLeads(db, staff, { q: "x".repeat(101) })).resolves.toEqual({
      ok: false,
      fieldErrors: { q: "tooLong:100" },
    });
    await expect(pickLeads(db, staff, { q: "a", leadId: "x" })).resolves.toMatchObject({ ok: false });
    await expect(pickLeads(db, null, { q: "a" })).rejects.toBeInstanceOf(AccessDenied);
  });
}

describe("the 租控表's lead picker on PGlite", () => pickerSuite(() => openTestPglite()));
describeOnPostgres("the 租控表's lead picker on PostgreSQL", () => pickerSuite(() => openTestPostgres()));
