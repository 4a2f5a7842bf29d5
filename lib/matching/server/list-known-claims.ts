import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { extractClaimFeatures, type ClaimFeatures } from '@/lib/matching/extract-claim-features';
import { figureKeysOf, matchKeysOf } from '@/lib/matching/match-keys';
import type { KnownClaimDto } from '@/lib/matching/matching-dto';
import { rankCandidates } from '@/lib/matching/rank-candidates';
import { findMatchCandidates } from '@/lib/matching/server/find-match-candidates';
import { loadMatchRows } from '@/lib/matching/server/load-match-rows';
import { segmentSentences } from '@/lib/suggest/segment';

/** Shorter sentences ("Camps and money") carry no checkable claim. */
const MIN_WORDS = 5;

/**
 * Sentences of the article's current version that restate a claim reviewed (status other than
 * UNREVIEWED) in another article: each with its best match, so the reader can say "checked before:
 * Confirmed in Dawn, 14 Jul". One SQL statement finds candidates for every sentence.
 */
export async function listKnownClaims(db: Db, actor: Actor, articleId: string): Promise<{ versionId: string; known: KnownClaimDto[] }> {
  const version = await db.articleVersion.findFirst({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, text: true } });
  if (!version) throw notFound('The article');
  const sentences = segmentSentences(version.text)
    .filter((s) => s.blockKind !== 'heading' && s.text.split(/\s+/).length >= MIN_WORDS)
    .map((s) => ({ ...s, features: extractClaimFeatures(s.text) }));
  const candidateIds = await findMatchCandidates(
    db,
    sentences.map((s) => ({ figureKeys: figureKeysOf(s.features).filter((k) => !k.startsWith('y:')), terms: matchKeysOf(s.features).terms })),
    { excludeArticleId: articleId, reviewedOnly: true, perRoute: 12 },
  );
  const [rows, linked] = await Promise.all([
    loadMatchRows(db, actor, [...new Set(candidateIds.flat())]),
    db.annotation.findMany({ where: { articleId, versionId: version.id, deletedAt: null, matchOfId: { not: null } }, select: { id: true, matchOfId: true, start: true, end: true } }),
  ]);
  const featuresOf = new Map<string, ClaimFeatures>();
  for (const [id, row] of rows) featuresOf.set(id, extractClaimFeatures(row.annotation.target.exact));
  const known: KnownClaimDto[] = [];
  sentences.forEach((s, i) => {
    const candidates = candidateIds[i].flatMap((id) => {
      const row = rows.get(id);
      return row && row.annotation.status !== 'UNREVIEWED' ? [{ item: row, id, features: featuresOf.get(id)! }] : [];
    });
    const [best] = rankCandidates(s.features, candidates, { limit: 1 });
    if (!best) return;
    const link = linked.find((a) => a.matchOfId === best.id && a.start < s.end && a.end > s.start);
    known.push({
      start: s.start,
      end: s.end,
      exact: s.text,
      match: { annotation: best.item.annotation, article: best.item.article, score: Math.round(best.score * 1000) / 1000, reason: best.reason, provenance: null },
      linkedAnnotationId: link?.id ?? null,
    });
  });
  return { versionId: version.id, known };
}
