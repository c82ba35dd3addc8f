-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "fundingDays" DATE[],
ADD COLUMN     "fundingRunning" DECIMAL(18,4)[],
ADD COLUMN     "milestoneActuals" DATE[],
ADD COLUMN     "milestonePlanSince" TIMESTAMP(3)[],
ADD COLUMN     "milestonePlans" DATE[],
ADD COLUMN     "scheduleDays" DATE[],
ADD COLUMN     "scheduleRunning" DECIMAL(18,4)[];
