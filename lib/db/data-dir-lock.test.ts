import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock";

describe("lockDataDir", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "parklead-lock-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("refuses a folder held by another live process, naming it", async () => {
    await writeFile(path.join(dir, "parklead.pid"), String(process.ppid));
    await expect(lockDataDir(dir)).rejects.toThrow(`in use by process ${process.ppid}`);
  });

  it("takes over a folder left by a process that died, and releases it", async () => {
    await writeFile(path.join(dir, "parklead.pid"), "2147483646");
    const unlock = await lockDataDir(dir);
    expect(await readFile(path.join(dir, "parklead.pid"), "utf8")).toBe(String(process.pid));
    await unlock();
    await expect(readFile(path.join(dir, "parklead.pid"), "utf8")).rejects.toThrow(/ENOENT/);
  });
});
