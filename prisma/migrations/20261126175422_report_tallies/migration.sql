-- AlterTable
ALTER TABLE "Inquiry" ADD COLUMN     "leadNeedKind" "ListingKind",
ADD COLUMN     "leadOwnerId" TEXT,
ADD COLUMN     "leadParkId" TEXT,
ADD COLUMN     "leadSource" TEXT;

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "firstReferrer" TEXT,
ADD COLUMN     "firstUtmMedium" TEXT,
ADD COLUMN     "inquiryCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reachedStageKey" TEXT,
ADD COLUMN     "dayResponseDueAt" TIMESTAMP(3),
ADD COLUMN     "staySeconds" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
ADD COLUMN     "stayStageKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ReportTally" (
    "event" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "ownerId" TEXT NOT NULL DEFAULT '',
    "parkId" TEXT NOT NULL DEFAULT '',
    "needKind" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "listingId" TEXT NOT NULL DEFAULT '',
    "industry" TEXT NOT NULL DEFAULT '',
    "medium" TEXT NOT NULL DEFAULT '',
    "referrerHost" TEXT NOT NULL DEFAULT '',
    "stageKey" TEXT NOT NULL DEFAULT '',
    "reachedKey" TEXT NOT NULL DEFAULT '',
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "inDay" BOOLEAN NOT NULL DEFAULT false,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "inquiries" INTEGER NOT NULL DEFAULT 0,
    "signedTax" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "expectedTax" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "investment" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "areaSqm" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "areaMu" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "seconds" DECIMAL(24,3) NOT NULL DEFAULT 0,

    CONSTRAINT "ReportTally_pkey" PRIMARY KEY ("event","grain","period","ownerId","parkId","needKind","source","listingId","industry","medium","referrerHost","stageKey","reachedKey","archived","minutes","inDay")
);

