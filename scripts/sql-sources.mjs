#!/usr/bin/env node
/*
 * Writes a migration from prisma/sql, the one source of each SQL function (and of the triggers that
 * run it) the database keeps data with. Edit prisma/sql/<function>.sql, then run
 *
 *   node scripts/sql-sources.mjs [name]      # default name: sql_sources
 *
 * and prisma/migrations/<UTC now>_<name>/migration.sql appears: every file, in dependency order,
 * which replaces each function (CREATE OR REPLACE) and re-creates its triggers (DROP TRIGGER IF
 * EXISTS + CREATE TRIGGER). Applying all of them again changes nothing that was not edited, and the
 * whole text keeps each migration readable on its own. When the newest such migration already holds
 * the files as they are, nothing is written. tests/integration/sql-sources.test.ts proves a migrated
 * database holds exactly these files.
 */
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const sqlDir = path.join(root, "prisma/sql");
export const migrationsDir = path.join(root, "prisma/migrations");

/** The first line of every migration this script writes: how the next change finds the newest one. */
export const HEADER =
  "-- Written by scripts/sql-sources.mjs from prisma/sql: edit those files and run the script, never this file.";

/**
 * The files of prisma/sql, named after the function each defines, ordered so a function comes after
 * every other one its text names: PostgreSQL checks an SQL function's body against the functions that
 * exist when it is created. Ties keep name order, so the output is the same on every machine.
 */
export async function readSources(dir = sqlDir) {
  const names = (await readdir(dir)).filter((file) => file.endsWith(".sql")).sort();
  const sources = await Promise.all(
    names.map(async (file) => ({
      name: file.slice(0, -".sql".length),
      text: await readFile(path.join(dir, file), "utf8"),
    })),
  );
  const byName = new Map(sources.map((source) => [source.name, source]));
  // Comments may name other functions without depending on them.
  const code = (text) => text.replace(/--[^\n]*/g, "");
  const needs = (source) =>
    sources
      .filter((other) => other !== source && new RegExp(`\\b${other.name}\\b`).test(code(source.text)))
      .map((other) => other.name);

  const ordered = [];
  const state = new Map();
  const visit = (name, chain) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") {
      throw new Error(`prisma/sql: functions name each other in a circle: ${[...chain, name].join(" → ")}`);
    }
    state.set(name, "visiting");
    for (const need of needs(byName.get(name))) visit(need, [...chain, name]);
    state.set(name, "done");
    ordered.push(byName.get(name));
  };
  for (const source of sources) visit(source.name, []);
  return ordered;
}

/** The migration's SQL: the header, then each file as it is, under its path. */
export function renderMigration(sources) {
  const parts = sources.map((source) => `-- prisma/sql/${source.name}.sql\n${source.text.replace(/\n*$/, "\n")}`);
  return `${HEADER}\n\n${parts.join("\n")}`;
}

/** The newest migration this script wrote, or null. */
export async function newestSourcesMigration(dir = migrationsDir) {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .reverse();
  for (const name of names) {
    const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8").catch(() => "");
    if (sql.startsWith(HEADER)) return { name, sql };
  }
  return null;
}

/** A migration directory name the way Prisma (and npm run db:migrate:dev) makes one: UTC timestamp, then snake case. */
export function migrationDirectoryName(name, now = new Date()) {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!slug) throw new Error("A migration name needs at least one letter or digit, e.g. sql_sources");
  return `${now.toISOString().replace(/\D/g, "").slice(0, 14)}_${slug}`;
}

/** Writes the migration unless the newest one already holds the files as they are; returns its directory or null. */
export async function writeSourcesMigration({
  name = "sql_sources",
  now = new Date(),
  sql = sqlDir,
  migrations = migrationsDir,
} = {}) {
  const text = renderMigration(await readSources(sql));
  if ((await newestSourcesMigration(migrations))?.sql === text) return null;
  const directory = migrationDirectoryName(name, now);
  await mkdir(path.join(migrations, directory));
  await writeFile(path.join(migrations, directory, "migration.sql"), text);
  return directory;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const directory = await writeSourcesMigration({ name: process.argv[2] ?? "sql_sources" });
  console.log(
    directory
      ? `prisma/migrations/${directory}/migration.sql written; review it, then the next start applies it`
      : "prisma/sql is unchanged since the newest migration written from it: nothing to write",
  );
}
