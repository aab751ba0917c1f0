-- CreateTable
CREATE TABLE "WebSignInLink" (
    "id" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebSignInLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebSession" (
    "id" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "csrf" TEXT NOT NULL,
    "locale" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebSigningKey" (
    "id" INTEGER NOT NULL,
    "secret" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebSigningKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebPlanUpload" (
    "id" TEXT NOT NULL,
    "memberId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "issuedOn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebPlanUpload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebSignInLink_memberId_idx" ON "WebSignInLink"("memberId");

-- CreateIndex
CREATE INDEX "WebSession_memberId_idx" ON "WebSession"("memberId");

-- CreateIndex
CREATE INDEX "WebPlanUpload_memberId_idx" ON "WebPlanUpload"("memberId");
