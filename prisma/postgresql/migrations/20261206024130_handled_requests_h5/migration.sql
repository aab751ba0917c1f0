-- CreateTable
CREATE TABLE "HandledRequest" (
    "key" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HandledRequest_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "HandledRequest_createdAt_idx" ON "HandledRequest"("createdAt");
