// Starts the production server for the PostgreSQL end-to-end journeys on a database of its own,
// created fresh from the superuser TEST_DATABASE_URL (the app then migrates and seeds it).
import { spawn } from "node:child_process";
import pg from "pg";

const target = new URL(process.env.DATABASE_URL);
const name = target.pathname.slice(1);
if (!/^parklead_e2e_\w+$/.test(name)) throw new Error(`refusing to recreate database ${name}`);
const admin = new URL(process.env.TEST_DATABASE_URL);
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.query(`CREATE DATABASE ${name}`);
await client.end();

const server = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: process.env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
