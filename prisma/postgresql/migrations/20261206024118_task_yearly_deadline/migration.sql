-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "deadlineDay" INTEGER,
ADD COLUMN     "deadlineEveryYears" INTEGER,
ADD COLUMN     "deadlineMonth" INTEGER;
