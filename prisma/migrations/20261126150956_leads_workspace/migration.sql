-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('NOTE', 'CALL', 'VISIT', 'EMAIL', 'STAGE', 'OWNER', 'EDIT', 'MERGE', 'ARCHIVE', 'ERASE');

-- DropIndex
DROP INDEX "Lead_createdAt_idx";

-- DropIndex
DROP INDEX "Lead_stageKey_idx";

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "annualOutput" DECIMAL(16,4),
ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "assignedAt" TIMESTAMP(3),
ADD COLUMN     "companyKey" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "employees" INTEGER,
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "expectedAnnualTax" DECIMAL(16,4),
ADD COLUMN     "firstRespondedAt" TIMESTAMP(3),
ADD COLUMN     "firstResponseDueAt" TIMESTAMP(3),
ADD COLUMN     "industry" TEXT,
ADD COLUMN     "investment" DECIMAL(16,4),
ADD COLUMN     "lastActivityAt" TIMESTAMP(3),
ADD COLUMN     "listingId" TEXT,
ADD COLUMN     "lostReasonKey" VARCHAR(40),
ADD COLUMN     "lostToPark" VARCHAR(100),
ADD COLUMN     "mergedIntoId" TEXT,
ADD COLUMN     "needArea" DECIMAL(12,2),
ADD COLUMN     "needAreaUnit" "AreaUnit",
ADD COLUMN     "needDeal" "NeedDeal",
ADD COLUMN     "needKind" "ListingKind",
ADD COLUMN     "nextFollowUpAt" TIMESTAMP(3),
ADD COLUMN     "notes" TEXT,
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "parkId" TEXT,
ADD COLUMN     "score" INTEGER,
ADD COLUMN     "scoreBreakdown" JSONB,
ADD COLUMN     "searchTokens" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "signedAnnualTax" DECIMAL(16,4),
ADD COLUMN     "signedArea" DECIMAL(12,2),
ADD COLUMN     "signedAreaUnit" "AreaUnit",
ADD COLUMN     "signedAt" TIMESTAMP(3),
ADD COLUMN     "source" TEXT NOT NULL DEFAULT 'direct',
ADD COLUMN     "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "use" TEXT,
ADD COLUMN     "vetoed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ListingPhoto" ADD COLUMN     "bytes" INTEGER,
ADD COLUMN     "contentType" TEXT,
ADD COLUMN     "storageKey" TEXT;

