import 'server-only';
import type { AnchorTarget } from '@/lib/anchoring';
import { versionOverBudget } from '@/lib/articles/server/version-over-budget';
import type { Actor } from '@/lib/core/actor';
import type { Write } from '@/lib/db/server/run-write';
import { runHeavy } from '@/lib/jobs/server/run-heavy';
import { evidenceDtoSelect, toEvidenceDto } from '@/lib/provenance/evidence-dto';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { paragraphNumbering } from '@/lib/provenance/paragraph-number';

/**
 * Moves the passages linked in a document onto its new version with the annotations' anchoring code
 * (same states: exact / moved / fuzzy / orphaned; an orphan keeps its old quote and is never attached
 * to other words). Runs inside the new version's write; each change is in the claim's history and
 * reaches the claim's viewers. The placing runs in the heavy-work pool like the annotations'. Returns
 * how many links were orphaned.
 */
export async function reanchorEvidence({ tx, audit, live }: Write, actor: Pick<Actor, 'id'>, documentId: string, version: { id: string; text: string; doc: TiptapNode }, previousText: string): Promise<{ moved: number; orphaned: number }> {
  const links = await tx.evidence.findMany({
    where: { documentId, deletedAt: null, targetAnnotationId: null, exact: { not: null } },
    select: { id: true, annotationId: true, exact: true, prefix: true, suffix: true, start: true, end: true, anchorState: true, versionId: true, annotation: { select: { articleId: true } } },
  });
  if (links.length === 0) return { moved: 0, orphaned: 0 };
  const targets: AnchorTarget[] = links.map((l) => ({ exact: l.exact!, prefix: l.prefix ?? '', suffix: l.suffix ?? '', start: l.start ?? 0, end: l.end ?? 0 }));
  const placed = await runHeavy(actor, 'placeVersion', { targets, text: version.text, previousText }, { overBudget: versionOverBudget });
  const paragraphAt = paragraphNumbering(version.text, version.doc);
  let orphaned = 0;
  for (const [i, link] of links.entries()) {
    const r = placed[i]!;
    const before = { start: link.start, end: link.end, exact: link.exact, anchorState: link.anchorState, versionId: link.versionId };
    // An orphan keeps its old quote and context (placeOnVersion clamps its offsets into the new text).
    // An orphan is cited nowhere in the new text: no paragraph. A placed passage is cited by the new text's numbering.
    const after =
      r.state === 'orphaned'
        ? { start: r.start, end: r.end, exact: link.exact, anchorState: 'orphaned' as const, paragraph: null }
        : { start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix, anchorState: r.state, paragraph: paragraphAt(r.start) };
    if (r.state === 'orphaned') orphaned++;
    const row = await tx.evidence.update({ where: { id: link.id }, data: { ...after, versionId: version.id, revision: { increment: 1 } }, select: evidenceDtoSelect });
    await audit({ annotationId: link.annotationId, action: 'evidence_reanchored', before: { evidenceId: link.id, ...before }, after: { evidenceId: link.id, start: after.start, end: after.end, exact: after.exact, anchorState: after.anchorState, versionId: version.id, score: r.score } });
    live({ type: 'evidence.updated', articleId: link.annotation.articleId, annotationId: link.annotationId, evidence: toEvidenceDto(row) });
  }
  return { moved: links.length - orphaned, orphaned };
}
