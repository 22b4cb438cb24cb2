-- The changes list pages by (createdAt, id), newest first, optionally for one service.
-- CreateIndex
CREATE INDEX "ChangeRequest_createdAt_id_idx" ON "ChangeRequest"("createdAt", "id");

-- CreateIndex
CREATE INDEX "ChangeRequest_serviceId_createdAt_id_idx" ON "ChangeRequest"("serviceId", "createdAt", "id");
