import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/db/generated/client";
import { openAppDatabase } from "../lib/startup/open-app-database";
import { generateLeads } from "../scripts/generate-leads";
import { freshDatabase, type Captured } from "./support";

const DATABASE = "parklead_bench_workspace";
/** As lib/db/open.ts sets them on the app's connections. */
const CONNECTION_OPTIONS = "-c TimeZone=UTC -c jit=off";
export const LEADS = Number(process.env.BENCH_LEADS ?? 1_000_000);
export const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 5_000_000);

/**
 * The generated workspace (1,000,000 leads, their stage histories and 5,000,000 activities),
 * kept between runs in database parklead_bench_workspace unless BENCH_FRESH=1, with a Prisma
 * client that records the SQL it sends and a bare pg pool to replay it.
 */
export async function openWorkspace(adminUrl: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [DATABASE])).rowCount;
  await admin.end();
  let url: string;
  if (exists && process.env.BENCH_FRESH !== "1") {
    const named = new URL(adminUrl);
    named.pathname = `/${DATABASE}`;
    url = named.toString();
  } else {
    url = await freshDatabase(adminUrl, DATABASE);
  }
  const opened = await openAppDatabase({ kind: "postgres", url, poolSize: 4, seedDemo: true });
  await opened.close();
  await generateLeads(url, LEADS, ACTIVITIES);

  let captured: Captured[] | null = null;
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: 4, options: CONNECTION_OPTIONS }),
    log: [{ emit: "event", level: "query" }],
  });
  db.$on("query", (event) => captured?.push({ query: event.query, params: JSON.parse(event.params) as unknown[] }));
  const bare = new pg.Pool({ connectionString: url, max: 4, options: CONNECTION_OPTIONS });
  return {
    db,
    bare,
    capture: {
      start: () => {
        captured = [];
      },
      stop: () => {
        const statements = captured ?? [];
        captured = null;
        return statements;
      },
    },
    async close() {
      await db.$disconnect();
      await bare.end();
    },
  };
}
