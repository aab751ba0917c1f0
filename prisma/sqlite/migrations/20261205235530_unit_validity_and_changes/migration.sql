-- DropIndex
DROP INDEX "UnitAlias_folded_key";

-- DropIndex
DROP INDEX "UnitAlias_unitId_idx";

-- AlterTable
ALTER TABLE "Unit" ADD COLUMN "source" TEXT;
ALTER TABLE "Unit" ADD COLUMN "territory" TEXT;
ALTER TABLE "Unit" ADD COLUMN "validFrom" TEXT;
ALTER TABLE "Unit" ADD COLUMN "validTo" TEXT;

-- CreateTable
CREATE TABLE "UnitChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "on" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromUnitId" INTEGER NOT NULL,
    "toUnitId" INTEGER,
    "decision" TEXT NOT NULL,
    "source" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "UnitChange_fromUnitId_fkey" FOREIGN KEY ("fromUnitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "UnitChange_toUnitId_fkey" FOREIGN KEY ("toUnitId") REFERENCES "Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "UnitChange_toUnitId_idx" ON "UnitChange"("toUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "UnitChange_fromUnitId_toUnitId_key" ON "UnitChange"("fromUnitId", "toUnitId");

-- CreateIndex
CREATE INDEX "UnitAlias_folded_idx" ON "UnitAlias"("folded");

-- CreateIndex
CREATE UNIQUE INDEX "UnitAlias_unitId_folded_key" ON "UnitAlias"("unitId", "folded");
