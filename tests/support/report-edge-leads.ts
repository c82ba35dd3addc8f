/*
 * Edge cases beyond the reports' fixture, in a park of their own (P3) so the fixture's figures stay
 * as its header says. Times are Asia/Shanghai (+08:00).
 *
 * X1  created 10-01 07:00 (UTC 09-30 23:00), owner A, FACTORY: new → contacted 10-03 10:00 → lost 10-05 10:00
 *     (no_response) → contacted 10-07 10:00 → negotiation 10-09 10:00 → lost 10-12 10:00 (other_park, 嘉兴科技城, kept
 *     on the lead only). Lost twice in October.
 * X2  created 10-31 23:30 (UTC 15:30 the same day), owner B, FACTORY: new → contacted 11-01 09:00 (current). Needs 15 亩,
 *     tax 90, investment 2500.
 * X3  created 11-01 00:30 (UTC 10-31 16:30: October in UTC, November in Shanghai), owner B, OFFICE: new (current).
 *     Needs 300 m², tax 10, investment 100.
 * X4  created 10-10 10:00, owner A, FACTORY: new (current), archived. Needs 2000 m², tax 999, investment 9999.
 * X5  created 10-15 10:00, owner A, FACTORY: new → contacted 10-16 10:00 → negotiation 10-18 10:00 → contacted 10-20 10:00
 *     (moved back, current). Needs 1000 m², tax 20, investment 300.
 * X6  created 10-20 10:00, owner B, FACTORY: new (current). Needs 600 m², tax 30, investment 400. Survivor of X7.
 * X7  created 09-10 10:00, owner B: new → contacted 09-11 10:00 → site_visit 09-15 10:00; merged into X6 on 10-21, its
 *     history moved to X6 (so X6 reached site visit, in September, before it existed).
 */
import type { Database } from "@/lib/db/client";
import type { ReportFixture } from "./report-fixture";
import { at } from "./report-views";

export interface EdgeLeads {
  park: string;
  leads: Record<"x1" | "x2" | "x3" | "x4" | "x5" | "x6" | "x7", string>;
}

interface EdgeLead {
  key: string;
  owner: string;
  kind: "FACTORY" | "OFFICE";
  area: number;
  unit: "SQM" | "MU";
  tax: number;
  investment: number;
  history: [string, string, string?][];
  lostToPark?: string;
  archived?: boolean;
}

export async function seedEdgeLeads(db: Database, fixture: ReportFixture): Promise<EdgeLeads> {
  const park = await db.park.create({
    data: {
      slug: `p3-edge-${fixture.parks.p1}`,
      name: "报表园区三",
      nameEn: "p3",
      city: "平湖",
      cityEn: "Pinghu",
      address: "",
      addressEn: "",
      description: "",
      descriptionEn: "",
      operatorName: "",
      contactPhone: "0573-00000000",
    },
  });
  let phone = 0;
  async function lead(spec: EdgeLead): Promise<string> {
    const [firstStage, created] = spec.history[0];
    const [, , lostReasonKey] = spec.history[spec.history.length - 1];
    if (firstStage !== "new") throw new Error("an edge lead starts in new");
    phone += 1;
    const row = await db.lead.create({
      data: {
        phone: `1370000${String(phone).padStart(4, "0")}`,
        company: `${spec.key}边界测试有限公司`,
        contactName: `联系人${spec.key}`,
        needDeal: "RENT",
        needKind: spec.kind,
        needArea: spec.area,
        needAreaUnit: spec.unit,
        expectedAnnualTax: spec.tax,
        investment: spec.investment,
        source: "baidu",
        parkId: park.id,
        ownerId: spec.owner,
        stageKey: firstStage,
        stageChangedAt: at(created),
        lostReasonKey: lostReasonKey ?? null,
        lostToPark: spec.lostToPark ?? null,
        archivedAt: spec.archived ? at("2026-10-20 10:00") : null,
        createdAt: at(created),
        lastInquiryAt: at(created),
      },
    });
    let from: string | null = null;
    for (const [to, when, reason] of spec.history) {
      await db.stageChange.create({
        data: { leadId: row.id, fromKey: from, toKey: to, changedAt: at(when), lostReasonKey: reason ?? null },
      });
      if (from !== null)
        await db.lead.update({ where: { id: row.id }, data: { stageKey: to, stageChangedAt: at(when) } });
      from = to;
    }
    return row.id;
  }
  const { a, b } = fixture.users;
  const x1 = await lead({
    key: "X1",
    owner: a,
    kind: "FACTORY",
    area: 5000,
    unit: "SQM",
    tax: 150,
    investment: 4000,
    lostToPark: "嘉兴科技城",
    history: [
      ["new", "2026-10-01 07:00"],
      ["contacted", "2026-10-03 10:00"],
      ["lost", "2026-10-05 10:00", "no_response"],
      ["contacted", "2026-10-07 10:00"],
      ["negotiation", "2026-10-09 10:00"],
      ["lost", "2026-10-12 10:00", "other_park"],
    ],
  });
  const x2 = await lead({
    key: "X2",
    owner: b,
    kind: "FACTORY",
    area: 15,
    unit: "MU",
    tax: 90,
    investment: 2500,
    history: [
      ["new", "2026-10-31 23:30"],
      ["contacted", "2026-11-01 09:00"],
    ],
  });
  const x3 = await lead({
    key: "X3",
    owner: b,
    kind: "OFFICE",
    area: 300,
    unit: "SQM",
    tax: 10,
    investment: 100,
    history: [["new", "2026-11-01 00:30"]],
  });
  const x4 = await lead({
    key: "X4",
    owner: a,
    kind: "FACTORY",
    area: 2000,
    unit: "SQM",
    tax: 999,
    investment: 9999,
    archived: true,
    history: [["new", "2026-10-10 10:00"]],
  });
  const x5 = await lead({
    key: "X5",
    owner: a,
    kind: "FACTORY",
    area: 1000,
    unit: "SQM",
    tax: 20,
    investment: 300,
    history: [
      ["new", "2026-10-15 10:00"],
      ["contacted", "2026-10-16 10:00"],
      ["negotiation", "2026-10-18 10:00"],
      ["contacted", "2026-10-20 10:00"],
    ],
  });
  const x6 = await lead({
    key: "X6",
    owner: b,
    kind: "FACTORY",
    area: 600,
    unit: "SQM",
    tax: 30,
    investment: 400,
    history: [["new", "2026-10-20 10:00"]],
  });
  const x7 = await lead({
    key: "X7",
    owner: b,
    kind: "FACTORY",
    area: 600,
    unit: "SQM",
    tax: 30,
    investment: 400,
    history: [
      ["new", "2026-09-10 10:00"],
      ["contacted", "2026-09-11 10:00"],
      ["site_visit", "2026-09-15 10:00"],
    ],
  });
  // As lib/leads/merge/mutations.ts leaves a merge: the tombstone points at the survivor, which now holds its history.
  await db.lead.update({ where: { id: x7 }, data: { mergedIntoId: x6, archivedAt: at("2026-10-21 10:00") } });
  await db.stageChange.updateMany({ where: { leadId: x7 }, data: { leadId: x6 } });
  return { park: park.id, leads: { x1, x2, x3, x4, x5, x6, x7 } };
}
