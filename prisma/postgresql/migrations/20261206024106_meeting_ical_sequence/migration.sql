-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "sequence" INTEGER NOT NULL DEFAULT 0;
