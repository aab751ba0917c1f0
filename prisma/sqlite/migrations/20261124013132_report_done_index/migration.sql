-- CreateIndex
CREATE INDEX "StatusReport_taskId_unitId_status_idx" ON "StatusReport"("taskId", "unitId", "status");
