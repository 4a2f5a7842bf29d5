import 'server-only';
import { AppError, notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import type { PassageProposal } from '@/lib/provenance/propose-passages';
import { readableClaim } from '@/lib/provenance/server/readable-claim';

/**
 * The 5 passages of a document's current version most likely to be the claim's, for the readable
 * claim. Scored in the heavy-work pool: reading a long source would hold the request thread.
 */
export async function proposeEvidencePassages(db: Db, actor: Actor, annotationId: string, documentId: string): Promise<{ proposals: PassageProposal[]; versionId: string }> {
  const claim = await readableClaim(db, actor, annotationId);
  const [row, version] = await Promise.all([
    db.annotation.findUniqueOrThrow({ where: { id: claim.id }, select: { exact: true } }),
    db.articleVersion.findFirst({ where: { articleId: documentId }, orderBy: { number: 'desc' }, select: { id: true, text: true } }),
  ]);
  if (!version) throw notFound('The document');
  const proposals = await runHeavy(actor, 'proposePassages', { claim: row.exact, sourceText: version.text }, { overBudget: proposalsOverBudget });
  return { proposals, versionId: version.id };
}

/** 422: a source too long to search within one request's budget. */
function proposalsOverBudget(budgetMs: number): AppError {
  return new AppError(
    'unprocessable',
    `Searching this source for the claim needs more than ${budgetMs / 1000} s of work, the limit for one request. Select the passage by hand.`,
    { reason: 'work_budget', budgetMs },
  );
}
