import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Actor } from '@/lib/core/actor';
import type { Db } from '@/lib/db/server/prisma';
import { proposePassages, type PassageProposal } from '@/lib/provenance/propose-passages';
import { readableClaim } from '@/lib/provenance/server/readable-claim';

/** The 5 passages of a document's current version most likely to be the claim's, for the readable claim. */
export async function proposeEvidencePassages(db: Db, actor: Actor, annotationId: string, documentId: string): Promise<{ proposals: PassageProposal[]; versionId: string }> {
  const claim = await readableClaim(db, actor, annotationId);
  const [row, version] = await Promise.all([
    db.annotation.findUniqueOrThrow({ where: { id: claim.id }, select: { exact: true } }),
    db.articleVersion.findFirst({ where: { articleId: documentId }, orderBy: { number: 'desc' }, select: { id: true, text: true } }),
  ]);
  if (!version) throw notFound('The document');
  return { proposals: proposePassages(row.exact, version.text), versionId: version.id };
}
