-- CreateTable
CREATE TABLE "ReportEvidence" (
    "id" SERIAL NOT NULL,
    "revisionId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "memberId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReportEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReportEvidence_storageKey_key" ON "ReportEvidence"("storageKey");

-- CreateIndex
CREATE INDEX "ReportEvidence_taskId_idx" ON "ReportEvidence"("taskId");

-- AddForeignKey
ALTER TABLE "ReportEvidence" ADD CONSTRAINT "ReportEvidence_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "StatusReportRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
