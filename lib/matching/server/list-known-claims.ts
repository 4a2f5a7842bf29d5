import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import { workersHaveDb } from '@/lib/jobs/server/worker-db';
import type { KnownClaimDto } from '@/lib/matching/matching-dto';
import { loadMatchRows } from '@/lib/matching/server/load-match-rows';
import { rankKnownSentences } from '@/lib/matching/server/rank-known-sentences';
import { readableOnArticle } from '@/lib/assignments/server/read-scope';

/**
 * Sentences of the article's current version that restate a claim reviewed (status other than
 * UNREVIEWED) in another article: each with its best match, so the reader can say "checked before:
 * Confirmed in Dawn, 14 Jul". One SQL statement finds candidates for every sentence.
 */
export async function listKnownClaims(db: Db, actor: Actor, articleId: string): Promise<{ versionId: string; known: KnownClaimDto[] }> {
  const version = await db.articleVersion.findFirst({ where: { articleId }, orderBy: { number: 'desc' }, select: { id: true, text: true } });
  if (!version) throw notFound('The article');
  const input = { articleId, versionId: version.id, text: version.text };
  const sentences = workersHaveDb() ? await runHeavy(actor, 'rankKnownClaims', input, { overBudget: knownClaimsOverBudget }) : await rankKnownSentences(db, input);
  const [rows, linked] = await Promise.all([
    loadMatchRows(db, actor, sentences.flatMap((s) => s.matches)),
    readableOnArticle(db, actor, articleId).then((readable) =>
      db.annotation.findMany({ where: { articleId, versionId: version.id, deletedAt: null, matchOfId: { not: null }, ...readable }, select: { id: true, matchOfId: true, start: true, end: true } }),
    ),
  ]);
  const known: KnownClaimDto[] = [];
  sentences.forEach((s) => {
    // Reviewed when the keys were read; the loaded row has the status as it is now.
    const best = s.matches.find((m) => rows.get(m.id) && rows.get(m.id)!.annotation.status !== 'UNREVIEWED');
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

/** 422: an article too long to compare with the library within one request's budget. */
function knownClaimsOverBudget(budgetMs: number): AppError {
  return new AppError('unprocessable', `Comparing this article with the claims checked before needs more than ${budgetMs / 1000} s of work, the limit for one request.`, {
    reason: 'work_budget',
    budgetMs,
  });
}
