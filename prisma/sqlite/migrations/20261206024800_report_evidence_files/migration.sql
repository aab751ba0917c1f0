-- CreateTable
CREATE TABLE "ReportEvidence" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "revisionId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReportEvidence_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "StatusReportRevision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportEvidence_storageKey_key" ON "ReportEvidence"("storageKey");

-- CreateIndex
CREATE INDEX "ReportEvidence_taskId_idx" ON "ReportEvidence"("taskId");
