import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUse, lockDataDir } from "./data-dir-lock";

describe("lockDataDir", () => {
  let dir: string;
  const lockFile = () => path.join(dir, "parklead.pid");
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "parklead-lock-"));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("waits for a live holder, then refuses the folder, naming the holder", async () => {
    await writeFile(lockFile(), String(process.ppid));
    const started = Date.now();
    const refusal = await lockDataDir(dir, { waitMs: 600, pollMs: 50 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirInUse);
    expect((refusal as Error).message).toContain(`in use by process ${process.ppid}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    expect((await readFile(lockFile(), "utf8")).trim()).toBe(String(process.ppid));
  });

  it("takes the folder once a live holder that is shutting down has gone", async () => {
    const holder = spawn("sleep", ["0.7"], { stdio: "ignore" });
    const exited = new Promise((resolve) => holder.once("exit", resolve));
    await writeFile(lockFile(), String(holder.pid));
    const unlock = await lockDataDir(dir, { waitMs: 5_000, pollMs: 50 });
    await exited;
    expect((await readFile(lockFile(), "utf8")).split(" ")[0]).toBe(String(process.pid));
    await unlock();
  });

  it("takes over a folder left by a process that died, and releases it", async () => {
    await writeFile(lockFile(), "2147483646");
    const unlock = await lockDataDir(dir, { waitMs: 0 });
    expect((await readFile(lockFile(), "utf8")).split(" ")[0]).toBe(String(process.pid));
    await unlock();
    await expect(readFile(lockFile(), "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("takes over a lock whose pid now belongs to another process (reused after kill -9)", async () => {
    // The parent is alive, but it is not the process that wrote this lock: it started at another time.
    await writeFile(lockFile(), `${process.ppid} 1`);
    const unlock = await lockDataDir(dir, { waitMs: 0 });
    expect((await readFile(lockFile(), "utf8")).split(" ")[0]).toBe(String(process.pid));
    await unlock();
  });

  it("takes over a lock naming this very pid (an earlier life of it, as pid 1 in a restarted container)", async () => {
    await writeFile(lockFile(), `${process.pid} 1`);
    const unlock = await lockDataDir(dir, { waitMs: 0 });
    expect(await readFile(lockFile(), "utf8")).toMatch(new RegExp(`^${process.pid}( \\d+)?$`));
    await unlock();
  });

  it("records this process's start time, so a later check can tell it from a reused pid", async () => {
    const unlock = await lockDataDir(dir);
    const [pid, started] = (await readFile(lockFile(), "utf8")).split(" ");
    expect(pid).toBe(String(process.pid));
    if (process.platform === "linux") expect(started).toMatch(/^\d+$/);
    await unlock();
  });
});
