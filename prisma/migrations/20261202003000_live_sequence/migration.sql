-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "liveSeq" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "LiveSequence" (
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LiveSequence_pkey" PRIMARY KEY ("articleId")
);

-- CreateTable
CREATE TABLE "LiveEvent" (
    "articleId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEvent_pkey" PRIMARY KEY ("articleId","seq")
);

-- CreateIndex
CREATE INDEX "Annotation_articleId_liveSeq_idx" ON "Annotation"("articleId", "liveSeq");

-- AddForeignKey
ALTER TABLE "LiveSequence" ADD CONSTRAINT "LiveSequence_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveEvent" ADD CONSTRAINT "LiveEvent_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

