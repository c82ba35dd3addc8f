import { chmod, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// env() and serverSecret() keep what they read for the life of the process: each case loads them
// afresh, as a new start would.
async function freshSecretModule() {
  vi.resetModules();
  return import("./secret");
}

describe("serverSecret", () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "parklead-secret-"));
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("PARKLEAD_DATA_DIR", dataDir);
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.DATABASE_URL;
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("on the embedded database, generates one secret in the data folder, readable by the owner only, and reads the same one at the next start", async () => {
    const first = (await freshSecretModule()).serverSecret();
    const file = path.join(dataDir, "secret");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(await readFile(file, "utf8")).toBe(first);
    expect((await freshSecretModule()).serverSecret()).toBe(first);
  });

  it("tightens a secret file copied in with looser rights", async () => {
    (await freshSecretModule()).serverSecret();
    const file = path.join(dataDir, "secret");
    await chmod(file, 0o644);
    (await freshSecretModule()).serverSecret();
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it("with PostgreSQL, refuses to go on without NEXTAUTH_SECRET, saying in one line how to make one", async () => {
    vi.stubEnv("DATABASE_URL", "postgresql://parklead@db.invalid/parklead");
    const { serverSecret, SecretMissing } = await freshSecretModule();
    expect(serverSecret).toThrow(SecretMissing);
    expect(serverSecret).toThrow(
      /^NEXTAUTH_SECRET must be set with DATABASE_URL \(make one with: openssl rand -base64 32\)$/,
    );
  });

  it("takes NEXTAUTH_SECRET when set, with either database, and writes no file", async () => {
    const configured = "a-configured-secret-of-enough-length-0123456789";
    vi.stubEnv("NEXTAUTH_SECRET", configured);
    vi.stubEnv("DATABASE_URL", "postgresql://parklead@db.invalid/parklead");
    expect((await freshSecretModule()).serverSecret()).toBe(configured);
    await expect(stat(path.join(dataDir, "secret"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
