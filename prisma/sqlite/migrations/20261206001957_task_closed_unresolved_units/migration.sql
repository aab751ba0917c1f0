-- AlterTable
ALTER TABLE "Task" ADD COLUMN "closedAt" DATETIME;
ALTER TABLE "Task" ADD COLUMN "unresolvedUnits" TEXT;
