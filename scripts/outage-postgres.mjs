// A PostgreSQL server of its own that a fault test or the drill may stop and start at will (the
// shared throwaway server of `npm test` must stay up for everyone else). Unlike that one it keeps
// synchronous_commit on: the drill counts acknowledged inquiries against stored ones across an
// immediate shutdown, and an asynchronous commit may be acknowledged and then lost.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, chmodSync, chownSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

function postgresBin() {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(a) - Number(b)) : [];
  const bin = versions
    .map((version) => path.join(root, version, "bin"))
    .findLast((dir) => existsSync(path.join(dir, "postgres")));
  if (!bin) throw new Error("no PostgreSQL server under /usr/lib/postgresql");
  return bin;
}

/** PostgreSQL refuses to run as root, so as root it runs as the "postgres" system user. */
function asOwner(command, args) {
  return process.getuid?.() === 0 ? run("runuser", ["-u", "postgres", "--", command, ...args]) : run(command, args);
}

/** A free TCP port on loopback, for a server started next. */
export function sparePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a fresh server and returns its superuser URL with stop/start controls.
 * stop("fast") ends sessions with 57P01 admin_shutdown; stop("immediate") is a crash, and the next
 * start runs recovery, answering 57P03 "not yet accepting connections" meanwhile.
 */
export async function startOutagePostgres() {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), "parklead-outage-pg-"));
  chmodSync(dir, 0o755);
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: group } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout), Number(group));
  }
  const port = await sparePort();
  const data = path.join(dir, "data");
  await asOwner(path.join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "--auth=trust",
    "-E",
    "UTF8",
    "--locale=C.UTF-8",
  ]);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c fsync=off -c full_page_writes=off`;
  const pgCtl = (...args) => asOwner(path.join(bin, "pg_ctl"), ["-D", data, ...args]);

  const control = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    /** Waits until the server accepts connections unless `wait` is false (then recovery is still under way). */
    async start({ wait = true } = {}) {
      if (wait) {
        await pgCtl("-l", path.join(dir, "server.log"), "-o", options, "-w", "-t", "60", "start");
        return;
      }
      // pg_ctl without -w still waits for its own child; spawn it detached so the caller goes on at once.
      const args = ["-D", data, "-l", path.join(dir, "server.log"), "-o", options, "-W", "start"];
      const child =
        process.getuid?.() === 0
          ? spawn("runuser", ["-u", "postgres", "--", path.join(bin, "pg_ctl"), ...args], { stdio: "ignore" })
          : spawn(path.join(bin, "pg_ctl"), args, { stdio: "ignore" });
      await new Promise((resolve, reject) => child.once("exit", resolve).once("error", reject));
    },
    async stop(mode = "fast") {
      await pgCtl("-m", mode, "-w", "stop");
    },
    async destroy() {
      await pgCtl("-m", "immediate", "-w", "stop").catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await control.start();
  return control;
}
