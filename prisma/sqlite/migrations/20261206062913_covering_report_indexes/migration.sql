-- DropIndex
DROP INDEX "StatusReport_periodId_status_idx";

-- DropIndex
DROP INDEX "StatusReport_taskId_unitId_status_idx";

-- CreateIndex
CREATE INDEX "StatusReport_periodId_status_taskId_unitId_idx" ON "StatusReport"("periodId", "status", "taskId", "unitId");

-- CreateIndex
CREATE INDEX "StatusReport_taskId_unitId_status_periodId_idx" ON "StatusReport"("taskId", "unitId", "status", "periodId");
