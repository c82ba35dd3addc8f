import pg from "pg";

/** The journeys' own PostgreSQL database (created by scripts/e2e-server.mjs), for checking what the UI stored. */
export async function queryE2eDatabase<T extends pg.QueryResultRow>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

let counter = 0;
/** A mainland mobile no other run of the suite uses. */
export function uniquePhone(): string {
  counter += 1;
  const stamp = String(Date.now() % 10_000_000).padStart(7, "0");
  return `137${stamp.slice(0, 6)}${String(counter).padStart(2, "0")}`;
}
