import { describe, expect, it } from "vitest";
import { endOfShanghaiDay, planInForce } from "./plan";
import { shanghaiDay } from "../calendar/shanghai-time";

const day = (text: string) => new Date(`${text}T00:00:00.000Z`);

describe("the plan in force", () => {
  const signedAt = new Date("2026-01-10T02:00:00.000Z");
  const replannedAt = new Date("2026-04-10T03:00:00.000Z");
  const history = [
    { plannedOn: day("2026-03-01"), effectiveAt: signedAt },
    { plannedOn: day("2026-06-01"), effectiveAt: replannedAt },
  ];
  const milestone = { plannedOn: day("2026-06-01"), plannedSince: replannedAt };

  it("is the contract's plan until the re-plan, and the new plan from that moment", () => {
    expect(planInForce(milestone, history, endOfShanghaiDay("2026-03-31"))).toEqual(day("2026-03-01"));
    expect(planInForce(milestone, history, new Date(replannedAt.getTime() - 1))).toEqual(day("2026-03-01"));
    expect(planInForce(milestone, history, replannedAt)).toEqual(day("2026-06-01"));
    expect(planInForce(milestone, history, endOfShanghaiDay("2026-12-31"))).toEqual(day("2026-06-01"));
  });

  it("is none before the signing, and none for a milestone never planned", () => {
    expect(planInForce(milestone, history, new Date("2026-01-01T00:00:00.000Z"))).toBeNull();
    expect(planInForce({ plannedOn: null, plannedSince: null }, [], endOfShanghaiDay("2026-12-31"))).toBeNull();
  });

  it("measures a day at its end in Shanghai", () => {
    expect(endOfShanghaiDay("2026-03-31").toISOString()).toBe("2026-03-31T16:00:00.000Z");
    expect(shanghaiDay(new Date("2026-03-31T16:00:00.000Z"))).toBe("2026-04-01");
    expect(shanghaiDay(new Date("2026-03-31T15:59:59.999Z"))).toBe("2026-03-31");
  });
});
