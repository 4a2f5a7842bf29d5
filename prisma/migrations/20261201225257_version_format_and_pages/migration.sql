-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN     "format" TEXT,
ADD COLUMN     "pages" JSONB;

