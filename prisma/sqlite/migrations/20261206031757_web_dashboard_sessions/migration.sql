-- CreateTable
CREATE TABLE "WebSignInLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" INTEGER NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" INTEGER NOT NULL,
    "csrf" TEXT NOT NULL,
    "locale" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WebSigningKey" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "secret" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "WebPlanUpload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "bytes" BLOB NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "issuedOn" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "WebSignInLink_memberId_idx" ON "WebSignInLink"("memberId");

-- CreateIndex
CREATE INDEX "WebSession_memberId_idx" ON "WebSession"("memberId");

-- CreateIndex
CREATE INDEX "WebPlanUpload_memberId_idx" ON "WebPlanUpload"("memberId");
