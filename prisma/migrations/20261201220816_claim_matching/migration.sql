-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "matchOfId" TEXT;

-- CreateTable
CREATE TABLE "ClaimKey" (
    "annotationId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "exact" TEXT NOT NULL,
    "keys" TEXT[],
    "terms" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ClaimKey_pkey" PRIMARY KEY ("annotationId")
);

-- CreateIndex
CREATE INDEX "ClaimKey_articleId_idx" ON "ClaimKey"("articleId");

-- CreateIndex
CREATE INDEX "Annotation_matchOfId_idx" ON "Annotation"("matchOfId");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_matchOfId_fkey" FOREIGN KEY ("matchOfId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimKey" ADD CONSTRAINT "ClaimKey_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Claim matching's indexes, which schema.prisma cannot express: pg_trgm for the wording, GIN for
-- the entity/figure/year keys (lib/matching/match-keys.ts). The embedded database loads PGlite's
-- pg_trgm contrib extension for this (lib/db/embedded-postgres.mjs).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "ClaimKey_keys_gin_idx" ON "ClaimKey" USING GIN ("keys");
CREATE INDEX "ClaimKey_terms_trgm_idx" ON "ClaimKey" USING GIN ("terms" gin_trgm_ops);
