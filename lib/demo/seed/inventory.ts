import type { Prisma } from "../../db/generated/client";
import { newId } from "../../db/ids";
import type { UnitStatus } from "../../inventory/types";
import { leadSearchTokens } from "../../leads/search-tokens";
import { XINDAI_PARK as XINDAI, ZHONGNAN_PARK as VALLEY } from "../../../prisma/demo-inventory";
import type { DemoStages } from "./timeline";

/*
 * Who is in the demo parks' buildings (租控): 中南高科·平湖科创智谷 as the seed page tells it — 13 companies
 * in, 8 of them high-tech, 13,700 of its 43,000 m² still free — one more signed and fitting out, three
 * open projects holding units (one hold expiring tomorrow), and two holds of the past, one that ran out and
 * one ended by the loss of its lead. Pure: it picks the demo leads and dates every step from their own
 * stories, and the seed carries the steps out through lib/inventory/status.ts moveUnits in time order, so
 * every change has its history row.
 */

const DAY = 86_400_000;

/** A unit the seed found vacant in a demo park, keyed "park slug/building/number". */
export interface DemoInventoryUnit {
  id: string;
  key: string;
  areaSqm: number;
  listPrice: string | null;
}

export interface UnitStep {
  unitIds: string[];
  from: UnitStatus[];
  to: UnitStatus;
  leadId: string | null;
  ofLeadId?: string;
  heldUntil?: Date;
  heldById?: string;
  dealPrices?: Map<string, string | null>;
  actorId: string | null;
  at: Date;
}

export interface DemoInventoryRows {
  steps: UnitStep[];
  holds: Prisma.UnitHoldCreateManyInput[];
}

