/*
 * Fills a migrated PostgreSQL database with a workspace at scale for the benchmarks:
 *   node --import tsx scripts/generate-leads.ts <database url> [leads=1000000] [activities=5000000]
 * Leads, their inquiries, stage histories and activities are made by generate_series inside PostgreSQL (a
 * million rows a minute here, none through Node). Search tokens are built in SQL the way
 * lib/leads/search-tokens.ts builds them, and a sample is checked against it before the run ends.
 * Secondary indexes are dropped during the load and rebuilt after it, as a bulk import would.
 */
import pg from "pg";
import { leadSearchTokens } from "../lib/leads/search-tokens";

export const BENCH_STAFF = 20;
const CHUNK = 100_000;

// Han characters spread over the common block give company and contact names that repeat rarely.
const SQL_FUNCTIONS = `
CREATE OR REPLACE FUNCTION pg_temp.han(n bigint) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT chr(19968 + ((n * 7919) % 6000)::int) $$;
CREATE OR REPLACE FUNCTION pg_temp.han_tokens(s text) RETURNS text[] LANGUAGE sql IMMUTABLE AS
  $$ SELECT array(SELECT substr(s, k, 1) FROM generate_series(1, length(s)) k
                  UNION SELECT substr(s, k, 2) FROM generate_series(1, length(s) - 1) k) $$;
CREATE OR REPLACE FUNCTION pg_temp.digit_tokens(s text) RETURNS text[] LANGUAGE sql IMMUTABLE AS
  $$ SELECT array(SELECT substr(s, 1, k) FROM generate_series(2, least(length(s), 12)) k
                  UNION SELECT substr(s, k, 4) FROM generate_series(1, length(s) - 3) k) $$;
`;

const CITIES = ["苏州", "无锡", "常州", "上海", "杭州", "宁波", "南京", "嘉兴", "湖州", "昆山"];
const TRADES = [
  "精密",
  "智能",
  "新材料",
  "生物",
  "医疗",
  "电子",
  "汽车零部件",
  "光电",
  "环保",
  "机器人",
  "半导体",
  "新能源",
];
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周"];
const STAGES: [string, number][] = [
  ["new", 30],
  ["contacted", 25],
  ["site_visit", 15],
  ["screening", 10],
  ["negotiation", 8],
  ["signed", 5],
  ["lost", 7],
];
const SOURCES = ["direct", "listing", "baidu", "wechat", "api", "expo"];
const PIPELINE = ["new", "contacted", "site_visit", "screening", "negotiation", "signed"];
/** The stages a lead passed to reach its current one, as a SQL array expression over l."stageKey". */
const PATHS_SQL = `CASE l."stageKey" ${PIPELINE.map((key, index) => `WHEN '${key}' THEN ${sqlArray(PIPELINE.slice(0, index + 1))}`).join(" ")} WHEN 'lost' THEN ${sqlArray(["new", "contacted", "lost"])} END`;

function sqlArray(values: string[]): string {
  return `ARRAY[${values.map((value) => `'${value}'`).join(",")}]`;
}

function stageCase(): string {
  let upper = 0;
  const arms = STAGES.map(([key, share]) => {
    upper += share;
    return `WHEN (i * 37) % 100 < ${upper} THEN '${key}'`;
  });
  return `CASE ${arms.join(" ")} END`;
}

