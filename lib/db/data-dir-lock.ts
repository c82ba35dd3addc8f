import { readFileSync } from "node:fs";
import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";

/** Raised when another live process holds the data folder: a start that will not heal by itself. */
export class DataDirInUse extends Error {
  override name = "DataDirInUse";
}

export interface LockOptions {
  /**
   * How long to wait for a live holder to let go before refusing: a supervisor restarting the app
   * may start the new process while the old one is still closing PGlite after SIGTERM.
   */
  waitMs?: number;
  pollMs?: number;
}

/**
 * PGlite is a single-process database: two processes writing one folder corrupt it. A pid file
 * makes the second process fail with a clear message instead. The file names the holder by pid
 * and, on Linux, by the time that process started, so a pid reused by an unrelated process after
 * a `kill -9` (common in containers, where pids restart from 1) is not mistaken for the holder.
 */
export async function lockDataDir(
  dataDir: string,
  { waitMs = 5_000, pollMs = 200 }: LockOptions = {},
): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "parklead.pid");
  const me = holderId(process.pid);
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(me);
      await handle.close();
      return () => rm(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const held = (await readFile(lockFile, "utf8").catch(() => "")).trim();
    if (held === "") {
      // Created but not yet written by a process starting this very moment: look again.
      await sleep(Math.min(pollMs, 50));
      continue;
    }
    if (isHeldByLiveProcess(held)) {
      if (Date.now() < deadline) {
        await sleep(pollMs);
        continue;
      }
      const pid = held.split(" ")[0];
      throw new DataDirInUse(
        `the data folder ${dataDir} is in use by process ${pid}; ` +
          "stop it first, or set PARKLEAD_DATA_DIR to another folder",
      );
    }
    await removeStaleLock(lockFile, held);
  }
}

/**
 * Left by a process that died (kill -9, power loss): take it over. Moved aside rather than deleted,
 * and checked, so that of two processes taking over at once neither deletes the other's new lock.
 */
async function removeStaleLock(lockFile: string, stale: string): Promise<void> {
  const aside = `${lockFile}.${process.pid}.stale`;
  try {
    await rename(lockFile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  const moved = (await readFile(aside, "utf8").catch(() => "")).trim();
  if (moved !== stale) {
    // Another process took over first and this moved its fresh lock: put it back.
    await rename(aside, lockFile).catch(() => {});
    return;
  }
  await rm(aside, { force: true });
}

/** "<pid> <start time>" (the start time in clock ticks since boot, from /proc; absent elsewhere). */
function holderId(pid: number): string {
  const started = startTimeOf(pid);
  return started === undefined ? String(pid) : `${pid} ${started}`;
}

function isHeldByLiveProcess(held: string): boolean {
  const [pidText, started] = held.split(" ");
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  // Our own pid in the file can only be a previous life of this pid (we have not written it yet).
  if (pid === process.pid) return false;
  if (!isAlive(pid)) return false;
  if (started === undefined) return true;
  const now = startTimeOf(pid);
  return now === undefined || now === started;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22; the command name (field 2) may hold spaces and parentheses, so count after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
