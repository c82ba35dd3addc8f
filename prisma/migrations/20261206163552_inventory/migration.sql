-- CreateEnum
CREATE TYPE "UnitStatus" AS ENUM ('VACANT', 'HELD', 'SIGNED', 'OCCUPIED', 'UNAVAILABLE');

-- CreateEnum
CREATE TYPE "HoldEnd" AS ENUM ('SIGNED', 'EXPIRED', 'RELEASED', 'LEAD_LOST', 'LEAD_CLOSED');

-- AlterEnum
ALTER TYPE "ImportKind" ADD VALUE 'UNITS';

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "parkId" TEXT;

-- AlterTable
ALTER TABLE "ImportRow" ADD COLUMN     "matchUnitId" TEXT,
ADD COLUMN     "unitId" TEXT;

-- CreateTable
CREATE TABLE "Building" (
    "id" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "name" VARCHAR(60) NOT NULL,
    "nameEn" VARCHAR(60) NOT NULL DEFAULT '',
    "kind" "ListingKind" NOT NULL,
    "factoryType" "FactoryType",
    "storeys" INTEGER,
    "structure" VARCHAR(60),
    "structureEn" VARCHAR(60),
    "floorHeightM" DECIMAL(5,2),
    "floorLoadKgPerSqm" INTEGER,
    "powerKva" INTEGER,
    "completionYear" INTEGER,
    "propertyTermYears" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Building_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "buildingId" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "floor" INTEGER,
    "number" VARCHAR(30) NOT NULL,
    "area" DECIMAL(12,2) NOT NULL,
    "areaUnit" "AreaUnit" NOT NULL,
    "areaSqm" DECIMAL(14,2) NOT NULL,
    "listPrice" DECIMAL(14,2),
    "floorPrice" DECIMAL(14,2),
    "priceUnit" "PriceUnit",
    "status" "UnitStatus" NOT NULL DEFAULT 'VACANT',
    "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leadId" TEXT,
    "heldUntil" TIMESTAMP(3),
    "heldById" TEXT,
    "dealPrice" DECIMAL(14,2),
    "listingId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitHold" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "holderId" TEXT NOT NULL,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "renewals" INTEGER NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "endReason" "HoldEnd",
    "endedById" TEXT,

    CONSTRAINT "UnitHold_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UnitStatusChange" (
    "id" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "fromStatus" "UnitStatus",
    "toStatus" "UnitStatus" NOT NULL,
    "leadId" TEXT,
    "actorId" TEXT,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UnitStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Building_parkId_position_idx" ON "Building"("parkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Building_parkId_name_key" ON "Building"("parkId", "name");

-- CreateIndex
CREATE INDEX "Unit_parkId_status_idx" ON "Unit"("parkId", "status");

-- CreateIndex
CREATE INDEX "Unit_listingId_idx" ON "Unit"("listingId");

-- CreateIndex
CREATE INDEX "Unit_leadId_idx" ON "Unit"("leadId");

-- CreateIndex
CREATE INDEX "Unit_heldById_idx" ON "Unit"("heldById");

-- CreateIndex
CREATE INDEX "Unit_status_heldUntil_idx" ON "Unit"("status", "heldUntil");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_buildingId_number_key" ON "Unit"("buildingId", "number");

-- CreateIndex
CREATE INDEX "UnitHold_unitId_heldAt_idx" ON "UnitHold"("unitId", "heldAt");

-- CreateIndex
CREATE INDEX "UnitHold_leadId_idx" ON "UnitHold"("leadId");

-- CreateIndex
CREATE INDEX "UnitHold_holderId_idx" ON "UnitHold"("holderId");

-- CreateIndex
CREATE INDEX "UnitHold_endedById_idx" ON "UnitHold"("endedById");

-- CreateIndex
CREATE INDEX "UnitHold_endReason_endedAt_idx" ON "UnitHold"("endReason", "endedAt");

-- CreateIndex
CREATE INDEX "UnitStatusChange_unitId_changedAt_idx" ON "UnitStatusChange"("unitId", "changedAt");

-- CreateIndex
CREATE INDEX "UnitStatusChange_changedAt_idx" ON "UnitStatusChange"("changedAt");

-- CreateIndex
CREATE INDEX "UnitStatusChange_actorId_idx" ON "UnitStatusChange"("actorId");

-- CreateIndex
CREATE INDEX "ImportJob_parkId_idx" ON "ImportJob"("parkId");

-- CreateIndex
CREATE INDEX "ImportRow_unitId_idx" ON "ImportRow"("unitId");

-- AddForeignKey
ALTER TABLE "ImportJob" ADD CONSTRAINT "ImportJob_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Building" ADD CONSTRAINT "Building_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_buildingId_fkey" FOREIGN KEY ("buildingId") REFERENCES "Building"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_heldById_fkey" FOREIGN KEY ("heldById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitHold" ADD CONSTRAINT "UnitHold_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitHold" ADD CONSTRAINT "UnitHold_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitHold" ADD CONSTRAINT "UnitHold_holderId_fkey" FOREIGN KEY ("holderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitHold" ADD CONSTRAINT "UnitHold_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStatusChange" ADD CONSTRAINT "UnitStatusChange_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UnitStatusChange" ADD CONSTRAINT "UnitStatusChange_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every existing listing becomes a building with one unit, so its area, availability and status now follow
-- from units and nothing typed in is lost. A listing partly taken (0 < availableArea < area) keeps its figure
-- as two units: the free part vacant, the rest signed. RESERVED had no lead on record, so its unit is
-- unavailable (不可租售), which a listing reads back as RESERVED. Ids are derived from the listing's, so the
-- statement is deterministic.
CREATE TEMP TABLE "_listing_building" AS
SELECT l.*,
  'c' || substr(md5(l."id" || ':building'), 1, 24) AS "buildingId",
  row_number() OVER (PARTITION BY l."parkId", left(l."title", 50) ORDER BY l."createdAt", l."id") AS "sameName"
FROM "Listing" l;

INSERT INTO "Building" ("id", "parkId", "name", "nameEn", "kind", "factoryType", "storeys", "structure", "structureEn",
  "floorHeightM", "floorLoadKgPerSqm", "powerKva", "propertyTermYears", "position", "createdAt", "updatedAt")
SELECT b."buildingId", b."parkId",
  left(b."title", 50) || CASE WHEN b."sameName" > 1 THEN '（' || b."sameName" || '）' ELSE '' END,
  left(b."titleEn", 50) || CASE WHEN b."sameName" > 1 THEN ' (' || b."sameName" || ')' ELSE '' END,
  b."kind", b."factoryType", b."storeys", left(b."structure", 60), left(b."structureEn", 60), b."floorHeightM",
  b."floorLoadKgPerSqm", b."powerKva", b."propertyTermYears",
  row_number() OVER (PARTITION BY b."parkId" ORDER BY b."createdAt", b."id"), b."createdAt", CURRENT_TIMESTAMP
FROM "_listing_building" b;

INSERT INTO "Unit" ("id", "buildingId", "parkId", "floor", "number", "area", "areaUnit", "areaSqm", "listPrice",
  "priceUnit", "status", "statusChangedAt", "listingId", "createdAt", "updatedAt")
SELECT 'c' || substr(md5(b."id" || ':unit:' || part.number), 1, 24), b."buildingId", b."parkId", NULL, part.number,
  part.area, b."areaUnit", round(b."areaSqm" * part.area / NULLIF(b."area", 0), 2), b."price", b."priceUnit",
  part.status::"UnitStatus", b."createdAt", b."id", b."createdAt", CURRENT_TIMESTAMP
FROM "_listing_building" b
CROSS JOIN LATERAL (
  SELECT * FROM (VALUES
    ('01',
      CASE WHEN b."status" = 'AVAILABLE' AND b."availableArea" > 0 AND b."availableArea" < b."area"
        THEN b."availableArea" ELSE b."area" END,
      CASE b."status" WHEN 'AVAILABLE' THEN (CASE WHEN b."availableArea" > 0 THEN 'VACANT' ELSE 'SIGNED' END)
        WHEN 'RESERVED' THEN 'UNAVAILABLE' ELSE 'SIGNED' END),
    ('02', b."area" - b."availableArea", 'SIGNED')
  ) AS v(number, area, status)
  WHERE v.number = '01' OR (b."status" = 'AVAILABLE' AND b."availableArea" > 0 AND b."availableArea" < b."area")
) part;

INSERT INTO "UnitStatusChange" ("id", "unitId", "fromStatus", "toStatus", "changedAt")
SELECT 'c' || substr(md5(u."id" || ':status'), 1, 24), u."id", NULL, u."status", u."statusChangedAt"
FROM "Unit" u;
DROP TABLE "_listing_building";