-- AlterTable
ALTER TABLE "Park" ADD COLUMN     "ownerId" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "away" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastAssignedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "LostReason" (
    "key" VARCHAR(40) NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "nameEn" VARCHAR(60) NOT NULL,
    "position" INTEGER NOT NULL,
    "askPark" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "LostReason_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "actorId" TEXT,
    "kind" "ActivityKind" NOT NULL,
    "body" TEXT,
    "details" JSONB,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "createdById" TEXT,
    "title" VARCHAR(200) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "doneAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StageChange" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "fromKey" TEXT,
    "toKey" TEXT NOT NULL,
    "actorId" TEXT,
    "lostReasonKey" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StageChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Activity_leadId_occurredAt_idx" ON "Activity"("leadId", "occurredAt");

-- CreateIndex
CREATE INDEX "Activity_actorId_idx" ON "Activity"("actorId");

-- CreateIndex
CREATE INDEX "Task_leadId_idx" ON "Task"("leadId");

-- CreateIndex
CREATE INDEX "Task_assigneeId_doneAt_dueAt_idx" ON "Task"("assigneeId", "doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "Task_createdById_idx" ON "Task"("createdById");

-- CreateIndex
CREATE INDEX "StageChange_leadId_changedAt_idx" ON "StageChange"("leadId", "changedAt");

-- CreateIndex
CREATE INDEX "StageChange_toKey_changedAt_idx" ON "StageChange"("toKey", "changedAt");

-- CreateIndex
CREATE INDEX "StageChange_actorId_idx" ON "StageChange"("actorId");

-- CreateIndex
CREATE INDEX "Lead_stageKey_createdAt_id_idx" ON "Lead"("stageKey", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Lead_ownerId_createdAt_id_idx" ON "Lead"("ownerId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Lead_createdAt_id_idx" ON "Lead"("createdAt", "id");

-- CreateIndex
CREATE INDEX "Lead_lastActivityAt_idx" ON "Lead"("lastActivityAt");

-- CreateIndex
CREATE INDEX "Lead_score_idx" ON "Lead"("score");

-- CreateIndex
CREATE INDEX "Lead_companyKey_idx" ON "Lead"("companyKey");

-- CreateIndex
CREATE INDEX "Lead_listingId_idx" ON "Lead"("listingId");

-- CreateIndex
CREATE INDEX "Lead_parkId_idx" ON "Lead"("parkId");

-- CreateIndex
CREATE INDEX "Lead_source_idx" ON "Lead"("source");

-- CreateIndex
CREATE INDEX "Lead_lostReasonKey_idx" ON "Lead"("lostReasonKey");

-- CreateIndex
CREATE INDEX "Lead_mergedIntoId_idx" ON "Lead"("mergedIntoId");

-- CreateIndex
CREATE INDEX "Lead_firstResponseDueAt_idx" ON "Lead"("firstResponseDueAt");

-- CreateIndex
CREATE INDEX "Lead_nextFollowUpAt_idx" ON "Lead"("nextFollowUpAt");

-- CreateIndex
CREATE INDEX "Lead_searchTokens_idx" ON "Lead" USING GIN ("searchTokens");

-- CreateIndex
CREATE INDEX "Park_ownerId_idx" ON "Park"("ownerId");

-- AddForeignKey
ALTER TABLE "Park" ADD CONSTRAINT "Park_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageChange" ADD CONSTRAINT "StageChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_lostReasonKey_fkey" FOREIGN KEY ("lostReasonKey") REFERENCES "LostReason"("key") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data migration: the default lost reasons (DOMAIN: reasons worth counting). Admins may rename,
-- reorder, add and retire them; keys stay so reports keep counting.
INSERT INTO "LostReason" ("key", "name", "nameEn", "position", "askPark", "active") VALUES
  ('industry_mismatch', '产业不符',     'Industry mismatch',     1, false, true),
  ('tax_below',         '税收不达标',   'Tax below threshold',   2, false, true),
  ('environment',       '环评',         'Environmental review',  3, false, true),
  ('price',             '价格',         'Price',                 4, false, true),
  ('other_park',        '选择其他园区', 'Chose another park',    5, true,  true),
  ('location',          '区位',         'Location',              6, false, true),
  ('policy',            '政策',         'Policy',                7, false, true),
  ('no_response',       '无回应',       'No response',           8, false, true)
ON CONFLICT ("key") DO NOTHING;

-- Leads stored before this migration: their need, source and listing come from their inquiries,
-- their stage history starts at their creation. Company keys and search tokens are filled by the
-- app at start (lib/leads/backfill.ts), as they are computed in TypeScript.
UPDATE "Lead" l SET
  "needDeal" = i."needDeal", "needKind" = i."needKind", "needArea" = i."needArea",
  "needAreaUnit" = i."needAreaUnit", "use" = i."use", "expectedAnnualTax" = i."expectedAnnualTax",
  "investment" = i."investment", "annualOutput" = i."annualOutput", "employees" = i."employees"
FROM (SELECT DISTINCT ON ("leadId") * FROM "Inquiry" ORDER BY "leadId", "createdAt" DESC) i
WHERE i."leadId" = l."id";

UPDATE "Lead" l SET
  "listingId" = i."listingId",
  "parkId" = (SELECT "parkId" FROM "Listing" WHERE "id" = i."listingId"),
  "source" = COALESCE(i."utmSource", CASE WHEN i."listingId" IS NOT NULL THEN 'listing' WHEN i."channel" = 'API' THEN 'api' ELSE 'direct' END)
FROM (SELECT DISTINCT ON ("leadId") * FROM "Inquiry" ORDER BY "leadId", "createdAt" ASC) i
WHERE i."leadId" = l."id";

UPDATE "Lead" SET "stageChangedAt" = "createdAt";

INSERT INTO "StageChange" ("id", "leadId", "fromKey", "toKey", "changedAt")
SELECT 'sc_' || "id", "id", NULL, "stageKey", "createdAt" FROM "Lead";
