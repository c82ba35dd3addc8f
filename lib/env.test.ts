import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const NAMES = [
  "DATABASE_URL",
  "PARKLEAD_DB_POOL_SIZE",
  "ADMIN_EMAIL",
  "ADMIN_PASSWORD",
  "NEXTAUTH_SECRET",
  "PARKLEAD_TRUSTED_PROXIES",
  "PARKLEAD_SEED_DEMO",
];

/** lib/env.ts caches the parsed environment: each case reads it afresh. */
async function freshEnv() {
  vi.resetModules();
  return import("./env");
}

describe("env", () => {
  let saved: Record<string, string | undefined>;
  beforeEach(() => {
    saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));
  });
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("counts a variable set to the empty string, or to blanks, as unset", async () => {
    Object.assign(process.env, {
      DATABASE_URL: "",
      PARKLEAD_DB_POOL_SIZE: "",
      ADMIN_EMAIL: "",
      ADMIN_PASSWORD: " ",
      NEXTAUTH_SECRET: "",
      PARKLEAD_TRUSTED_PROXIES: "",
      PARKLEAD_SEED_DEMO: "",
    });
    const { env } = await freshEnv();
    const parsed = env();
    expect([
      parsed.DATABASE_URL,
      parsed.ADMIN_EMAIL,
      parsed.ADMIN_PASSWORD,
      parsed.NEXTAUTH_SECRET,
      parsed.PARKLEAD_SEED_DEMO,
    ]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(parsed).toMatchObject({ PARKLEAD_DB_POOL_SIZE: 10, PARKLEAD_TRUSTED_PROXIES: 0 });
  });

  it("refuses a set but unusable value in one line naming every bad variable", async () => {
    Object.assign(process.env, { PARKLEAD_DB_POOL_SIZE: "many", DATABASE_URL: "mysql://db/parklead" });
    const { env, InvalidEnvironment } = await freshEnv();
    const error = (() => {
      try {
        env();
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error).toBeInstanceOf(InvalidEnvironment);
    expect(error?.message).not.toContain("\n");
    expect(error?.message).toMatch(/^invalid environment: .*DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(error?.message).toContain("PARKLEAD_DB_POOL_SIZE: ");
  });

  it("unsets empty variables for code that reads process.env itself", async () => {
    const { unsetEmptyVariables } = await freshEnv();
    const source = { NEXTAUTH_URL: "", PARKLEAD_OPERATOR_NAME: "  ", PORT: "3000" } as Record<
      string,
      string
    > as NodeJS.ProcessEnv;
    unsetEmptyVariables(source);
    expect(source).toEqual({ PORT: "3000" });
  });
});
