-- CreateIndex
CREATE INDEX "Lead_dayResponseDueAt_idx" ON "Lead"("dayResponseDueAt");

-- A lead merged into another hands its report facts to the survivor, which now holds its history and
-- inquiries: the survivor got as far as either did, holds both leads' completed stays and counts both
-- leads' inquiries. Kept here with the other facts (migration report_tallies), whatever code merges.
CREATE FUNCTION report_merge_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('parklead.recount', true) = 'on' THEN RETURN NULL; END IF;
  UPDATE "Lead" s SET
    "reachedStageKey" = COALESCE(report_further(s."reachedStageKey", NEW."reachedStageKey"), s."reachedStageKey"),
    "stayStageKeys" = s."stayStageKeys" || NEW."stayStageKeys",
    "staySeconds" = s."staySeconds" || NEW."staySeconds",
    "inquiryCount" = s."inquiryCount" + NEW."inquiryCount"
  WHERE s."id" = NEW."mergedIntoId";
  RETURN NULL;
END
$$;

CREATE TRIGGER "Lead_merged" AFTER UPDATE OF "mergedIntoId" ON "Lead"
  FOR EACH ROW WHEN (OLD."mergedIntoId" IS NULL AND NEW."mergedIntoId" IS NOT NULL) EXECUTE FUNCTION report_merge_facts();
