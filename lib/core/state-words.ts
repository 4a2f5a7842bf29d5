// The words for the two kinds of state an annotation has, declared once for every screen and export.
// Review status is the desk's judgement of the claim; anchor state is where its words are in the
// current version. Readers see an anchor state only when it asks something of them (ANCHOR_ATTENTION):
// an exact or merely moved anchor is the normal case, and labelling it drowned the few that need a look.
import type { AnchorState, ReviewStatus, Verdict } from './enums';

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  UNREVIEWED: 'Unreviewed',
  CONFIRMED: 'Confirmed',
  DISPUTED: 'Disputed',
  NEEDS_SOURCE: 'Needs source',
};

export const VERDICT_LABELS: Record<Verdict, string> = {
  AGREE: 'Agree',
  DISPUTE: 'Dispute',
  NEEDS_SOURCE: 'Needs source',
};

/** Every anchor state named, for the versions page, where "moved" is the news. */
export const ANCHOR_STATE_LABELS: Record<AnchorState, string> = {
  exact: 'In place',
  moved: 'Moved',
  fuzzy: 'Check position',
  orphaned: 'Orphaned',
};

/** What the reader and the sidebar say about an anchor: only the states a person has to act on. */
export const ANCHOR_ATTENTION: Record<AnchorState, string | null> = {
  exact: null,
  moved: null,
  fuzzy: 'Check position',
  orphaned: 'Orphaned',
};

/** Why an anchor needs attention, for a tooltip next to its label. */
export const ANCHOR_ATTENTION_HELP: Partial<Record<AnchorState, string>> = {
  fuzzy: 'The text changed in a new version: the closest match is highlighted. Confirm it or fix it.',
  orphaned: 'Its words are no longer in this version of the article.',
};
