-- CreateEnum
CREATE TYPE "SuggestionOutcome" AS ENUM ('ACCEPTED', 'REJECTED', 'RETAGGED');

-- CreateTable
CREATE TABLE "SuggestionFeedback" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "annotationId" TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "outcome" "SuggestionOutcome" NOT NULL,
    "proposedTag" TEXT,
    "finalTag" TEXT,
    "rules" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SuggestionFeedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SuggestionRuleRestore" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "restoredById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionRuleRestore_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionFeedback_annotationId_key" ON "SuggestionFeedback"("annotationId");

-- CreateIndex
CREATE INDEX "SuggestionFeedback_createdAt_idx" ON "SuggestionFeedback"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionFeedback_userId_versionId_start_end_key" ON "SuggestionFeedback"("userId", "versionId", "start", "end");

-- CreateIndex
CREATE INDEX "SuggestionRuleRestore_ruleId_createdAt_idx" ON "SuggestionRuleRestore"("ruleId", "createdAt");

-- AddForeignKey
ALTER TABLE "SuggestionFeedback" ADD CONSTRAINT "SuggestionFeedback_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionFeedback" ADD CONSTRAINT "SuggestionFeedback_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArticleVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionFeedback" ADD CONSTRAINT "SuggestionFeedback_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SuggestionRuleRestore" ADD CONSTRAINT "SuggestionRuleRestore_restoredById_fkey" FOREIGN KEY ("restoredById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

