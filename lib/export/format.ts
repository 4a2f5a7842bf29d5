// Small display helpers shared by the renderers, so every format words things the same way.
import type { Confidence, Grade } from './brief-input';

/** NATO/Admiralty style grade, e.g. "B2"; "?" stands in for the half that is missing. */
export function gradeLabel(grade: Grade): string | null {
  if (grade.reliability === null && grade.credibility === null) return null;
  return `${grade.reliability ?? '?'}${grade.credibility ?? '?'}`;
}

export { REVIEW_STATUS_LABELS as STATUS_LABELS, VERDICT_LABELS } from '@/lib/core/state-words';

export const CONFIDENCE_LABELS: Record<Confidence, string> = { low: 'Low', medium: 'Medium', high: 'High' };

// UTC keeps exports identical whichever server renders them.
export function formatDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function formatDateTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Filename-safe slug of a title, for Content-Disposition. */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'brief';
}
