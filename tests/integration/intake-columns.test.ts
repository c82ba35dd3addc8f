import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { submitInquiry } from "@/lib/inquiries/mutations";
import { openTestPglite, type TestDatabase } from "../support/databases";
import { inquiryBody } from "../support/door-fixtures";

/*
 * Intake writes its rows in one hand-written statement (lib/inquiries/store-inquiry.ts and the
 * fragments it composes), so Prisma does not check its column lists. This test does: every column
 * the statement names exists in prisma/schema.prisma, and every column the schema requires without a
 * default is given when a lead and its inquiry are created — so a column added next year fails here,
 * not on an investor's first inquiry.
 */

interface Field {
  name: string;
  required: boolean;
  defaulted: boolean;
}

/** The scalar and enum fields of each model, read from the schema (it maps no names: field = column). */
function schemaColumns(): Map<string, Field[]> {
  const schema = readFileSync(path.resolve(import.meta.dirname, "../../prisma/schema.prisma"), "utf8");
  const blocks = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const models = new Set(blocks.map(([, name]) => name));
  const columns = new Map<string, Field[]>();
  for (const [, model, body] of blocks) {
    const fields: Field[] = [];
    for (const line of body.split("\n")) {
      const match = /^\s+(\w+)\s+(\w+)(\?|\[\])?(.*)$/.exec(line);
      if (!match || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const [, name, type, modifier, rest] = match;
      if (models.has(type)) continue; // a relation, not a column
      fields.push({ name, required: modifier !== "?", defaulted: /@default\(|@updatedAt/.test(rest) });
    }
    columns.set(model, fields);
  }
  return columns;
}

/** Each INSERT's and UPDATE's table and the columns it names. */
function writtenColumns(sql: string): { table: string; verb: "INSERT" | "UPDATE"; columns: string[] }[] {
  const writes: { table: string; verb: "INSERT" | "UPDATE"; columns: string[] }[] = [];
  for (const [, table, list] of sql.matchAll(/INSERT INTO "(\w+)" \(([^)]*)\)/g)) {
    writes.push({ table, verb: "INSERT", columns: [...list.matchAll(/"(\w+)"/g)].map(([, column]) => column) });
  }
  for (const [, table, assignments] of sql.matchAll(/UPDATE "(\w+)"(?: AS \w+)? SET([\s\S]*?)\bWHERE\b/g)) {
    writes.push({
      table,
      verb: "UPDATE",
      columns: [...assignments.matchAll(/"(\w+)" =/g)].map(([, column]) => column),
    });
  }
  // An upsert's update names columns of the table its INSERT writes: the nearest one before it.
  for (const conflict of sql.matchAll(/ON CONFLICT \([^)]*\) DO UPDATE SET ([^\n]*)/g)) {
    const table = [...sql.slice(0, conflict.index).matchAll(/INSERT INTO "(\w+)"/g)].at(-1)?.[1] ?? "?";
    writes.push({
      table,
      verb: "UPDATE",
      columns: [...conflict[1].matchAll(/"(\w+)" =/g)].map(([, column]) => column),
    });
  }
  return writes;
}

/** Every table the intake statement writes, so a new write cannot slip past the checks unread. */
const TABLES_INTAKE_WRITES = ["Activity", "Inquiry", "Lead", "OutboxEvent", "RateLimitCounter", "StageChange", "User"];

describe("the intake statement's column lists against prisma/schema.prisma", () => {
  let database: TestDatabase;
  const statements: string[] = [];

  beforeAll(async () => {
    database = await openTestPglite({ seedDemo: true });
    const db = database.opened.db;
    const queryRaw = db.$queryRaw.bind(db);
    vi.spyOn(db, "$queryRaw").mockImplementation(((strings: TemplateStringsArray, ...values: unknown[]) => {
      const sql = Prisma.sql(strings, ...values).sql;
      if (sql.includes('INSERT INTO "Inquiry"')) statements.push(sql);
      return queryRaw(strings, ...values);
    }) as typeof db.$queryRaw);
    const body = inquiryBody();
    const context = { channel: "API", locale: "zh-CN", source: { page: "api" } } as const;
    // A new lead, then a further inquiry from the same phone: both shapes of the statement.
    expect(await submitInquiry(db, body, context)).toMatchObject({ ok: true });
    expect(await submitInquiry(db, { ...body, use: "第二次咨询：扩产" }, context)).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await database?.cleanup();
  });

  it("captured the new-lead and the further-inquiry statements", () => {
    expect(statements).toHaveLength(2);
    expect(statements[0]).toContain('INSERT INTO "Lead"');
    expect(statements[1]).toContain('UPDATE "Lead" AS l SET');
  });

  it("names only columns the schema declares", () => {
    const columns = schemaColumns();
    const unknown = statements.flatMap((sql) =>
      writtenColumns(sql).flatMap(({ table, columns: named }) => {
        const declared = new Set((columns.get(table) ?? []).map((field) => field.name));
        return named.filter((column) => !declared.has(column)).map((column) => `${table}.${column}`);
      }),
    );
    expect(unknown).toEqual([]);
  });

  it("gives every column the schema requires without a default when it creates rows", () => {
    const columns = schemaColumns();
    const missing = statements.flatMap((sql) =>
      writtenColumns(sql)
        .filter(({ verb }) => verb === "INSERT")
        .flatMap(({ table, columns: named }) =>
          (columns.get(table) ?? [])
            .filter((field) => field.required && !field.defaulted && !named.includes(field.name))
            .map((field) => `${table}.${field.name}`),
        ),
    );
    expect(missing).toEqual([]);
    // The check reads the tables it should: every table intake writes.
    const tables = [...new Set(statements.flatMap((sql) => writtenColumns(sql).map(({ table }) => table)))].sort();
    expect(tables).toEqual(TABLES_INTAKE_WRITES);
  });
});
