import 'server-only';
import type { Write } from '@/lib/db/server/run-write';
import { LIVE_EVIDENCE } from '@/lib/provenance/live-evidence';

/**
 * Who reads what on the article changed (blind mode, assignees, a submission, a reopening). Its own
 * viewers reload their scope (`access.changed`). Claims in other articles whose evidence cites this
 * article's annotations change too for some of their viewers — a claim's provenance counts only the
 * links a viewer may read — so each such claim is announced in its own article, where every viewer's
 * stream sends its own copy (lib/live/server/viewer-copies.ts) and the chip follows without a reload.
 */
export async function announceAccessChange(w: Write, articleId: string): Promise<void> {
  w.live({ type: 'access.changed', articleId });
  const citing = await w.tx.evidence.findMany({
    where: { ...LIVE_EVIDENCE, targetAnnotation: { articleId }, annotation: { deletedAt: null } },
    select: { annotationId: true, annotation: { select: { articleId: true } } },
    distinct: ['annotationId'],
    orderBy: { annotationId: 'asc' },
  });
  for (const c of citing) w.live({ type: 'annotation.updated', articleId: c.annotation.articleId, annotationId: c.annotationId });
}
