import type { VerdictValue } from '@/lib/client/review-api';

export const VERDICT_LABELS: Record<VerdictValue, string> = {
  AGREE: 'Agree',
  DISPUTE: 'Dispute',
  NEEDS_SOURCE: 'Needs source',
};

/** Past tense, for lists and the timeline: "Rhea agreed". */
export const VERDICT_PAST: Record<VerdictValue, string> = {
  AGREE: 'agreed',
  DISPUTE: 'disputed',
  NEEDS_SOURCE: 'asked for a source',
};
