import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../settings/schema";
import { valleyBuildings, ZHONGNAN_PARK } from "../../../prisma/demo-inventory";
import { VALLEY_COMPANIES_IN } from "./inventory";
import { DEMO_LEADS, planDemoRows, type DemoWorld } from "./plan";

const world = (now: string): DemoWorld => ({
  now: new Date(now),
  staff: ["a", "b", "c", "d"],
  manager: "m",
  listings: [
    { id: "l1", parkId: "p1", kind: "FACTORY" },
    { id: "l2", parkId: "p1", kind: "OFFICE" },
    { id: "l3", parkId: "p2", kind: "LAND" },
  ],
  stages: { open: ["new", "contacted", "site_visit", "screening", "negotiation"], won: "signed", lost: "lost" },
  settings: DEFAULT_SETTINGS,
});

/** The valley's units as the seed finds them, all vacant. */
const units = valleyBuildings.flatMap((building) =>
  building.units.map((unit) => ({
    id: `${building.name}/${unit.number}`,
    key: `${ZHONGNAN_PARK}/${building.name}/${unit.number}`,
    areaSqm: Number(unit.area),
    listPrice: unit.listPrice,
  })),
);

const shape = (now: string) =>
  planDemoRows(world(now)).leads.map((lead) => ({
    company: lead.company,
    stage: lead.stageKey,
    owner: lead.ownerId,
    age: new Date(now).getTime() - new Date(lead.createdAt!).getTime(),
  }));

describe("the demo workspace's plan", () => {
  it("tells the same stories whatever day it is seeded on, dated back from that day", () => {
    const winter = shape("2026-12-07T03:30:00Z");
    const summer = shape("2027-06-18T03:30:00Z");
    expect(winter).toHaveLength(DEMO_LEADS);
    expect(summer).toEqual(winter);
  });

  it("gives every company its own name and every lead its own phone", () => {
    const { leads } = planDemoRows(world("2026-12-07T03:30:00Z"));
    expect(new Set(leads.map((lead) => lead.company)).size).toBe(DEMO_LEADS);
    expect(new Set(leads.map((lead) => lead.phone)).size).toBe(DEMO_LEADS);
    expect(leads.every((lead) => /^1[3-9]\d{9}$/.test(lead.phone))).toBe(true);
  });

  it("dates nothing after the moment it is seeded", () => {
    const now = new Date("2026-12-07T03:30:00Z");
    const rows = planDemoRows({ ...world(now.toISOString()), units });
    const times = [
      ...rows.inventory.steps.map((step) => step.at),
      ...rows.inventory.holds.map((hold) => hold.heldAt),
      ...rows.leads.flatMap((lead) => [lead.createdAt, lead.stageChangedAt, lead.firstRespondedAt, lead.signedAt]),
      ...rows.activities.map((activity) => activity.occurredAt),
      ...rows.stageChanges.map((change) => change.changedAt),
      ...rows.inquiries.map((inquiry) => inquiry.createdAt),
    ].filter((time) => time !== null && time !== undefined);
    expect(times.filter((time) => new Date(time!).getTime() > now.getTime())).toEqual([]);
  });

  it("moves each unit at most once a step, from where the previous step left it, 13 companies in", () => {
    const now = new Date("2026-12-07T03:30:00Z");
    const { steps } = planDemoRows({ ...world(now.toISOString()), units }).inventory;
    const status = new Map(units.map((unit) => [unit.id, "VACANT"]));
    for (const step of steps)
      for (const id of step.unitIds) {
        expect(step.from).toContain(status.get(id));
        status.set(id, step.to);
      }
    const tenants = new Set(steps.filter((step) => step.to === "OCCUPIED").map((step) => step.leadId));
    expect(tenants.size).toBe(VALLEY_COMPANIES_IN);
    const vacant = units.filter((unit) => status.get(unit.id) === "VACANT");
    expect(vacant.reduce((sum, unit) => sum + unit.areaSqm, 0)).toBe(13_700);
  });
});
