import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../../forms/field-errors";
import { moveLeadStageSchema, stageMoveDetailsSchema, stageMoveErrors, stageOutcome } from "./schema";

const details = (input: object) => {
  const parsed = stageMoveDetailsSchema.safeParse(input);
  if (!parsed.success) throw new Error(JSON.stringify(fieldErrorsOf(parsed.error)));
  return parsed.data;
};
const errorsOf = (input: object) => {
  const parsed = moveLeadStageSchema.safeParse({
    leadId: "lead1",
    fromStageKey: "new",
    toStageKey: "signed",
    ...input,
  });
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("stage move input", () => {
  it("keeps amounts as exact decimal strings, from text or numbers", () => {
    expect(details({ signedArea: " 1,200.50 ", signedAnnualTax: 88.125, signedAreaUnit: "SQM" })).toEqual({
      signedArea: "1200.5",
      signedAnnualTax: "88.125",
      signedAreaUnit: "SQM",
    });
    expect(details({ signedArea: "007", lostToPark: "", lostReasonKey: null })).toEqual({ signedArea: "7" });
  });

  it("names what is wrong with an amount, a unit or a key", () => {
    expect(
      errorsOf({ signedArea: "12.345", signedAnnualTax: "0", signedAreaUnit: "ACRE", lostReasonKey: "Price!" }),
    ).toEqual({
      signedArea: "decimals:2",
      signedAnnualTax: "positive",
      signedAreaUnit: "choice",
      lostReasonKey: "invalid",
    });
    expect(errorsOf({ signedArea: "99999999999", signedAnnualTax: "十万" })).toEqual({
      signedArea: "tooBig:10000000",
      signedAnnualTax: "amount",
    });
    expect(errorsOf({ toStageKey: undefined, extra: 1 })).toEqual({ toStageKey: "required", extra: "unknownField" });
  });
});

describe("what a stage asks for", () => {
  it("an open stage asks nothing", () => {
    expect(stageMoveErrors("OPEN", {}, undefined)).toEqual({});
  });

  it("a lost stage asks an active reason, and the park when the reason says so", () => {
    expect(stageMoveErrors("LOST", {}, undefined)).toEqual({ lostReasonKey: "lostReasonRequired" });
    expect(stageMoveErrors("LOST", { lostReasonKey: "retired" }, undefined)).toEqual({
      lostReasonKey: "lostReasonRequired",
    });
    expect(stageMoveErrors("LOST", { lostReasonKey: "price" }, { askPark: false })).toEqual({});
    expect(stageMoveErrors("LOST", { lostReasonKey: "other_park" }, { askPark: true })).toEqual({
      lostToPark: "lostParkRequired",
    });
    expect(stageMoveErrors("LOST", { lostReasonKey: "other_park", lostToPark: "嘉兴" }, { askPark: true })).toEqual({});
  });

  it("a signed stage asks the area with its unit and the annual tax", () => {
    expect(stageMoveErrors("WON", { signedArea: "10" }, undefined)).toEqual({
      signedAreaUnit: "signedAreaRequired",
      signedAnnualTax: "signedTaxRequired",
    });
    expect(
      stageMoveErrors("WON", { signedArea: "10", signedAreaUnit: "MU", signedAnnualTax: "80" }, undefined),
    ).toEqual({});
  });

  it("a move keeps only the figures of the stage it lands in", () => {
    const now = new Date("2026-11-27T02:00:00Z");
    const all = {
      lostReasonKey: "other_park",
      lostToPark: "嘉兴",
      signedArea: "10",
      signedAreaUnit: "MU" as const,
      signedAnnualTax: "80",
    };
    expect(stageOutcome("OPEN", all, undefined, now)).toEqual({
      lostReasonKey: null,
      lostToPark: null,
      signedArea: null,
      signedAreaUnit: null,
      signedAnnualTax: null,
      signedAt: null,
    });
    expect(stageOutcome("LOST", all, { askPark: true }, now)).toMatchObject({
      lostReasonKey: "other_park",
      lostToPark: "嘉兴",
      signedArea: null,
      signedAt: null,
    });
    expect(stageOutcome("LOST", all, { askPark: false }, now)).toMatchObject({ lostToPark: null });
    expect(stageOutcome("WON", all, undefined, now)).toEqual({
      lostReasonKey: null,
      lostToPark: null,
      signedArea: "10",
      signedAreaUnit: "MU",
      signedAnnualTax: "80",
      signedAt: now,
    });
  });
});
