-- DropIndex
DROP INDEX "Delivery_userId_idx";

-- DropIndex
DROP INDEX "OutboxEvent_leadId_idx";