export async function generateLeads(
  url: string,
  leads = 1_000_000,
  activities = 5_000_000,
  log = console.log,
): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Lead" WHERE "id" LIKE 'bench%'`);
    if (Number(existing.rows[0].n) >= leads) {
      log(`[generate] ${existing.rows[0].n} bench leads already there`);
      return;
    }
    await client.query(SQL_FUNCTIONS);
    // The report tallies are counted once at the end (report_recount), not row by row as the app's writes do.
    await client.query(`SELECT set_config('parklead.recount', 'on', false)`);
    const started = Date.now();
    await client.query(`
      INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "updatedAt")
      SELECT 'benchuser' || u, 'bench' || u || '@bench.test', '专员' || u, 'x', CASE WHEN u <= ${BENCH_STAFF} THEN 'STAFF' ELSE 'MANAGER' END::"Role", now()
      FROM generate_series(1, ${BENCH_STAFF + 3}) u ON CONFLICT DO NOTHING`);
    const listings = (
      await client.query<{ id: string; parkId: string }>(`SELECT "id", "parkId" FROM "Listing" ORDER BY "id"`)
    ).rows;

    const dropped = await dropSecondaryIndexes(client, ["Lead", "Activity", "StageChange", "Inquiry"]);
    const listingIds = listings.length ? sqlArray(listings.map((row) => row.id)) : "ARRAY[NULL]::text[]";
    const parkIds = listings.length ? sqlArray(listings.map((row) => row.parkId)) : "ARRAY[NULL]::text[]";
    for (let from = 1; from <= leads; from += CHUNK) {
      const to = Math.min(leads, from + CHUNK - 1);
      await client.query(`
        INSERT INTO "Lead" ("id", "phone", "company", "companyKey", "contactName", "industry", "needDeal", "needKind", "needArea", "needAreaUnit",
          "use", "expectedAnnualTax", "investment", "employees", "source", "listingId", "parkId", "stageKey", "stageChangedAt", "ownerId",
          "assignedAt", "firstResponseDueAt", "firstRespondedAt", "lastActivityAt", "nextFollowUpAt", "score", "searchTokens",
          "lostReasonKey", "lastInquiryAt", "createdAt", "updatedAt")
        SELECT id, phone, company, company, contact, trade, need_deal, 'FACTORY', 500 + (i % 20000), 'SQM',
          trade || '产品生产', 10 + (i * 13) % 2000, 1000 + (i * 17) % 50000, 10 + i % 500, source,
          CASE WHEN i % 5 < 3 THEN (${listingIds})[1 + i % ${Math.max(listings.length, 1)}] END,
          CASE WHEN i % 5 < 3 THEN (${parkIds})[1 + i % ${Math.max(listings.length, 1)}] END,
          stage, created + interval '2 days', owner, CASE WHEN owner IS NOT NULL THEN created END,
          created + interval '4 hours', CASE WHEN i % 10 <> 0 THEN created + interval '2 hours' END,
          created + interval '3 days', CASE WHEN i % 5 = 0 THEN now() - interval '10 days' + (i % 20) * interval '1 day' END,
          CASE WHEN i % 4 <> 0 THEN (i * 31) % 101 END,
          pg_temp.han_tokens(company) || pg_temp.han_tokens(contact) || pg_temp.digit_tokens(phone),
          CASE WHEN stage = 'lost' THEN 'price' END, created, created, created
        FROM (
          SELECT i, 'bench' || lpad(i::text, 8, '0') AS id, '13' || lpad(i::text, 9, '0') AS phone,
            (${sqlArray(CITIES)})[1 + i % 10] || (${sqlArray(TRADES)})[1 + (i / 10) % 12] || pg_temp.han(i) || pg_temp.han(i * 3 + 1) || '有限公司' AS company,
            (${sqlArray(SURNAMES)})[1 + (i / 7) % 10] || pg_temp.han(i * 5 + 2) || pg_temp.han(i * 11 + 3) AS contact,
            (${sqlArray(TRADES)})[1 + (i / 10) % 12] AS trade,
            CASE WHEN i % 2 = 0 THEN 'BUY' ELSE 'RENT' END::"NeedDeal" AS need_deal,
            (${sqlArray(SOURCES)})[1 + i % ${SOURCES.length}] AS source,
            ${stageCase()} AS stage,
            CASE WHEN i % 10 = 0 THEN NULL ELSE 'benchuser' || (1 + i % ${BENCH_STAFF}) END AS owner,
            now() - (${leads} - i) * interval '90 seconds' AS created
          FROM generate_series(${from}, ${to}) i
        ) AS g`);
      // Each lead's history walks the default pipeline to its current stage, three days a step;
      // lost leads were lost after being contacted.
      await client.query(`
        INSERT INTO "StageChange" ("id", "leadId", "fromKey", "toKey", "lostReasonKey", "changedAt")
        SELECT 'benchsc' || l."id" || '_' || step.n, l."id", LAG(step.key) OVER (PARTITION BY l."id" ORDER BY step.n), step.key,
          CASE WHEN step.key = 'lost' THEN 'price' END, l."createdAt" + (step.n - 1) * interval '3 days'
        FROM "Lead" l
        CROSS JOIN LATERAL unnest(${PATHS_SQL}) WITH ORDINALITY AS step(key, n)
        WHERE l."id" BETWEEN 'bench' || lpad('${from}', 8, '0') AND 'bench' || lpad('${to}', 8, '0')`);
      await client.query(`
        UPDATE "Lead" SET "stageChangedAt" = "createdAt" + (cardinality(${PATHS_SQL.replaceAll('l."stageKey"', '"stageKey"')}) - 1) * interval '3 days',
          "signedAt" = CASE WHEN "stageKey" = 'signed' THEN "createdAt" + interval '15 days' END,
          "signedAnnualTax" = CASE WHEN "stageKey" = 'signed' THEN "expectedAnnualTax" * 0.9 END,
          "signedArea" = CASE WHEN "stageKey" = 'signed' THEN "needArea" END,
          "signedAreaUnit" = CASE WHEN "stageKey" = 'signed' THEN "needAreaUnit" END,
          "inquiryCount" = CASE WHEN right("id", 1) IN ('0', '5') THEN 2 ELSE 1 END,
          -- how far the history above got: the current stage, or contacted for the lost
          "reachedStageKey" = CASE WHEN "stageKey" = 'lost' THEN 'contacted' ELSE "stageKey" END,
          -- every step but the current one is a completed stay of three days
          "stayStageKeys" = (${PATHS_SQL.replaceAll('l."stageKey"', '"stageKey"')})[1:cardinality(${PATHS_SQL.replaceAll('l."stageKey"', '"stageKey"')}) - 1],
          "staySeconds" = array_fill(3 * 86400, ARRAY[cardinality(${PATHS_SQL.replaceAll('l."stageKey"', '"stageKey"')}) - 1]),
          "dayResponseDueAt" = "createdAt" + interval '1 day',
          "firstUtmMedium" = CASE WHEN "source" = 'baidu' THEN 'cpc' WHEN "source" = 'wechat' THEN 'social' END,
          "firstReferrer" = CASE WHEN "source" = 'baidu' THEN 'https://www.baidu.com/s?wd=厂房' END
        WHERE "id" BETWEEN 'bench' || lpad('${from}', 8, '0') AND 'bench' || lpad('${to}', 8, '0')`);
      // One inquiry per lead when it arrived, and a second one two days later from every fifth lead.
      await client.query(`
        INSERT INTO "Inquiry" ("id", "reference", "requestHash", "leadId", "listingId", "needDeal", "needKind", "needArea", "needAreaUnit",
          "use", "expectedAnnualTax", "company", "contactName", "phone", "consentNoticeVersion", "consentedAt", "channel", "locale",
          "utmSource", "utmMedium", "referrer", "leadOwnerId", "leadParkId", "leadNeedKind", "leadSource", "createdAt")
        SELECT 'benchinq' || l."id" || '_' || n, 'B' || l."id" || '_' || n, 'bench', l."id", l."listingId", l."needDeal", l."needKind",
          l."needArea", l."needAreaUnit", l."use", l."expectedAnnualTax", l."company", l."contactName", l."phone", 'bench',
          l."createdAt" + (n - 1) * interval '2 days', 'FORM', 'zh-CN',
          CASE WHEN l."source" IN ('direct', 'listing', 'api') THEN NULL ELSE l."source" END,
          CASE WHEN l."source" = 'baidu' THEN 'cpc' WHEN l."source" = 'wechat' THEN 'social' END,
          CASE WHEN l."source" = 'baidu' THEN 'https://www.baidu.com/s?wd=厂房' END,
          l."ownerId", l."parkId", l."needKind", l."source", l."createdAt" + (n - 1) * interval '2 days'
        FROM "Lead" l CROSS JOIN generate_series(1, 2) AS n
        WHERE l."id" BETWEEN 'bench' || lpad('${from}', 8, '0') AND 'bench' || lpad('${to}', 8, '0')
          AND (n = 1 OR right(l."id", 1) IN ('0', '5'))`);
      log(
        `[generate] leads ${to.toLocaleString()} / ${leads.toLocaleString()} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
    const kinds = ["NOTE", "CALL", "VISIT", "EMAIL", "STAGE"];
    for (let from = 1; from <= activities; from += CHUNK * 5) {
      const to = Math.min(activities, from + CHUNK * 5 - 1);
      await client.query(`
        INSERT INTO "Activity" ("id", "leadId", "actorId", "kind", "body", "occurredAt", "createdAt")
        SELECT 'benchact' || j, 'bench' || lpad((1 + j % ${leads})::text, 8, '0'), 'benchuser' || (1 + j % ${BENCH_STAFF}),
          (${sqlArray(kinds)})[1 + j % ${kinds.length}]::"ActivityKind", '电话沟通，客户关注价格与交付时间',
          now() - (${activities} - j) * interval '18 seconds', now()
        FROM generate_series(${from}, ${to}) j`);
      log(
        `[generate] activities ${to.toLocaleString()} / ${activities.toLocaleString()} (${Math.round((Date.now() - started) / 1000)} s)`,
      );
    }
    for (const definition of dropped) await client.query(definition);
    await client.query(`VACUUM ANALYZE "Lead"`);
    await client.query(`VACUUM ANALYZE "Activity"`);
    await client.query(`VACUUM ANALYZE "StageChange"`);
    const counting = Date.now();
    await client.query(`SELECT report_tally_rebuild()`);
    const tallies = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "ReportTally"`)).rows[0].n;
    log(
      `[generate] report tallies counted in ${Math.round((Date.now() - counting) / 1000)} s: ${Number(tallies).toLocaleString()} rows`,
    );
    await client.query(`VACUUM ANALYZE "ReportTally"`);
    await checkTokens(client);
    log(`[generate] done in ${Math.round((Date.now() - started) / 1000)} s, indexes rebuilt: ${dropped.length}`);
  } finally {
    await client.end();
  }
}

async function dropSecondaryIndexes(client: pg.Client, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisunique`,
    [tables],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.definition);
}

/** The SQL tokens must be the ones the app would store, or the search benchmark measures a different index. */
async function checkTokens(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ company: string; contactName: string; phone: string; searchTokens: string[] }>(
    `SELECT "company", "contactName", "phone", "searchTokens" FROM "Lead" WHERE "id" LIKE 'bench%' ORDER BY "id" LIMIT 200`,
  );
  for (const row of rows) {
    const expected = leadSearchTokens(row).sort();
    const actual = [...new Set(row.searchTokens)].sort();
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      throw new Error(
        `generated search tokens differ from lib/leads/search-tokens for ${row.company}: ${actual.join(" ")} vs ${expected.join(" ")}`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, leads, activities] = process.argv.slice(2);
  if (!url) {
    console.error("usage: node --import tsx scripts/generate-leads.ts <postgresql url> [leads] [activities]");
    process.exit(2);
  }
  generateLeads(url, Number(leads ?? 1_000_000), Number(activities ?? 5_000_000)).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
