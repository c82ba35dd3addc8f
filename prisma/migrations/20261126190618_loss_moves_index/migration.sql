-- DropIndex
DROP INDEX "StageChange_toKey_changedAt_idx";

-- CreateIndex
CREATE INDEX "StageChange_toKey_changedAt_leadId_fromKey_lostReasonKey_idx" ON "StageChange"("toKey", "changedAt", "leadId", "fromKey", "lostReasonKey");
