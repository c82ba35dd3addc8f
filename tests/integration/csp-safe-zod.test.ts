import { afterAll, describe, expect, it } from "vitest";

describe("zod in the browser (components/csp-safe-zod.tsx)", () => {
  afterAll(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it("parses without compiling, set before zod itself loads", async () => {
    Object.assign(globalThis, { window: globalThis });
    await import("@/components/csp-safe-zod");
    const { z } = await import("zod");
    expect(z.config().jitless).toBe(true);
    // And the schemas still parse.
    expect(z.object({ name: z.string() }).parse({ name: "周先生" })).toEqual({ name: "周先生" });
  });
});
