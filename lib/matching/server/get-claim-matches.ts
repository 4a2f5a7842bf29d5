import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import { canReadAnnotation } from '@/lib/core/permissions';
import type { Db } from '@/lib/db/server/prisma';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { figureKeysOf, matchKeysOf } from '@/lib/matching/match-keys';
import type { ClaimMatchDto } from '@/lib/matching/matching-dto';
import { rankCandidates } from '@/lib/matching/rank-candidates';
import { findMatchCandidates } from '@/lib/matching/server/find-match-candidates';
import { loadMatchRows } from '@/lib/matching/server/load-match-rows';

/**
 * Claims in other articles asserting the same fact as annotation `id`, best first: candidates
 * found by index in Postgres, re-ranked here by the scorer, filtered to what the actor may read.
 */
export async function getClaimMatches(db: Db, actor: Actor, id: string, { limit = 5 }: { limit?: number } = {}): Promise<ClaimMatchDto[]> {
  const source = await db.annotation.findUnique({ where: { id }, select: { id: true, exact: true, articleId: true, authorId: true, deletedAt: true } });
  if (!source || !canReadAnnotation(actor, source).ok) throw notFound('The annotation');
  const features = extractClaimFeatures(source.exact);
  const [candidateIds] = await findMatchCandidates(db, [{ figureKeys: figureKeysOf(features).filter((k) => !k.startsWith('y:')), terms: matchKeysOf(features).terms }], {
    excludeArticleId: source.articleId,
  });
  const rows = await loadMatchRows(db, actor, candidateIds.filter((c) => c !== id));
  const candidates = [...rows.values()].map((row) => ({ item: row, id: row.annotation.id, features: extractClaimFeatures(row.annotation.target.exact) }));
  return rankCandidates(features, candidates, { limit }).map((m) => ({
    annotation: m.item.annotation,
    article: m.item.article,
    score: Math.round(m.score * 1000) / 1000,
    reason: m.reason,
    provenance: null,
  }));
}
