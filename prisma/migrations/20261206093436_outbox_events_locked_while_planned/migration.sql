-- AlterTable
ALTER TABLE "OutboxEvent" DROP COLUMN "claimedUntil";
