-- CreateIndex
CREATE INDEX "Inquiry_phone_idx" ON "Inquiry"("phone");
