import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AccessDenied } from "../auth/access";

/*
 * The one action body: what each part of it promises, with the database and session stubbed so
 * only the wrapper's own order of work is under test (the doors themselves are in permissions.test.ts).
 */

const state = vi.hoisted(() => ({ opened: 0, refreshed: [] as [string, string | undefined][] }));
vi.mock("../db/client", () => ({
  getDb: async () => {
    state.opened += 1;
    return { name: "db" };
  },
}));
vi.mock("../auth/session", () => ({
  getViewer: async () => ({ id: "u1", email: "a@example.cn", name: "王芳", role: "STAFF" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: (path: string, type?: string) => state.refreshed.push([path, type]) }));

const { defineAction } = await import("./define-action");

afterEach(() => {
  state.opened = 0;
  state.refreshed = [];
});

describe("defineAction", () => {
  it("refuses input its schema refuses before opening the database, with the schema's message keys", async () => {
    const action = defineAction({
      schema: z.object({ name: z.string().min(1, "required") }),
      run: async () => ({ ok: true as const }),
      revalidate: ["/crm"],
    });
    await expect(action({ name: "" })).resolves.toEqual({ ok: false, fieldErrors: { name: "required" } });
    expect(state.opened).toBe(0);
    expect(state.refreshed).toEqual([]);
  });

  it("hands the parsed input, the viewer and the database to the work, then refreshes the pages it names", async () => {
    const run = vi.fn(async (input: { name: string }) => ({ ok: true as const, id: `lead-${input.name}` }));
    const action = defineAction({
      schema: z.object({ name: z.string().trim() }),
      run,
      revalidate: (result, input) => ["/crm/leads", `/crm/leads/${result.id}`, { layout: `/listings/${input.name}` }],
    });
    await expect(action({ name: " 7 " })).resolves.toEqual({ ok: true, id: "lead-7" });
    expect(run).toHaveBeenCalledWith(
      { name: "7" },
      { viewer: expect.objectContaining({ id: "u1" }), db: { name: "db" } },
    );
    expect(state.refreshed).toEqual([
      ["/crm/leads", undefined],
      ["/crm/leads/lead-7", undefined],
      ["/listings/7", "layout"],
    ]);
  });

  it("without a schema passes the input on as it came (the lib/ call parses it) and refreshes nothing when it fails", async () => {
    const action = defineAction({
      run: async (input: unknown) => ({ ok: false as const, fieldErrors: { seen: String(input) } }),
      revalidate: ["/crm"],
    });
    await expect(action("raw")).resolves.toEqual({ ok: false, fieldErrors: { seen: "raw" } });
    expect(state.refreshed).toEqual([]);
  });

  it("answers a refusal from lib/ as forbidden, and rethrows what is not a refusal or an outage", async () => {
    const refused = defineAction({
      run: async (): Promise<{ ok: true }> => {
        throw new AccessDenied("reassign leads");
      },
      revalidate: ["/crm"],
    });
    await expect(refused(undefined)).resolves.toEqual({ ok: false, error: "forbidden" });
    const broken = defineAction({
      run: async (): Promise<{ ok: true }> => {
        throw new TypeError("boom");
      },
    });
    await expect(broken(undefined)).rejects.toThrow("boom");
    expect(state.refreshed).toEqual([]);
  });
});
