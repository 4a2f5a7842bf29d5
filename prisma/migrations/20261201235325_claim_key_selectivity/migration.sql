-- AlterTable
ALTER TABLE "ClaimKey" ADD COLUMN     "features" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "live" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reviewed" BOOLEAN NOT NULL DEFAULT false;


-- Candidates are found by rare keys alone (lib/matching/select-query-keys.ts): words join the
-- keys, and the trigram index the first matching migration made is no longer read.
DROP INDEX IF EXISTS "ClaimKey_terms_trgm_idx";
DROP INDEX IF EXISTS "ClaimKey_keys_gin_idx";
CREATE INDEX "ClaimKey_keys_live_gin_idx" ON "ClaimKey" USING GIN ("keys") WHERE "live";
CREATE INDEX "ClaimKey_keys_reviewed_gin_idx" ON "ClaimKey" USING GIN ("keys") WHERE "live" AND "reviewed";

-- Keys of existing annotations: what they were.
UPDATE "ClaimKey" k SET "reviewed" = (a.status <> 'UNREVIEWED'), "live" = (a."deletedAt" IS NULL)
  FROM "Annotation" a WHERE a.id = k."annotationId";
-- Old keys lack the word keys: recomputed by the backfill after migrating (its freshness test is the text).
UPDATE "ClaimKey" SET "exact" = '';

-- Reviews change an annotation's status and deletes its deletedAt in several domain functions;
-- one trigger keeps the copies here right whichever of them writes.
CREATE FUNCTION claim_key_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ClaimKey" SET "reviewed" = (NEW.status <> 'UNREVIEWED'), "live" = (NEW."deletedAt" IS NULL)
   WHERE "annotationId" = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER "Annotation_claim_key_sync" AFTER UPDATE OF status, "deletedAt" ON "Annotation"
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION claim_key_sync();
