// `npm start`: builds when the build is missing or older than the sources, then serves the
// production build on PORT (default 3000), with keep-alive timeouts fit for a load balancer. The
// client's address comes from the socket in instrumentation.ts (lib/http/peer-address.ts), the same
// as under plain `next start`.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import next from "next";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// Without NEXTAUTH_URL, next-auth takes the site's address from the Host header of each request
// (the address people use on an intranet is rarely known in advance).
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= "1";

const SOURCES = [
  "app",
  "components",
  "lib",
  "prisma",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
];
// NEXT_DIST_DIR lets parallel checkouts of work (and their test servers) keep separate builds.
const distDir = process.env.NEXT_DIST_DIR || ".next";
const IGNORED = new Set(["node_modules", "generated", ".next", distDir]);

function newestSourceTime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(entry)) {
    if (IGNORED.has(name) || name.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestSourceTime(path.join(entry, name)));
  }
  return newest;
}

const buildId = path.join(root, distDir, "BUILD_ID");
const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (process.env.PARKLEAD_SKIP_BUILD !== "1" && builtAt < Math.max(...SOURCES.map(newestSourceTime))) {
  console.log(JSON.stringify({ event: "build.start", reason: builtAt ? "sources changed" : "no build yet" }));
  const build = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = Number(process.env.PORT || 3000); // PORT= (empty) counts as unset, as everywhere
const hostname = process.env.HOSTNAME || "0.0.0.0";
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => handle(request, response));
// Longer than a load balancer's idle timeout, so it never reuses a connection the app has closed.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(
    JSON.stringify({
      event: "server.listening",
      url: `http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}`,
    }),
  );
});
