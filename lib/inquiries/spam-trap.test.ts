import { describe, expect, it } from "vitest";
import { judgeSubmission, renderTimeOf, signRenderTime } from "./spam-trap";

const now = 1_800_000_000_000;
const shown = (msAgo: number) => signRenderTime(now - msAgo);
const judge = (signals: Partial<Parameters<typeof judgeSubmission>[0]>) =>
  judgeSubmission({ honeypot: "", renderStamp: shown(60_000), scripted: false, minFillMs: 2_000, now, ...signals });

describe("the inquiry form's spam signals, judged together", () => {
  it("accepts a person whose browser autofilled the form and who pressed submit at once", () => {
    expect(judge({ renderStamp: shown(300), scripted: true })).toBe("accept");
  });

  it("accepts a form that took its time, even with the hidden field filled (autofill may fill it)", () => {
    expect(judge({ honeypot: "https://example.com" })).toBe("accept");
    expect(judge({ honeypot: "https://example.com", scripted: true })).toBe("accept");
  });

  it("refuses a fast post with the hidden field filled, with or without script", () => {
    expect(judge({ renderStamp: shown(300), honeypot: "https://spam.example" })).toBe("reject");
    expect(judge({ renderStamp: shown(300), honeypot: "https://spam.example", scripted: true })).toBe("reject");
  });

  it("holds back a fast post without script (press again), so the no-JavaScript form still works", () => {
    expect(judge({ renderStamp: shown(300) })).toBe("holdBack");
    expect(judge({ renderStamp: shown(2_000) })).toBe("accept");
  });

  it("counts a missing, forged or foreign stamp as too fast", () => {
    expect(judge({ renderStamp: undefined })).toBe("holdBack");
    expect(judge({ renderStamp: String(now - 60_000) })).toBe("holdBack");
    const [time, digest] = shown(60_000).split(".");
    expect(judge({ renderStamp: `${Number(time) - 1}.${digest}` })).toBe("holdBack");
    expect(judge({ renderStamp: `${time}.${"A".repeat(22)}` })).toBe("holdBack");
    expect(judge({ renderStamp: undefined, honeypot: "x" })).toBe("reject");
    expect(renderTimeOf(`${time}.${digest}`)).toBe(now - 60_000);
    expect(renderTimeOf("garbage")).toBeUndefined();
  });

  it("turns the time trap off at 0", () => {
    expect(judge({ renderStamp: undefined, honeypot: "x", minFillMs: 0 })).toBe("accept");
  });
});
