-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "paragraph" INTEGER;

