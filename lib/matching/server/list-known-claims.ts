import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { extractClaimFeatures, type ClaimFeatures } from '@/lib/matching/extract-claim-features';
import { matchKeysOf } from '@/lib/matching/match-keys';
import { selectQueryKeys } from '@/lib/matching/select-query-keys';
import { keyFrequencies } from '@/lib/matching/server/key-frequencies';
import type { KnownClaimDto } from '@/lib/matching/matching-dto';
import { rankCandidates } from '@/lib/matching/rank-candidates';
import { findMatchCandidates } from '@/lib/matching/server/find-match-candidates';
import { loadMatchRows } from '@/lib/matching/server/load-match-rows';
import { segmentSentences } from '@/lib/suggest/segment';
import { readableOnArticle } from '@/lib/assignments/server/read-scope';

/** Shorter sentences ("Camps and money") carry no checkable claim. */
const MIN_WORDS = 5;

type KnownSentence = ReturnType<typeof segmentSentences>[number] & { features: ClaimFeatures };

// A version's text never changes, so its sentences and their features are kept for the next
// reader of the same article (a few versions per process).
const sentenceCache = new Map<string, KnownSentence[]>();
const SENTENCE_CACHE_SIZE = 32;

function sentencesOf(versionId: string, text: string): KnownSentence[] {
  const hit = sentenceCache.get(versionId);
  if (hit) return hit;
  const sentences = segmentSentences(text)
    .filter((s) => s.blockKind !== 'heading' && s.text.split(/\s+/).length >= MIN_WORDS)
    .map((s) => ({ ...s, features: extractClaimFeatures(s.text) }));
  if (sentenceCache.size >= SENTENCE_CACHE_SIZE) sentenceCache.delete(sentenceCache.keys().next().value!);
  sentenceCache.set(versionId, sentences);
  return sentences;
}

/**
 * Sentences of the article's current version that restate a claim reviewed (status other than
 * UNREVIEWED) in another article: each with its best match, so the reader can say "checked before:
 * Confirmed in Dawn, 14 Jul". One SQL statement finds candidates for every sentence.
 */
export async function listKnownClaims(db: Db, actor: Actor, articleId: string): Promise<{ versionId: string; known: KnownClaimDto[] }> {
  const version = await db.articleVersion.findFirst({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, text: true } });
  if (!version) throw notFound('The article');
  const sentences = sentencesOf(version.id, version.text);
  const freq = await keyFrequencies(db);
  const candidates = await findMatchCandidates(
    db,
    sentences.map((s) => selectQueryKeys(matchKeysOf(s.features).keys, freq, { budget: 150 })),
    { excludeArticleId: articleId, reviewedOnly: true, limit: 12 },
  );
  // Best candidates per sentence on the stored features; the API shape is loaded for those only.
  const ranked = sentences.map((s, i) => rankCandidates(s.features, candidates[i].map((c) => ({ item: c, id: c.id, features: c.features })), { limit: 1 }));
  const [rows, linked] = await Promise.all([
    loadMatchRows(db, actor, ranked.flat().map((m) => m.item)),
    readableOnArticle(db, actor, articleId).then((readable) =>
      db.annotation.findMany({ where: { articleId, versionId: version.id, deletedAt: null, matchOfId: { not: null }, ...readable }, select: { id: true, matchOfId: true, start: true, end: true } }),
    ),
  ]);
  const known: KnownClaimDto[] = [];
  sentences.forEach((s, i) => {
    // Reviewed when the keys were read; the loaded row has the status as it is now.
    const best = ranked[i].find((m) => rows.get(m.id) && rows.get(m.id)!.annotation.status !== 'UNREVIEWED');
    if (!best) return;
    const row = rows.get(best.id)!;
    const link = linked.find((a) => a.matchOfId === best.id && a.start < s.end && a.end > s.start);
    known.push({
      start: s.start,
      end: s.end,
      exact: s.text,
      match: { ...row, score: Math.round(best.score * 1000) / 1000, reason: best.reason, provenance: row.annotation.provenance },
      linkedAnnotationId: link?.id ?? null,
    });
  });
  return { versionId: version.id, known };
}
