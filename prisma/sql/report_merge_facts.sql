-- A lead merged into another hands its report facts to the survivor, which now holds its history and
-- inquiries: the survivor got as far as either did, holds both leads' completed stays and counts both
-- leads' inquiries. Kept in the database with the other facts, whatever code merges.
CREATE OR REPLACE FUNCTION public.report_merge_facts()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
$function$;

DROP TRIGGER IF EXISTS "Lead_merged" ON public."Lead";
CREATE TRIGGER "Lead_merged" AFTER UPDATE OF "mergedIntoId" ON public."Lead"
  FOR EACH ROW WHEN (OLD."mergedIntoId" IS NULL AND NEW."mergedIntoId" IS NOT NULL) EXECUTE FUNCTION report_merge_facts();
