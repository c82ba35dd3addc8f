-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Listing" ADD COLUMN     "minSplitArea" DECIMAL(12,2),
ADD COLUMN     "minSplitAreaSqm" DECIMAL(14,2);
