-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('ACTIVE', 'TERMINATED');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('REGISTERED', 'LAND_HANDOVER', 'CONSTRUCTION_START', 'COMPLETION', 'PRODUCTION', 'FULL_PRODUCTION');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('NOTE', 'PHOTO', 'DOCUMENT');

-- CreateEnum
CREATE TYPE "SupervisionStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "SupervisionEntryKind" AS ENUM ('ANSWER', 'INSTRUCTION', 'REOPEN', 'CLOSE', 'ESCALATION');

-- AlterTable
ALTER TABLE "Park" ADD COLUMN     "benchmarkOutputPerMu" DECIMAL(12,2),
ADD COLUMN     "benchmarkTaxPerMu" DECIMAL(12,2);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "parkId" TEXT,
    "ownerId" TEXT,
    "name" VARCHAR(120) NOT NULL,
    "companyName" VARCHAR(120) NOT NULL,
    "creditCode" VARCHAR(18),
    "industry" VARCHAR(60),
    "status" "ProjectStatus" NOT NULL DEFAULT 'ACTIVE',
    "signedAt" TIMESTAMP(3) NOT NULL,
    "intakeScore" INTEGER,
    "totalInvestment" DECIMAL(16,4),
    "fixedAssetInvestment" DECIMAL(16,4),
    "annualOutput" DECIMAL(16,4),
    "annualTax" DECIMAL(16,4),
    "jobs" INTEGER,
    "landMu" DECIMAL(12,4),
    "terminatedAt" TIMESTAMP(3),
    "terminatedById" TEXT,
    "terminationReason" VARCHAR(500),
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "plannedOn" DATE,
    "plannedSince" TIMESTAMP(3),
    "actualOn" DATE,
    "note" VARCHAR(1000),
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3),

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MilestonePlanChange" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "plannedOn" DATE,
    "previousOn" DATE,
    "effectiveAt" TIMESTAMP(3) NOT NULL,
    "reason" VARCHAR(500),
    "actorId" TEXT,

    CONSTRAINT "MilestonePlanChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectEvidence" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "milestoneKind" "MilestoneKind",
    "kind" "EvidenceKind" NOT NULL,
    "note" VARCHAR(1000),
    "storageKey" TEXT,
    "fileName" VARCHAR(200),
    "contentType" VARCHAR(100),
    "bytes" INTEGER,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectFundingPlan" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "amount" DECIMAL(16,4) NOT NULL,

    CONSTRAINT "ProjectFundingPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectFunding" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "paidOn" DATE NOT NULL,
    "amount" DECIMAL(16,4) NOT NULL,
    "note" VARCHAR(500),
    "recordedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProjectFunding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectYear" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "output" DECIMAL(16,4),
    "tax" DECIMAL(16,4),
    "jobs" INTEGER,
    "recordedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProjectYear_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Supervision" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "title" VARCHAR(500) NOT NULL,
    "assigneeId" TEXT NOT NULL,
    "openedById" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "SupervisionStatus" NOT NULL DEFAULT 'OPEN',
    "answeredAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Supervision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupervisionEntry" (
    "id" TEXT NOT NULL,
    "supervisionId" TEXT NOT NULL,
    "kind" "SupervisionEntryKind" NOT NULL,
    "body" VARCHAR(2000),
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupervisionEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Project_leadId_idx" ON "Project"("leadId");

-- CreateIndex
CREATE INDEX "Project_ownerId_status_idx" ON "Project"("ownerId", "status");

-- CreateIndex
CREATE INDEX "Project_parkId_status_idx" ON "Project"("parkId", "status");

-- CreateIndex
CREATE INDEX "Project_signedAt_idx" ON "Project"("signedAt");

-- CreateIndex
CREATE INDEX "ProjectMilestone_plannedOn_actualOn_idx" ON "ProjectMilestone"("plannedOn", "actualOn");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectMilestone_projectId_kind_key" ON "ProjectMilestone"("projectId", "kind");

-- CreateIndex
CREATE INDEX "MilestonePlanChange_projectId_kind_effectiveAt_idx" ON "MilestonePlanChange"("projectId", "kind", "effectiveAt");

-- CreateIndex
CREATE INDEX "ProjectEvidence_projectId_createdAt_idx" ON "ProjectEvidence"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "ProjectFundingPlan_projectId_dueOn_idx" ON "ProjectFundingPlan"("projectId", "dueOn");

-- CreateIndex
CREATE INDEX "ProjectFunding_projectId_paidOn_idx" ON "ProjectFunding"("projectId", "paidOn");

-- CreateIndex
CREATE INDEX "ProjectYear_year_idx" ON "ProjectYear"("year");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectYear_projectId_year_key" ON "ProjectYear"("projectId", "year");

-- CreateIndex
CREATE INDEX "Supervision_projectId_idx" ON "Supervision"("projectId");

-- CreateIndex
CREATE INDEX "Supervision_assigneeId_status_idx" ON "Supervision"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "Supervision_status_dueOn_idx" ON "Supervision"("status", "dueOn");

-- CreateIndex
CREATE INDEX "SupervisionEntry_supervisionId_createdAt_idx" ON "SupervisionEntry"("supervisionId", "createdAt");

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_terminatedById_fkey" FOREIGN KEY ("terminatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestonePlanChange" ADD CONSTRAINT "MilestonePlanChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestonePlanChange" ADD CONSTRAINT "MilestonePlanChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvidence" ADD CONSTRAINT "ProjectEvidence_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectEvidence" ADD CONSTRAINT "ProjectEvidence_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectFundingPlan" ADD CONSTRAINT "ProjectFundingPlan_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectFunding" ADD CONSTRAINT "ProjectFunding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectFunding" ADD CONSTRAINT "ProjectFunding_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectYear" ADD CONSTRAINT "ProjectYear_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectYear" ADD CONSTRAINT "ProjectYear_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Supervision" ADD CONSTRAINT "Supervision_openedById_fkey" FOREIGN KEY ("openedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEntry" ADD CONSTRAINT "SupervisionEntry_supervisionId_fkey" FOREIGN KEY ("supervisionId") REFERENCES "Supervision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionEntry" ADD CONSTRAINT "SupervisionEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every lead already in a won stage becomes a project, with the commitments its lead carries and the six
-- milestones unplanned (lib/projects/lead-projects.ts does the same for each new signing).
INSERT INTO "Project" ("id", "leadId", "parkId", "ownerId", "name", "companyName", "industry", "signedAt",
  "intakeScore", "totalInvestment", "annualOutput", "annualTax", "jobs", "landMu", "demo", "updatedAt")
SELECT 'c' || substr(md5(l."id" || ':project'), 1, 24), l."id", l."parkId", l."ownerId",
  left(l."company", 120), left(l."company", 120), left(l."industry", 60), COALESCE(l."signedAt", l."stageChangedAt"),
  l."score", l."investment", l."annualOutput", COALESCE(l."signedAnnualTax", l."expectedAnnualTax"), l."employees",
  CASE WHEN l."signedAreaUnit" = 'MU' THEN l."signedArea" END, l."demo", CURRENT_TIMESTAMP
FROM "Lead" l JOIN "Stage" s ON s."key" = l."stageKey"
WHERE s."category" = 'WON' AND l."mergedIntoId" IS NULL;

INSERT INTO "ProjectMilestone" ("id", "projectId", "kind")
SELECT 'c' || substr(md5(p."id" || ':' || k.kind), 1, 24), p."id", k.kind::"MilestoneKind"
FROM "Project" p
CROSS JOIN (VALUES ('REGISTERED'), ('LAND_HANDOVER'), ('CONSTRUCTION_START'), ('COMPLETION'), ('PRODUCTION'),
  ('FULL_PRODUCTION')) AS k(kind);
