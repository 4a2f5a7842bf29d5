import type { Verdict } from '@/lib/core/enums';

export const VERDICT_LABELS: Record<Verdict, string> = {
  AGREE: 'Agree',
  DISPUTE: 'Dispute',
  NEEDS_SOURCE: 'Needs source',
};

/** Past tense, for lists and the timeline: "Rhea agreed". */
export const VERDICT_PAST: Record<Verdict, string> = {
  AGREE: 'agreed',
  DISPUTE: 'disputed',
  NEEDS_SOURCE: 'asked for a source',
};
