-- AlterTable
ALTER TABLE "Task" ADD COLUMN "deadlineDay" INTEGER;
ALTER TABLE "Task" ADD COLUMN "deadlineEveryYears" INTEGER;
ALTER TABLE "Task" ADD COLUMN "deadlineMonth" INTEGER;
