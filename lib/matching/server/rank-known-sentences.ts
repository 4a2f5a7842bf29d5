import 'server-only';
import type { Db } from '@/lib/db/server/prisma';
import { articleYearOf } from '@/lib/matching/article-year';
import { extractClaimFeatures, type ClaimFeatures } from '@/lib/matching/extract-claim-features';
import { matchKeysOf } from '@/lib/matching/match-keys';
import { rankCandidates } from '@/lib/matching/rank-candidates';
import { selectQueryKeys } from '@/lib/matching/select-query-keys';
import { findMatchCandidates } from '@/lib/matching/server/find-match-candidates';
import { keyFrequencies } from '@/lib/matching/server/key-frequencies';
import { segmentSentences } from '@/lib/suggest/segment';

/** Shorter sentences ("Camps and money") carry no checkable claim. */
const MIN_WORDS = 5;
/** Sentences whose candidates one statement reads. */
const SENTENCES_PER_STATEMENT = 25;

type KnownSentence = ReturnType<typeof segmentSentences>[number] & { features: ClaimFeatures };

/** A sentence of the version and the reviewed claim elsewhere that best restates it (id, the text its keys were read from, score, reason). */
export type RankedSentence = { start: number; end: number; text: string; matches: Array<{ id: string; exact: string; score: number; reason: string }> };

// A version's text never changes, so its sentences and their features are kept for the next
// reader of the same article (a few versions per thread).
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
 * The CPU-heavy part of "seen before" for a whole article: every sentence read for figures,
 * entities and terms, one SQL statement for the candidates of all of them, each ranked on the
 * stored features. Pure reads with no actor: what the reader may see is decided by the caller
 * (listKnownClaims). Runs in the heavy-work pool over the thread's own connection when it has one.
 */
export async function rankKnownSentences(db: Db, { articleId, versionId, text }: { articleId: string; versionId: string; text: string }): Promise<RankedSentence[]> {
  const [freq, article] = await Promise.all([keyFrequencies(db), db.article.findUnique({ where: { id: articleId }, select: { publishedAt: true } })]);
  // The cached features are shared between readers; the article's year goes on a copy.
  const articleYear = articleYearOf(article?.publishedAt);
  const sentences = sentencesOf(versionId, text).map((s) => ({ ...s, features: { ...s.features, articleYear } }));
  const queries = sentences.map((s) => selectQueryKeys(matchKeysOf(s.features).keys, freq, { budget: 150 }));
  // Postgres runs one statement on one core: an article's sentences go out in a few statements at
  // once (as many as the client has connections), not all in one.
  const chunks: Array<typeof queries> = [];
  for (let i = 0; i < queries.length; i += SENTENCES_PER_STATEMENT) chunks.push(queries.slice(i, i + SENTENCES_PER_STATEMENT));
  const candidates = (await Promise.all(chunks.map((chunk) => findMatchCandidates(db, chunk, { excludeArticleId: articleId, reviewedOnly: true, limit: 12 })))).flat();
  const out: RankedSentence[] = [];
  sentences.forEach((s, i) => {
    const ranked = rankCandidates(s.features, candidates[i]!.map((c) => ({ item: c, id: c.id, features: c.features })), { limit: 1 });
    if (ranked.length > 0) out.push({ start: s.start, end: s.end, text: s.text, matches: ranked.map((m) => ({ id: m.id, exact: m.item.exact, score: m.score, reason: m.reason })) });
  });
  return out;
}
