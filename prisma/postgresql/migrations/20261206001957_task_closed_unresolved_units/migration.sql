-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "unresolvedUnits" TEXT;
