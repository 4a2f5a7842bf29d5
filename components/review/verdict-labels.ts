import type { Verdict } from '@/lib/core/enums';

export { VERDICT_LABELS } from '@/lib/core/state-words';

/** Past tense, for lists and the timeline: "Rhea agreed". */
export const VERDICT_PAST: Record<Verdict, string> = {
  AGREE: 'agreed',
  DISPUTE: 'disputed',
  NEEDS_SOURCE: 'asked for a source',
};