const floors = (building: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${VALLEY}/${building}/${index + 1}01`);
const some = (building: string, numbers: number[]) => numbers.map((floor) => `${VALLEY}/${building}/${floor}01`);

/** The valley's tenancies in the order of signing: the first 13 are in, the last signed and fitting out. */
const VALLEY_TENANCIES: string[][] = [
  floors("A1栋", 3),
  floors("A2栋", 3),
  floors("A4栋", 3),
  some("A5栋", [1, 2]),
  floors("B6栋", 3),
  some("B8栋", [1, 2]),
  floors("B9栋", 3),
  floors("C10栋", 4),
  some("C11栋", [1, 2]),
  some("C13栋", [1, 2, 3]),
  some("D1栋", [1]),
  floors("D3栋", 3),
  some("D4栋", [1]),
  floors("D5栋", 3),
];
export const VALLEY_COMPANIES_IN = 13;
export const VALLEY_HIGH_TECH = 8;
/** The partly let standard factory of 新埭: its second bay. */
const XINDAI_TENANCY = [`${XINDAI}/新埭标准厂房 1号楼/102`];

/** Open projects holding units now: the units, the days the hold has left, and how often it was renewed. */
const HOLDS = [
  { keys: floors("D2栋", 3), daysLeft: 3, renewals: 1 },
  { keys: some("B8栋", [3]), daysLeft: 1, renewals: 0 },
  { keys: some("C13栋", [4]), daysLeft: 5, renewals: 0 },
];
const HOLD_DAYS = 7;
const PAST_HOLDS = [floors("A3栋", 3), floors("C12栋", 4)];

type Lead = Prisma.LeadCreateManyInput;
const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : 0);

export function planDemoInventory(
  leads: Lead[],
  units: DemoInventoryUnit[],
  stages: DemoStages,
  now: Date,
): DemoInventoryRows {
  const rows: DemoInventoryRows = { steps: [], holds: [] };
  const byKey = new Map(units.map((unit) => [unit.key, unit]));
  const found = (keys: string[]) => keys.map((key) => byKey.get(key)).filter((unit) => unit !== undefined);
  const factories = leads.filter((lead) => lead.needKind === "FACTORY" && lead.ownerId);

  // Tenants: signed factory projects, buyers first (the valley sells), each in the order it signed.
  const won = factories
    .filter((lead) => lead.stageKey === stages.won)
    .sort((a, b) => Number(a.needDeal !== "BUY") - Number(b.needDeal !== "BUY") || time(a.signedAt) - time(b.signedAt));
  const valleyTenants = won.slice(0, VALLEY_TENANCIES.length).sort((a, b) => time(a.signedAt) - time(b.signedAt));
  const tenancies: [Lead, string[], boolean][] = valleyTenants.map((lead, index) => [
    lead,
    VALLEY_TENANCIES[index],
    index < VALLEY_COMPANIES_IN,
  ]);
  const xindaiTenant = won.slice(VALLEY_TENANCIES.length).find((lead) => lead.needDeal === "RENT");
  if (xindaiTenant) tenancies.push([xindaiTenant, XINDAI_TENANCY, true]);

  for (const [index, [lead, keys, movedIn]] of tenancies.entries()) {
    const taken = found(keys);
    if (taken.length === 0) continue;
    const signedAt = new Date(lead.signedAt!);
    const unitIds = taken.map((unit) => unit.id);
    const area = taken.reduce((sum, unit) => sum + unit.areaSqm, 0);
    // Agreed a little under the list price.
    const dealPrices = new Map(
      taken.map((unit) => [unit.id, unit.listPrice ? (Number(unit.listPrice) * 0.96).toFixed(2) : null]),
    );
    const actor = lead.ownerId ?? null;
    rows.steps.push({
      unitIds,
      from: ["VACANT"],
      to: "SIGNED",
      leadId: lead.id!,
      dealPrices,
      actorId: actor,
      at: signedAt,
    });
    if (movedIn) {
      // Fitting out takes about six weeks, or half the time since signing when that is shorter.
      const moveIn = Math.min(signedAt.getTime() + 45 * DAY, (signedAt.getTime() + now.getTime()) / 2);
      rows.steps.push({
        unitIds,
        from: ["SIGNED"],
        to: "OCCUPIED",
        leadId: lead.id!,
        ofLeadId: lead.id!,
        actorId: actor,
        at: new Date(Math.floor(moveIn / 60_000) * 60_000),
      });
    }
    lead.signedArea = String(area);
    lead.signedAreaUnit = "SQM";
    if (keys[0].startsWith(`${VALLEY}/`)) {
      const building = keys[0].split("/")[1];
      lead.notes = !movedIn
        ? `已签约科创智谷 ${building}，正在装修，计划下月入驻。`
        : index < VALLEY_HIGH_TECH
          ? `国家高新技术企业；上海总部，生产基地整体迁入科创智谷 ${building}。`
          : `规上企业；上海工厂迁入科创智谷 ${building}。`;
      lead.searchTokens = leadSearchTokens({
        company: lead.company,
        contactName: lead.contactName,
        phone: lead.phone,
        notes: lead.notes,
      });
    }
  }

  // Holds now: open factory projects well under way, the furthest along first.
  const open = factories
    .filter((lead) => stages.open.indexOf(lead.stageKey!) >= 2 && time(lead.createdAt) < now.getTime() - 20 * DAY)
    .sort(
      (a, b) =>
        stages.open.indexOf(b.stageKey!) - stages.open.indexOf(a.stageKey!) || time(a.createdAt) - time(b.createdAt),
    );
  for (const [index, hold] of HOLDS.entries()) {
    const lead = open[index];
    const held = found(hold.keys);
    if (!lead || held.length === 0) continue;
    const expiresAt = new Date(now.getTime() + hold.daysLeft * DAY);
    const heldAt = new Date(expiresAt.getTime() - (hold.renewals + 1) * HOLD_DAYS * DAY);
    holdFor(rows, lead, held, heldAt, expiresAt, hold.renewals);
  }

  // Holds of the past: projects lost later, one hold running out first, one ended by the loss.
  const lost = factories
    .filter((lead) => lead.stageKey === stages.lost && time(lead.stageChangedAt) - time(lead.createdAt) > 20 * DAY)
    .sort((a, b) => time(b.stageChangedAt) - time(a.stageChangedAt));
  for (const [index, keys] of PAST_HOLDS.entries()) {
    const lead = lost[index];
    const held = found(keys);
    if (!lead || held.length === 0) continue;
    const lostAt = new Date(lead.stageChangedAt!);
    const expired = index === 0;
    const heldAt = new Date(lostAt.getTime() - (expired ? 18 : 4) * DAY);
    const expiresAt = new Date(heldAt.getTime() + HOLD_DAYS * DAY);
    const endedAt = expired ? expiresAt : lostAt;
    holdFor(rows, lead, held, heldAt, expiresAt, 0, { endedAt, endReason: expired ? "EXPIRED" : "LEAD_LOST" });
  }
  rows.steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  return rows;
}

function holdFor(
  rows: DemoInventoryRows,
  lead: Lead,
  held: DemoInventoryUnit[],
  heldAt: Date,
  expiresAt: Date,
  renewals: number,
  end?: { endedAt: Date; endReason: "EXPIRED" | "LEAD_LOST" },
) {
  const unitIds = held.map((unit) => unit.id);
  const holder = lead.ownerId!;
  rows.steps.push({
    unitIds,
    from: ["VACANT"],
    to: "HELD",
    leadId: lead.id!,
    heldUntil: expiresAt,
    heldById: holder,
    actorId: holder,
    at: heldAt,
  });
  if (end)
    rows.steps.push({
      unitIds,
      from: ["HELD"],
      to: "VACANT",
      leadId: null,
      ofLeadId: lead.id!,
      // The scheduler ends an expired hold; the officer who closed the lead ends the other.
      actorId: end.endReason === "EXPIRED" ? null : holder,
      at: end.endedAt,
    });
  rows.holds.push(
    ...unitIds.map((unitId) => ({
      id: newId(heldAt.getTime()),
      unitId,
      leadId: lead.id!,
      holderId: holder,
      heldAt,
      expiresAt,
      renewals,
      endedAt: end?.endedAt ?? null,
      endReason: end?.endReason ?? null,
      endedById: end && end.endReason !== "EXPIRED" ? holder : null,
    })),
  );
}
