import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { mayReadRow } from '@/lib/assignments/server/read-scope';
import type { Db } from '@/lib/db/server/prisma';
import { articleYearOf } from '@/lib/matching/article-year';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { matchKeysOf } from '@/lib/matching/match-keys';
import { selectQueryKeys } from '@/lib/matching/select-query-keys';
import { keyFrequencies } from '@/lib/matching/server/key-frequencies';
import type { ClaimMatchDto } from '@/lib/matching/matching-dto';
import { rankCandidates } from '@/lib/matching/rank-candidates';
import { findMatchCandidates } from '@/lib/matching/server/find-match-candidates';
import { loadMatchRows } from '@/lib/matching/server/load-match-rows';

/**
 * Claims in other articles asserting the same fact as annotation `id`, best first: candidates
 * found by index in Postgres, re-ranked here by the scorer, filtered to what the actor may read.
 */
export async function getClaimMatches(db: Db, actor: Actor, id: string, { limit = 5 }: { limit?: number } = {}): Promise<ClaimMatchDto[]> {
  const source = await db.annotation.findUnique({ where: { id }, select: { id: true, exact: true, articleId: true, authorId: true, curated: true, deletedAt: true, article: { select: { publishedAt: true } } } });
  if (!source || !(await mayReadRow(db, actor, source))) throw notFound('The annotation');
  const features = { ...extractClaimFeatures(source.exact), articleYear: articleYearOf(source.article.publishedAt) };
  const freq = await keyFrequencies(db);
  const [candidates] = await findMatchCandidates(db, [selectQueryKeys(matchKeysOf(features).keys, freq, { selfIncluded: true })], { excludeArticleId: source.articleId });
  // Rank on the stored features first, then load the API shape of the best few only (two spare in
  // case some turn out unreadable or stale).
  const ranked = rankCandidates(features, candidates.filter((c) => c.id !== id).map((c) => ({ item: c, id: c.id, features: c.features })), { limit: limit + 2 });
  const rows = await loadMatchRows(db, actor, ranked.map((m) => m.item));
  return ranked
    .filter((m) => rows.has(m.id))
    .slice(0, limit)
    .map((m) => ({ ...rows.get(m.id)!, score: Math.round(m.score * 1000) / 1000, reason: m.reason, provenance: rows.get(m.id)!.annotation.provenance }));
}
