-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "samples" JSONB;
