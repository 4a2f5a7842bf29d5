import type { BriefEvidence } from './build-brief';

/** Where in its source a linked passage is, the way a desk cites it: "¶42, p. 17" (empty when nothing is known). */
export function evidenceLocation(e: Pick<BriefEvidence, 'paragraph' | 'page' | 'targetAnnotationId'>): string {
  return [e.paragraph !== null ? `¶${e.paragraph}` : null, e.page, e.targetAnnotationId ? 'a claim annotated there' : null].filter(Boolean).join(', ');
}
