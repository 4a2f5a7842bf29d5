import type { BriefEvidence } from './build-brief';
import { STATUS_LABELS } from './format';

/**
 * Where a linked passage is, the way a desk cites it: "¶42, p. 17" in a source; for a claim cited in
 * another article, what was found there ("a claim annotated there, Confirmed"). Empty when nothing is known.
 */
export function evidenceLocation(e: Pick<BriefEvidence, 'paragraph' | 'page' | 'targetAnnotationId' | 'targetStatus'>): string {
  const cited = e.targetAnnotationId ? `a claim annotated there${e.targetStatus ? `, ${STATUS_LABELS[e.targetStatus]}` : ''}` : null;
  return [e.paragraph !== null ? `¶${e.paragraph}` : null, e.page, cited].filter(Boolean).join(', ');
}