-- CreateTable
CREATE TABLE "ReportTallyDelta" (
    "event" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "period" DATE NOT NULL,
    "ownerId" TEXT NOT NULL DEFAULT '',
    "parkId" TEXT NOT NULL DEFAULT '',
    "needKind" TEXT NOT NULL DEFAULT '',
    "source" TEXT NOT NULL DEFAULT '',
    "listingId" TEXT NOT NULL DEFAULT '',
    "industry" TEXT NOT NULL DEFAULT '',
    "medium" TEXT NOT NULL DEFAULT '',
    "referrerHost" TEXT NOT NULL DEFAULT '',
    "stageKey" TEXT NOT NULL DEFAULT '',
    "reachedKey" TEXT NOT NULL DEFAULT '',
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "minutes" INTEGER NOT NULL DEFAULT 0,
    "inDay" BOOLEAN NOT NULL DEFAULT false,
    "leads" INTEGER NOT NULL DEFAULT 0,
    "inquiries" INTEGER NOT NULL DEFAULT 0,
    "signedTax" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "expectedTax" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "investment" DECIMAL(20,4) NOT NULL DEFAULT 0,
    "areaSqm" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "areaMu" DECIMAL(20,2) NOT NULL DEFAULT 0,
    "seconds" DECIMAL(24,3) NOT NULL DEFAULT 0,
    "id" BIGSERIAL NOT NULL,

    CONSTRAINT "ReportTallyDelta_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReportTallyDelta_event_grain_period_idx" ON "ReportTallyDelta"("event", "grain", "period");


-- Of two stages, the one further along the pipeline; lost stages and unknown keys count as not reached.
CREATE FUNCTION report_further(a text, b text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT s."key" FROM "Stage" s WHERE s."key" IN (a, b) AND s."category" <> 'LOST' ORDER BY s."position" DESC LIMIT 1
$$;

-- A referrer's host, lower-cased, without user, port or a leading "www."; NULL when it has none.
CREATE FUNCTION report_referrer_host(referrer text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT NULLIF(CASE WHEN h LIKE 'www.%' THEN substr(h, 5) ELSE h END, '')
  FROM (SELECT split_part(split_part(split_part(split_part(split_part(split_part(lower(btrim(referrer)), '://', 2), '/', 1), '?', 1), '#', 1), '@', -1), ':', 1) AS h) x
$$;

CREATE FUNCTION report_period(grain text, instant timestamp) RETURNS date LANGUAGE sql IMMUTABLE AS $$
  -- Asia/Shanghai has kept UTC+8 without daylight saving since 1991.
  SELECT CASE WHEN grain = 'day' THEN (instant + interval '8 hours')::date
    ELSE date_trunc('month', instant + interval '8 hours')::date END
$$;

-- Whole minutes, rounded up, of a span: what medians are taken over (a reply in 60 min 0.5 s is not within the hour).
CREATE FUNCTION report_minutes(seconds numeric) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT GREATEST(ceil(seconds / 60), 0)::int
$$;

-- What one lead adds to the tallies (sign -1 takes it away): as created, as answered, its completed stays,
-- and as signed while it is won. A lead merged into another adds nothing: its inquiries and history now
-- count on the survivor.
CREATE FUNCTION report_lead_cells(l "Lead", sign int) RETURNS SETOF "ReportTally" LANGUAGE sql STABLE AS $$
  SELECT 'created', g.grain, report_period(g.grain, l."createdAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", COALESCE(l."listingId", ''),
    COALESCE(NULLIF(btrim(l."industry"), ''), NULLIF(btrim(l."use"), ''), ''),
    COALESCE(NULLIF(btrim(l."firstUtmMedium"), ''), 'direct'), COALESCE(report_referrer_host(l."firstReferrer"), 'direct'),
    l."stageKey", COALESCE(l."reachedStageKey", ''), l."archivedAt" IS NOT NULL, 0, false,
    sign, sign * l."inquiryCount", sign * COALESCE(l."signedAnnualTax", 0), sign * COALESCE(l."expectedAnnualTax", 0),
    sign * COALESCE(l."investment", 0),
    sign * CASE WHEN l."needAreaUnit" = 'MU' THEN 0 ELSE COALESCE(l."needArea", 0) END,
    sign * CASE WHEN l."needAreaUnit" = 'MU' THEN COALESCE(l."needArea", 0) ELSE 0 END,
    0::numeric
  FROM (VALUES ('day'), ('month')) g(grain)
  WHERE l."mergedIntoId" IS NULL
  UNION ALL
  SELECT 'response', g.grain, report_period(g.grain, l."createdAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", '', '', '', '', '', '', false,
    CASE WHEN l."firstRespondedAt" IS NULL THEN -1 ELSE report_minutes(EXTRACT(EPOCH FROM l."firstRespondedAt" - l."createdAt")) END,
    COALESCE(l."firstRespondedAt" <= l."dayResponseDueAt", false),
    sign, 0, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric
  FROM (VALUES ('day'), ('month')) g(grain)
  WHERE l."mergedIntoId" IS NULL
  UNION ALL
  SELECT 'stay', g.grain, report_period(g.grain, l."createdAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", '', '', '', '', u."stageKey", '', false, report_minutes(u."seconds"), false,
    sign, 0, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric, sign * u."seconds"::numeric
  FROM (VALUES ('day'), ('month')) g(grain), unnest(l."stayStageKeys", l."staySeconds") AS u("stageKey", "seconds")
  WHERE l."mergedIntoId" IS NULL
  UNION ALL
  SELECT 'signed', g.grain, report_period(g.grain, l."signedAt"), COALESCE(l."ownerId", ''), COALESCE(l."parkId", ''),
    COALESCE(l."needKind"::text, ''), l."source", '', '', '', '', l."stageKey", '', false,
    report_minutes(EXTRACT(EPOCH FROM l."signedAt" - l."createdAt")), false,
    sign, 0, sign * COALESCE(l."signedAnnualTax", 0), 0::numeric, 0::numeric, 0::numeric, 0::numeric,
    sign * GREATEST(EXTRACT(EPOCH FROM l."signedAt" - l."createdAt"), 0)
  FROM (VALUES ('day'), ('month')) g(grain)
  WHERE l."mergedIntoId" IS NULL AND l."signedAt" IS NOT NULL
    AND EXISTS (SELECT 1 FROM "Stage" s WHERE s."key" = l."stageKey" AND s."category" = 'WON')
$$;

-- What one inquiry adds: counted on the day it arrived, under its lead's owner, park, kind and source then.
CREATE FUNCTION report_inquiry_cells(i "Inquiry", sign int) RETURNS SETOF "ReportTally" LANGUAGE sql IMMUTABLE AS $$
  SELECT 'inquiry', g.grain, report_period(g.grain, i."createdAt"), COALESCE(i."leadOwnerId", ''), COALESCE(i."leadParkId", ''),
    COALESCE(i."leadNeedKind"::text, ''), COALESCE(i."leadSource", ''), '', '', '', '', '', '', false, 0, false,
    0, sign, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric, 0::numeric
  FROM (VALUES ('day'), ('month')) g(grain)
$$;

-- The statement that adds up cells and adds what did not cancel out to the tallies, in key order so two
-- folds lock the rows they share in the same order.
CREATE FUNCTION report_tally_upsert(cells text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($sql$
    INSERT INTO "ReportTally" AS t
    SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads"), sum("inquiries"), sum("signedTax"), sum("expectedTax"),
      sum("investment"), sum("areaSqm"), sum("areaMu"), sum("seconds")
    FROM (%s) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
      OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    ON CONFLICT ("event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay") DO UPDATE SET
      "leads" = t."leads" + EXCLUDED."leads", "inquiries" = t."inquiries" + EXCLUDED."inquiries",
      "signedTax" = t."signedTax" + EXCLUDED."signedTax", "expectedTax" = t."expectedTax" + EXCLUDED."expectedTax",
      "investment" = t."investment" + EXCLUDED."investment", "areaSqm" = t."areaSqm" + EXCLUDED."areaSqm", "areaMu" = t."areaMu" + EXCLUDED."areaMu",
      "seconds" = t."seconds" + EXCLUDED."seconds"
  $sql$, cells)
$$;

-- Statement-level, with the rows the statement changed: one append per statement, however many rows, in
-- plain SQL so its plans are kept. report_recount sets parklead.recount while it rebuilds the tallies whole.
CREATE FUNCTION report_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NULL; END IF;
  IF TG_TABLE_NAME = 'Lead' AND TG_OP = 'UPDATE' THEN
    -- Most updates change nothing the reports count: the old and new cells cancel and nothing is appended.
    INSERT INTO "ReportTallyDelta"
    SELECT "event", "grain", "period", "ownerId", "parkId", "needKind", "source", "listingId", "industry", "medium", "referrerHost",
      "stageKey", "reachedKey", "archived", "minutes", "inDay", sum("leads"), sum("inquiries"), sum("signedTax"), sum("expectedTax"),
      sum("investment"), sum("areaSqm"), sum("areaMu"), sum("seconds")
    FROM (SELECT c.* FROM new_rows r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM old_rows r, report_lead_cells(r, -1) c) c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
    HAVING sum("leads") <> 0 OR sum("inquiries") <> 0 OR sum("signedTax") <> 0 OR sum("expectedTax") <> 0 OR sum("investment") <> 0
      OR sum("areaSqm") <> 0 OR sum("areaMu") <> 0 OR sum("seconds") <> 0;
  ELSIF TG_TABLE_NAME = 'Lead' THEN
    IF TG_OP = 'INSERT' THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM new_rows r, report_lead_cells(r, 1) c;
    ELSE
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM old_rows r, report_lead_cells(r, -1) c;
    END IF;
  ELSE
    -- An inquiry's cells depend on the inquiry alone: a merge re-pointing it appends a pair that cancels.
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM new_rows r, report_inquiry_cells(r, 1) c;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
      INSERT INTO "ReportTallyDelta" SELECT c.* FROM old_rows r, report_inquiry_cells(r, -1) c;
    END IF;
  END IF;
  RETURN NULL;
END
$$;

-- How far a lead got only grows: every write keeps the further of what it had and where it stands. A move
-- completes the stay in the stage it leaves, timed by the stage-change instants.
CREATE FUNCTION report_lead_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NEW; END IF;
  NEW."reachedStageKey" := COALESCE(report_further(NEW."reachedStageKey", NEW."stageKey"), NEW."reachedStageKey");
  IF TG_OP = 'UPDATE' AND NEW."stageKey" IS DISTINCT FROM OLD."stageKey" THEN
    NEW."stayStageKeys" := NEW."stayStageKeys" || OLD."stageKey";
    NEW."staySeconds" := NEW."staySeconds" || GREATEST(round(EXTRACT(EPOCH FROM NEW."stageChangedAt" - OLD."stageChangedAt")), 0)::int;
  END IF;
  RETURN NEW;
END
$$;

-- Moves the appended deltas into the tallies. Two folds at once each move their own rows: the second waits
-- for the first and finds them gone.
CREATE FUNCTION report_tally_fold() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE 'WITH moved AS (DELETE FROM "ReportTallyDelta" RETURNING *) ' || report_tally_upsert('SELECT * FROM moved');
END
$$;

-- Counts every tally afresh from the leads and inquiries as they are.
CREATE FUNCTION report_tally_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('parklead.recount', 'on', true);
  DELETE FROM "ReportTallyDelta";
  DELETE FROM "ReportTally";
  EXECUTE report_tally_upsert('SELECT c.* FROM "Lead" r, report_lead_cells(r, 1) c UNION ALL SELECT c.* FROM "Inquiry" r, report_inquiry_cells(r, 1) c');
  PERFORM set_config('parklead.recount', 'off', true);
END
$$;

-- How far each lead got, from its whole stage history and where it stands, by the stage order of now.
CREATE FUNCTION report_reached_now() RETURNS TABLE ("leadId" text, "key" text) LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (x."leadId") x."leadId", s."key"
  FROM (SELECT "leadId", "toKey" AS "key" FROM "StageChange" UNION ALL SELECT "id", "stageKey" FROM "Lead") x
  JOIN "Stage" s ON s."key" = x."key" AND s."category" <> 'LOST'
  ORDER BY x."leadId", s."position" DESC
$$;

-- Rebuilds what the triggers keep: how far each lead got and every tally. Run after the stage order
-- changes or a stage goes, as "further" follows the order.
CREATE FUNCTION report_recount() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('parklead.recount', 'on', true);
  UPDATE "Lead" l SET "reachedStageKey" = r."key"
  FROM report_reached_now() r
  WHERE r."leadId" = l."id" AND l."reachedStageKey" IS DISTINCT FROM r."key";
  PERFORM report_tally_rebuild();
END
$$;

-- The facts the reports group a lead by, for the leads already there, in one pass over each table (every
-- row rewritten once): the first inquiry's UTM medium and referrer, the inquiries, how far it got; and the
-- lead's facts on each inquiry; before the triggers exist, so they neither run nor keep the changed rows.
-- Then the tallies, counted once.
-- A completed stay is a stage change followed by one that leaves the same stage. Existing leads' one-working-day
-- deadlines need the working calendar: lib/leads/backfill fills them in at start.
CREATE TEMP TABLE lead_facts ON COMMIT DROP AS
  SELECT l."id", f."utmMedium", f."referrer", COALESCE(c.n, 0) AS n, r."key" AS reached,
    COALESCE(st.keys, ARRAY[]::text[]) AS "stayKeys", COALESCE(st.seconds, ARRAY[]::int[]) AS "staySeconds"
  FROM "Lead" l
  LEFT JOIN "Inquiry" f ON f."leadId" = l."id" AND f."createdAt" = l."createdAt"
  LEFT JOIN (SELECT "leadId", count(*)::int AS n FROM "Inquiry" GROUP BY 1) c ON c."leadId" = l."id"
  LEFT JOIN report_reached_now() r ON r."leadId" = l."id"
  LEFT JOIN (
    SELECT "leadId", array_agg("toKey" ORDER BY "changedAt", "id") AS keys,
      array_agg(GREATEST(round(EXTRACT(EPOCH FROM "leftAt" - "changedAt")), 0)::int ORDER BY "changedAt", "id") AS seconds
    FROM (
      SELECT "leadId", "toKey", "changedAt", "id", lead("changedAt") OVER w AS "leftAt", lead("fromKey") OVER w AS "leftFrom"
      FROM "StageChange" WINDOW w AS (PARTITION BY "leadId" ORDER BY "changedAt", "id")
    ) h
    WHERE "leftFrom" = "toKey"
    GROUP BY "leadId"
  ) st ON st."leadId" = l."id";
UPDATE "Lead" l SET "firstUtmMedium" = f."utmMedium", "firstReferrer" = f."referrer", "inquiryCount" = f.n, "reachedStageKey" = f.reached,
  "stayStageKeys" = f."stayKeys", "staySeconds" = f."staySeconds"
FROM lead_facts f WHERE f."id" = l."id";
UPDATE "Inquiry" i SET "leadOwnerId" = l."ownerId", "leadParkId" = l."parkId", "leadNeedKind" = l."needKind", "leadSource" = l."source"
FROM "Lead" l WHERE l."id" = i."leadId";

CREATE TRIGGER "Lead_facts" BEFORE INSERT OR UPDATE OF "stageKey", "reachedStageKey" ON "Lead" FOR EACH ROW EXECUTE FUNCTION report_lead_facts();
CREATE TRIGGER "Lead_tally_insert" AFTER INSERT ON "Lead" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();
CREATE TRIGGER "Lead_tally_update" AFTER UPDATE ON "Lead" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();
CREATE TRIGGER "Lead_tally_delete" AFTER DELETE ON "Lead" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();
CREATE TRIGGER "Inquiry_tally_insert" AFTER INSERT ON "Inquiry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();
CREATE TRIGGER "Inquiry_tally_update" AFTER UPDATE ON "Inquiry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();
CREATE TRIGGER "Inquiry_tally_delete" AFTER DELETE ON "Inquiry" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION report_tally();

SELECT report_tally_rebuild();
