import { afterEach, describe, expect, it, vi } from "vitest";

/*
 * A server action after a restart while PostgreSQL is down: the database has never opened, so
 * opening it is what fails. The action must answer the form "unavailable" like any other outage,
 * not throw (a thrown action reaches the browser as a bare 500).
 */

const opening = vi.hoisted(() => ({ error: null as Error | null }));
vi.mock("../db/client", () => ({
  getDb: async () => {
    if (opening.error) throw opening.error;
    throw new Error("not used here");
  },
}));
vi.mock("./session", () => ({
  getViewer: async () => ({ id: "u1", email: "a@example.cn", name: "王芳", role: "STAFF" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

afterEach(() => {
  opening.error = null;
  vi.restoreAllMocks();
});

describe("actions when the database cannot be opened", () => {
  it.each([
    ["57P03", "the database system is starting up"],
    ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432"],
  ])("answer 'unavailable' when opening fails with %s", async (code, message) => {
    vi.spyOn(console, "log").mockImplementation(() => {});
    opening.error = Object.assign(new Error(message), { code });
    const { createTaskAction } = await import("../tasks/actions");
    const { updateLeadAction } = await import("../leads/edit/actions");
    await expect(createTaskAction({ leadId: "l1", title: "回访" })).resolves.toEqual({
      ok: false,
      error: "unavailable",
    });
    await expect(updateLeadAction({ leadId: "l1" })).resolves.toEqual({ ok: false, error: "unavailable" });
  });

  it("still throws what is not an outage (a bug must not read as 'try again')", async () => {
    opening.error = new TypeError("boom");
    const { createTaskAction } = await import("../tasks/actions");
    await expect(createTaskAction({ leadId: "l1", title: "回访" })).rejects.toThrow("boom");
  });
});
