-- CreateTable
CREATE TABLE "HandledRequest" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "actor" TEXT NOT NULL,
    "outcome" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "HandledRequest_createdAt_idx" ON "HandledRequest"("createdAt");
