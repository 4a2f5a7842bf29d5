import {
  codePointsOf,
  editDistance,
  prefixAdjacent,
  prefixSimilarity,
  searchApprox,
  suffixAdjacent,
  suffixSimilarity,
  type ApproxMatch,
} from '@/lib/anchoring/compare-text';
import { buildOffsetMap, type OffsetMap } from '@/lib/anchoring/offset-map';
import type { AnchorTarget } from '@/lib/anchoring/selectors';
import { findTypographic } from '@/lib/anchoring/find-typographic';
import { lastAtOrBefore } from '@/lib/anchoring/search-sorted';
import { isWhitespace, typographicCodePoints } from '@/lib/anchoring/typographic-code-points';
import type { AnchorState } from '@/lib/core/enums';

export type { AnchorState };

/** Where an annotation lands in a new text. Offsets always satisfy 0 <= start <= end <= text.length. */
export type ReanchorResult = {
  start: number;
  end: number;
  state: AnchorState;
  /** 0..1 confidence in the range (quote, context and position agreement); 0 when orphaned. */
  score: number;
};

export type ReanchorOptions = {
  /** Overrides MIN_QUOTE_SIMILARITY (tests use it to show what a laxer floor would do). */
  minQuoteSimilarity?: number;
  /**
   * The text the targets' offsets were taken on (the previous version). With it, a diff maps
   * unchanged passages in one pass and tells an edit in place from other passages that were
   * already in the text; targets not described on it (quote and context at their offset, e.g.
   * an orphan's stale offsets) are searched without it.
   */
  previousText?: string;
};

/**
 * A fuzzy match must keep at least this share of the quote (1 - edits / quote length, in code
 * points). Light copy-edits (a changed word, punctuation, a typo fix) stay well above it, while
 * text that merely shares vocabulary with a deleted passage stays below: see reanchor.test.ts.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;
/**
 * In place — the quote's stored context still on both sides of it — a short quote (a name, a
 * word) may keep this little of itself: "Ali" corrected to "Aly" is the same claim, and a person
 * confirms it. A number corrected in place ("450" → "520") is accepted at any similarity, for
 * the same reason: it is exactly what a fact-checker needs to see, marked fuzzy for review.
 */
export const MIN_IN_PLACE_SIMILARITY = 0.5;

// Hypothesis' match-quote weights: the quote dominates, context breaks ties, position last.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT;

/** Approximate search allows at most this many edits (a Myers search costs O(errors / 32 · n)). */
const MAX_ERRORS_CAP = 256;
/**
 * Longer quotes only re-anchor exactly: near a match Myers' search costs O(length² / 32),
 * seconds for a 100k-character quote, and a claim that long is not a copy-edit case anyway.
 */
export const MAX_FUZZY_QUOTE_LENGTH = 10_000;
/** Context beyond this many characters next to the quote is ignored when scoring. */
const MAX_CONTEXT = 64;
/** Candidates scored in full; beyond this a cheap pre-selection keeps pathological inputs linear. */
const MAX_SCORED = 64;
/**
 * A short quote (a name, a figure) occurs by chance elsewhere; off its old position it must
 * also bring at least half of its context along.
 */
const SHORT_QUOTE_LENGTH = 32;
const SHORT_QUOTE_MIN_CONTEXT = 0.5;
/** Characters of stored context that must sit right next to a candidate for that side to count as intact. */
const ADJACENT = 8;
/** Context agreement on each side that, with both neighbours intact, makes a candidate "in place". */
const IN_PLACE_MIN_CONTEXT = 0.75;
/** Characters of stored context searched verbatim to find where the quote's neighbours are now. */
const PROBE = 12;
/** At most this many context brackets are tried per quote. */
const MAX_BRACKETS = 8;
/**
 * A quote found in new text elsewhere (a moved passage), or in a rewritten passage, must bring
 * its old neighbourhood along on one side: up to WIDE_CONTEXT characters of its paragraph in the
 * previous text, the nearest ADJACENT verbatim and the whole at least MOVED_CONTEXT_SIMILARITY
 * alike (an edit or two inside the moved paragraph allowed). New sentences built from the same
 * phrases ("…, and Mariam Nouri warned that …") match a 32-character context by chance, not this.
 * Quotes of MOVED_FREE_LENGTH or more are their own evidence (a passage moved whole).
 */
const WIDE_CONTEXT = 96;
/** A side of the neighbourhood shorter than this (the quote at a paragraph's edge) proves nothing. */
const MIN_WIDE_CONTEXT = 16;
const MOVED_CONTEXT_SIMILARITY = 0.95;
const MOVED_FREE_LENGTH = 160;
/**
 * With a diff, a quote whose surroundings (this far on each side) kept less than this share of
 * their text sits in a rewritten passage: only its exact words re-anchor there. Copy-edits keep
 * far more; two unrelated texts share only scattered common words.
 */
const REWRITE_REACH = 256;
const MIN_KEPT_SHARE = 0.5;
/** Characters compared after (before) a look-alike to tell that it sits inside the old context. */
const OWN_CONTEXT_PROBE = 6;
/**
 * Two acceptable exact copies whose scores (context, position) differ by less than this are
 * ambiguous: about a quarter of the context's weight in the score.
 */
const AMBIGUOUS_MARGIN = 0.1;
/** Context agreement on each side that marks a candidate as the quote's own place (see Scored.place). */
const PLACE_CONTEXT = 0.9;
const AMBIGUOUS = Symbol('ambiguous');
/**
 * With a diff, a sentence reworded around a quote that stays ("…, Durrani said, adding: "We are
 * ready to talk."") keeps the same words in the same place: the quote's characters kept whole by
 * the diff, or its one exact copy in the text that replaced its own passage (a paragraph reworded
 * beyond word-diffing) while the neighbourhood survived (not `rewritten`). A lone figure or word
 * there can be chance (the diff pairing common tokens, a new sentence reusing "2025"), so this
 * needs a phrase: at least KEPT_MIN_WORDS words and KEPT_MIN_LENGTH code points.
 */
const KEPT_MIN_WORDS = 2;
const KEPT_MIN_LENGTH = 12;
/**
 * A sentence moved on its own (to another paragraph) brings no neighbourhood along. Its exact
 * words still identify it when they are a sentence, not a stock phrase: at least this many words
 * and code points, and the only copy in the previous text and in the new one; and only when the
 * place it left was edited, not rewritten (in a rewritten article a shared phrase is chance).
 */
const UNIQUE_MOVE_MIN_WORDS = 6;
const UNIQUE_MOVE_MIN_LENGTH = 40;
/** A whole line moved (a list item re-ordered) needs fewer: the line's edges are evidence too (see `uniqueLine`). */
const UNIQUE_LINE_MIN_WORDS = 3;
const UNIQUE_LINE_MIN_LENGTH = 16;
/**
 * Without a diff (a W3C import onto an edited text) the stored context is the only evidence of
 * place: nothing tells a deleted passage from a moved one. An exact copy away from the stored
 * offset must agree with one side of it — its nearest ADJACENT characters verbatim, or at least
 * this share of the side — or it is another copy of the words (the other quotation of a
 * repeated statement, whose own paragraph was deleted), not the claim; it is orphaned, keeping
 * its old quote and context for a person to re-attach. (Not fuzzy: a highlight on identical
 * words invites a confirmation, and once attached the old context is replaced by the new.)
 * The one exception is a sentence moved on its own, see `movedAlone`.
 */
const SIDE_CONTEXT = 0.5;
/**
 * A stored prefix that is all the text before the quote (the stored offset equals its length: a
 * headline) includes the text's start. A copy with more than this many characters before it
 * beyond the prefix's own does not have that side ("Militant attacks in" of the headline is not
 * the lede's "PESHAWAR — Militant attacks in").
 */
const TEXT_START_SLACK = 32;
/**
 * Slack around the new places of the landmarks that bound a quote (see `learnLandmarks`): an
 * annotation overlapping its neighbour's, or a few characters edited at the boundary.
 */
const LANDMARK_SLACK = 32;
/** Landmarks sought per text (see `learnLandmarks`): each costs a scan of the whole text. */
const MAX_LANDMARKS = 128;
/** See `rewordedAround`: how many of the stored context's words, and what share of them, a reworded sentence keeps. */
const REWORDED_MIN_WORDS = 5;
const REWORDED_KEPT_SHARE = 0.75;
/** A stored side of context shorter than this (the quote at a text's edge) is no whole side (see `wholeSide` in evaluate). */
const MIN_WHOLE_SIDE = 24;

type Candidate = { start: number; end: number; errors: number | null; fuzzy: boolean };
type Scored = {
  start: number;
  end: number;
  errors: number;
  score: number;
  /** Distance from the expected position. */
  position: number;
  /** The quote's stored neighbours sit right next to it on both sides. */
  bracketed: boolean;
  /** With a diff: away from where the quote's old place maps (in new text elsewhere). */
  moved: boolean;
  /** Between its stored neighbours, the whole stored context nearly unchanged on both sides (PLACE_CONTEXT). */
  place: boolean;
};

type Context = {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored start, for the "exact" state. */
  oldStart: number;
  /** The stored prefix is the whole text before the quote (see TEXT_START_SLACK). */
  prefixAtTextStart: boolean;
  /** Where the quote is expected in the new text: the old offsets, or where the diff maps them. */
  hint: number;
  hintEnd: number;
  /** Set when the diff applies to this target. */
  map: OffsetMap | null;
  /**
   * With a diff: most of the text around the quote was replaced. The diff's alignment there is
   * coincidence (common words), not evidence of place, so only the quote's own words will do.
   */
  rewritten: boolean;
  /** With a diff: the previous text's wider neighbourhood of the quote, for telling a moved passage. */
  wide: { prefix: string; suffix: string } | null;
  length: number;
  /** The quote as typographicCodePoints: what candidates are compared with. */
  typographic: number[];
  /** Words in the quote. */
  words: number;
  /** A phrase (KEPT_MIN_WORDS, KEPT_MIN_LENGTH): its exact copy in its own reworded passage is the same words. */
  phrase: boolean;
  short: boolean;
  digits: string;
  /** The quote with each number as "#", when it has numbers. */
  template: string | null;
  /** Without a diff: between which new offsets its neighbouring annotations put it (see `learnLandmarks`). */
  window: [number, number] | null;
};

/**
 * Finds `target` in `text`: unchanged passages by the diff (or at the old offset), else the best
 * of the exact occurrences, the text between the quote's surviving neighbours and approximate
 * matches, scored on quote, prefix, suffix and position; else orphaned at the old offsets
 * clamped into the text. Never throws, and never moves a claim onto other words: see the rules
 * in `evaluate`.
 */
export function reanchor(target: AnchorTarget, text: string, options: ReanchorOptions = {}): ReanchorResult {
  return new Reanchorer(text, options).reanchor(target);
}

/** `reanchor` for many targets on one text, sharing the diff and searches between identical quotes. */
export function reanchorAll(
  targets: readonly AnchorTarget[],
  text: string,
  options: ReanchorOptions = {},
): ReanchorResult[] {
  const reanchorer = new Reanchorer(text, options);
  reanchorer.learnLandmarks(targets);
  const results = targets.map((t) => reanchorer.reanchor(t));
  return typeof options.previousText === 'string' ? results : onlyWithheld(targets, withoutCrossedCopies(targets, results, text), reanchorer.judgingAlone(options));
}

/**
 * Without a diff the other annotations are evidence of place (landmarks, stretches they vouch for as
 * old text): they may withhold an attachment, never make another. An annotation the batch would put
 * on other words than it would be put on alone is orphaned — two readings of the evidence disagree,
 * so a person decides. The annotations judged alone reuse the batch's searches.
 */
function onlyWithheld(targets: readonly AnchorTarget[], results: ReanchorResult[], alone: Reanchorer): ReanchorResult[] {
  return results.map((r, i) => {
    if (r.state === 'orphaned') return r;
    const own = alone.reanchor(targets[i]!);
    return own.state !== 'orphaned' && own.start === r.start && own.end === r.end ? own : { start: r.start, end: r.end, state: 'orphaned', score: 0 };
  });
}

/**
 * Without a diff: two annotations re-attached as exact copies, one inside the other, whose old
 * offsets say they were different old words (the one inside would stand elsewhere in the other's
 * old text) cannot both be on their own words — a phrase of a removed live-blog entry's stock
 * sentence found inside the surviving entry's identical sentence, which another annotation holds
 * as its own. Only the stored context beyond the outer copy's words can tell them apart (inside
 * it the two agree by construction): the one with fewer of those characters verbatim in place is
 * orphaned; on a tie, both.
 */
function withoutCrossedCopies(targets: readonly AnchorTarget[], results: ReanchorResult[], text: string): ReanchorResult[] {
  const copies = results.map((r, i) => i).filter((i) => results[i]!.state === 'exact' || results[i]!.state === 'moved');
  if (copies.length < 2) return results;
  copies.sort((a, b) => results[a]!.start - results[b]!.start || results[b]!.end - results[a]!.end);
  const longest = copies.reduce((n, i) => Math.max(n, results[i]!.end - results[i]!.start), 0);
  const oldStart = (i: number) => sanitize(targets[i]!).start;
  const loser = new Set<number>();
  for (let k = 0; k < copies.length; k++) {
    const inner = copies[k]!;
    const a = results[inner]!;
    for (let m = k - 1; m >= 0; m--) {
      const outer = copies[m]!;
      const b = results[outer]!;
      if (b.start < a.start - longest) break;
      if (b.end < a.end) continue;
      const implied = oldStart(outer) + (a.start - b.start);
      if (Math.abs(implied - oldStart(inner)) <= a.end - a.start) continue;
      const o = sanitize(targets[outer]!);
      const n = sanitize(targets[inner]!);
      const outerEvidence = commonSuffixLength(o.prefix.slice(-MAX_CONTEXT), text, b.start) + commonPrefixLength(o.suffix.slice(0, MAX_CONTEXT), text, b.end);
      const innerPrefix = n.prefix.slice(-MAX_CONTEXT);
      const innerSuffix = n.suffix.slice(0, MAX_CONTEXT);
      const innerEvidence =
        commonSuffixLength(innerPrefix.slice(0, Math.max(0, innerPrefix.length - (a.start - b.start))), text, b.start) +
        commonPrefixLength(innerSuffix.slice(Math.min(innerSuffix.length, b.end - a.end)), text, b.end);
      if (innerEvidence <= outerEvidence) loser.add(inner);
      if (outerEvidence <= innerEvidence) loser.add(outer);
    }
  }
  if (loser.size === 0) return results;
  return results.map((r, i) => (loser.has(i) ? { start: r.start, end: r.end, state: 'orphaned', score: 0 } : r));
}

class Reanchorer {
  private readonly text: string;
  private readonly previous: string | null;
  private readonly minQuote: number;
  private map: OffsetMap | null = null;
  private changedRanges: Array<[number, number]> | null = null;
  private occurrenceCache = new Map<string, number[]>();
  private fuzzyCache = new Map<string, ApproxMatch[]>();
  /** Occurrences of prefix + quote + suffix, by that string (see `nearestWholeContext`). */
  private readonly wholeCache = new Map<string, number[]>();
  /**
   * Without a diff: where the annotations that kept their whole stored context are now, as old
   * starts and new starts in old order (see LANDMARK_SLACK); null for a single target.
   */
  private landmarks: { old: number[]; now: number[] } | null = null;
  /** Without a diff: new stretches other annotations vouch for as old text at `oldFrom`, by `from` (see `learnClaims`). */
  private claims: Array<{ from: number; to: number; oldFrom: number }> = [];
  private claimFroms: number[] = [];
  private longestClaim = 0;
  private figureLineCache: Array<{ at: number; lineStart: number; figure: string; length: number; words: string[] }> | null = null;
  /** How many times (0, 1, 2 = more) each number template occurs in the text (see `revisedPhrase`). */
  private readonly templateCounts = new Map<string, number>();
  /** Whole lines of the previous text by their words (see `lineMovedFromElsewhere`). */
  private readonly oldLineCache = new Map<string, number[]>();

  constructor(text: string, options: ReanchorOptions) {
    this.text = typeof text === 'string' ? text : '';
    this.previous = typeof options.previousText === 'string' ? options.previousText : null;
    const min = options.minQuoteSimilarity;
    this.minQuote = typeof min === 'number' && Number.isFinite(min) ? Math.min(1, Math.max(0, min)) : MIN_QUOTE_SIMILARITY;
  }

  /**
   * Without the previous text, the annotations found with their whole stored context, once in the
   * text, show where each stretch of the old text went: a quote between two of them is between
   * their new places (text keeps its order), unless its own evidence says it moved (see `evaluate`).
   */
  learnLandmarks(targets: readonly AnchorTarget[]): void {
    if (this.previous !== null || targets.length < 2) return;
    const pairs: Array<[number, number, number, number]> = [];
    // Each try scans the whole text; about MAX_LANDMARKS spread over it are enough to place the rest.
    const spacing = Math.floor(this.text.length / MAX_LANDMARKS);
    let next = -Infinity;
    for (const t of targets.map(sanitize).sort((a, b) => a.start - b.start)) {
      if (t.start < next) continue;
      const prefix = t.prefix.slice(-MAX_CONTEXT);
      const suffix = t.suffix.slice(0, MAX_CONTEXT);
      // A quote imported without a position (put at offset 0) says nothing about where its stretch went.
      if (t.exact.length === 0 || t.end - t.start !== t.exact.length || prefix.length < MIN_WHOLE_SIDE || suffix.length < MIN_WHOLE_SIDE) continue;
      const found = this.wholeContextOccurrences(prefix + t.exact + suffix);
      if (found.length !== 1) continue;
      // Old start, new start, and the new stretch its whole context covers.
      pairs.push([t.start, found[0]! + prefix.length, found[0]!, found[0]! + prefix.length + t.exact.length + suffix.length]);
      next = t.start + spacing;
    }
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // Two annotations of identical words and context at different old places found the one copy
    // left (a repeated sentence, one of its copies deleted): it is at most one of theirs, so neither is a landmark.
    const nowCounts = new Map<number, number>();
    for (const [, now] of pairs) nowCounts.set(now, (nowCounts.get(now) ?? 0) + 1);
    // The stretch such twins found was repeated in the old text: another annotation found with its
    // whole context there (another phrase of the same repeated sentence) may as well be on a copy
    // that was deleted, so it is no landmark either.
    const repeated = pairs.filter(([, now]) => nowCounts.get(now)! > 1);
    const sure = pairs.filter(([, now, from, to]) => nowCounts.get(now) === 1 && !repeated.some(([, , a, b]) => from < b && a < to));
    this.landmarks = { old: sure.map((p) => p[0]), now: sure.map((p) => p[1]) };
    this.learnClaims(targets);
  }

  /**
   * Without the previous text: the stretches of the new text that other annotations vouch for as
   * old text. An annotation found with its whole stored context (both sides MIN_WHOLE_SIDE or
   * more) at its old offset, or once within LANDMARK_SLACK of where the nearest landmark's shift
   * puts it (and not inside another such stretch as other old text), shows that those characters
   * stood in the old text at its stored offset. A copy of another quote inside
   * such a stretch, at an old offset apart from that quote's own, was therefore already there as
   * other words: the twin of a repeated sentence (three seats' identical "counting would
   * continue…"), not the quote's passage moved. Identical words with identical context are told
   * apart only so; a copy no annotation vouches for is judged as before.
   */
  private learnClaims(targets: readonly AnchorTarget[]): void {
    const { text } = this;
    const claims: Array<{ from: number; to: number; oldFrom: number }> = [];
    const pending: Array<{ t: AnchorTarget; whole: string; prefix: number }> = [];
    for (const raw of targets) {
      const t = sanitize(raw);
      const prefix = t.prefix.slice(-MAX_CONTEXT);
      const suffix = t.suffix.slice(0, MAX_CONTEXT);
      if (t.exact.length === 0 || t.end - t.start !== t.exact.length || prefix.length < MIN_WHOLE_SIDE || suffix.length < MIN_WHOLE_SIDE) continue;
      const whole = prefix + t.exact + suffix;
      const from = t.start - prefix.length;
      // Unchanged at its old offset: no search needed.
      if (from >= 0 && text.startsWith(whole, from)) {
        claims.push({ from, to: from + whole.length, oldFrom: from });
        continue;
      }
      pending.push({ t, whole, prefix: prefix.length });
    }
    // A copy is the annotation's own when it stands where the nearest landmark's shift puts it, and
    // no other stretch vouched for holds it as other old text (a look-alike's copies are told
    // apart by that shift alone: the deleted seat's sentence is 230 characters off it).
    const tentative: typeof claims = [];
    const quoteOf: Array<{ at: number; length: number; oldStart: number }> = [];
    // Only the few characters around that place are searched: no scan of the whole text per annotation.
    for (const { t, whole, prefix } of pending) {
      const expected = this.landmarkShiftedStart(t.start);
      if (expected === null) continue;
      const lo = Math.max(0, expected - prefix - LANDMARK_SLACK);
      const near = text.slice(lo, expected - prefix + LANDMARK_SLACK + whole.length);
      const first = near.indexOf(whole);
      if (first === -1 || near.indexOf(whole, first + 1) !== -1) continue;
      tentative.push({ from: lo + first, to: lo + first + whole.length, oldFrom: t.start - prefix });
      quoteOf.push({ at: lo + first + prefix, length: t.exact.length, oldStart: t.start });
    }
    this.setClaims([...claims, ...tentative]);
    // One sorted lookup per claim; a claim that another holds as other old text is dropped (both, if each holds the other).
    const kept = tentative.filter((_, i) => !this.heldByClaim(quoteOf[i]!.at, quoteOf[i]!.at + quoteOf[i]!.length, quoteOf[i]!.oldStart, quoteOf[i]!.length));
    this.setClaims([...claims, ...kept]);
  }

  private setClaims(claims: Array<{ from: number; to: number; oldFrom: number }>): void {
    claims.sort((a, b) => a.from - b.from);
    this.claims = claims;
    this.claimFroms = claims.map((k) => k.from);
    this.longestClaim = claims.reduce((n, k) => Math.max(n, k.to - k.from), 0);
  }

  /** Without a diff: an old start moved by the shift of the landmark nearest it, or null with no landmarks. */
  private landmarkShiftedStart(oldStart: number): number | null {
    const marks = this.landmarks;
    if (!marks || marks.old.length === 0) return null;
    const i = lastAtOrBefore(marks.old, oldStart);
    let k = i;
    if (i < 0 || (i + 1 < marks.old.length && marks.old[i + 1]! - oldStart < oldStart - marks.old[i]!)) k = i + 1;
    return oldStart + marks.now[k]! - marks.old[k]!;
  }

  /** Without a diff: whether another annotation's vouched-for old text holds [start, end), at an old offset apart from the quote's (see `learnClaims`). */
  private claimedByOther(ctx: Context, start: number, end: number): boolean {
    return this.heldByClaim(start, end, ctx.oldStart, ctx.exact.length);
  }

  /** Whether a claimed stretch covers [start, end) as old text more than `apart` characters from `oldStart`. */
  private heldByClaim(start: number, end: number, oldStart: number, apart: number): boolean {
    if (this.claims.length === 0) return false;
    for (let k = lastAtOrBefore(this.claimFroms, start); k >= 0; k--) {
      const claim = this.claims[k]!;
      if (claim.from < start - this.longestClaim) break;
      if (claim.to < end) continue;
      if (Math.abs(claim.oldFrom + (start - claim.from) - oldStart) > apart) return true;
    }
    return false;
  }

  /** Without a diff: the new range between the landmarks on each side of an old start, or null when they do not bound it in order. */
  private landmarkWindow(oldStart: number): [number, number] | null {
    const marks = this.landmarks;
    if (!marks) return null;
    const i = lastAtOrBefore(marks.old, oldStart - 1);
    let j = i + 1;
    while (j < marks.old.length && marks.old[j]! <= oldStart) j++;
    if (i < 0 || j >= marks.old.length) return null;
    const lo = marks.now[i]!;
    const hi = marks.now[j]!;
    return lo <= hi ? [lo - LANDMARK_SLACK, hi + LANDMARK_SLACK] : null;
  }

  /**
   * Without a diff, when nothing else was found: a lone figure revised in a short line of its own
   * words — a headline, a list item, a caption ("…Chitral village, at least 19 dead" → "…Chitral
   * village, 23 dead"). The stored context must show the line's end or start (a line break in it),
   * and the line's stored words (REWORDED_MIN_WORDS - 2 or more of three letters) must be
   * REWORDED_KEPT_SHARE kept in exactly one short line of the new text holding exactly one number,
   * not the quote's own, with no new word among them: words deleted ("at least"), none replaced
   * ("official count: 19" is not "unofficial count: 23"). Fuzzy, for a person to confirm.
   */
  private figureRevisedInLine(ctx: Context): [number, number] | null {
    if (ctx.template !== '#') return null;
    const lineBefore = ctx.prefix.includes('\n') ? ctx.prefix.slice(ctx.prefix.lastIndexOf('\n') + 1) : null;
    const lineAfter = ctx.suffix.includes('\n') ? ctx.suffix.slice(0, ctx.suffix.indexOf('\n')) : null;
    if (lineBefore === null && lineAfter === null) return null;
    // The stored part of the line holds no other figure.
    if (/\p{Nd}/u.test(`${lineBefore ?? ''}${lineAfter ?? ''}`)) return null;
    const words = new Set([...contextWords(lineBefore ?? ctx.prefix).slice(lineBefore === null ? 1 : 0), ...contextWords(lineAfter ?? ctx.suffix).slice(0, lineAfter === null ? -1 : undefined)].filter((w) => w.length >= 3));
    if (words.size < REWORDED_MIN_WORDS - 2) return null;
    let found: [number, number] | null = null;
    // What the stored context shows of the lines next to the quote's: the end of the one before, the start of the one after.
    const previousLineTail = ctx.prefix.includes('\n') ? ctx.prefix.slice(0, ctx.prefix.lastIndexOf('\n')).trimEnd().slice(-PROBE) : '';
    const nextLineHead = ctx.suffix.includes('\n') ? ctx.suffix.slice(ctx.suffix.indexOf('\n') + 1).trimStart().slice(0, PROBE) : '';
    for (const line of this.figureLines()) {
      // A short line: a headline or an item, not a paragraph whose common words would match by chance.
      if (line.length > 4 * (MAX_CONTEXT + ctx.exact.length) || line.figure === ctx.exact) continue;
      // The neighbouring line the stored context shows (a headline above a rewritten lede) is
      // another line, with its own figure, however many of the lede's words it shares.
      const lineText = this.text.slice(line.lineStart, line.lineStart + line.length);
      if (previousLineTail.length >= ADJACENT && lineText.trimEnd().endsWith(previousLineTail)) continue;
      if (nextLineHead.length >= ADJACENT && lineText.trimStart().startsWith(nextLineHead)) continue;
      // A figure the stored context itself shows beside the quote is another figure, not the quote revised.
      if (showsFigure(`${ctx.prefix}\u0000${ctx.suffix}`, line.figure)) continue;
      let kept = 0;
      for (const w of words) if (line.words.includes(w)) kept++;
      // Between the first and the last stored word kept, only stored words.
      const first = line.words.findIndex((w) => words.has(w));
      let last = -1;
      line.words.forEach((w, k) => {
        if (words.has(w)) last = k;
      });
      const inserted = first !== -1 && line.words.slice(first, last + 1).some((w) => !words.has(w));
      if (kept >= REWORDED_KEPT_SHARE * words.size && !inserted) {
        if (found) return null;
        found = [line.at, line.at + line.figure.length];
      }
    }
    return found && this.nearExpected(ctx, found[0]) ? found : null;
  }

  /** The text's lines holding exactly one number: where it is, and the line's other words (see `figureRevisedInLine`). */
  private figureLines(): Array<{ at: number; lineStart: number; figure: string; length: number; words: string[] }> {
    if (this.figureLineCache) return this.figureLineCache;
    const out: Array<{ at: number; lineStart: number; figure: string; length: number; words: string[] }> = [];
    const { text } = this;
    let lineStart = 0;
    while (lineStart <= text.length) {
      const newline = text.indexOf('\n', lineStart);
      const lineEnd = newline === -1 ? text.length : newline;
      const line = text.slice(lineStart, lineEnd);
      const numbers = [...line.matchAll(NUMBER)];
      if (numbers.length === 1) {
        const words = contextWords(line).filter((w) => w.length >= 3 && !/^\p{Nd}+$/u.test(w));
        out.push({ at: lineStart + numbers[0]!.index, lineStart, figure: numbers[0]![0], length: line.length, words });
      }
      if (newline === -1) break;
      lineStart = newline + 1;
    }
    this.figureLineCache = out;
    return out;
  }

  /**
   * Whether an exact copy at [start, end) is the quote at the edge of its paragraph, moved: one
   * side of its stored context whole (`wholeBefore`, `wholeAfter`: PLACE_CONTEXT, at least
   * MIN_WHOLE_SIDE characters stored), and on the other the stored context and the new text both
   * break the line right there, after the same punctuation ("…, the health ministry said more
   * teams would follow" ending a paragraph moved to the end).
   */
  private atMovedParagraphEdge(start: number, end: number, ctx: Context, wholeBefore: boolean, wholeAfter: boolean): boolean {
    const { text } = this;
    // Punctuation may stand between the quote and the line break (the sentence's full stop).
    const tail = /^[^\p{L}\p{N}\p{M}\n]*(?=\n)/u.exec(ctx.suffix)?.[0];
    const head = /(?<=\n)[^\p{L}\p{N}\p{M}\n]*$/u.exec(ctx.prefix)?.[0];
    const lineEnd = end + (tail?.length ?? 0);
    const lineStart = start - (head?.length ?? 0);
    const endsLine = tail !== undefined && text.startsWith(tail, end) && (lineEnd === text.length || text[lineEnd] === '\n');
    const startsLine = head !== undefined && text.endsWith(head, start) && (lineStart === 0 || text[lineStart - 1] === '\n');
    return (wholeBefore && ctx.prefix.length >= MIN_WHOLE_SIDE && endsLine) || (wholeAfter && ctx.suffix.length >= MIN_WHOLE_SIDE && startsLine && this.keepsTextStart(start, ctx));
  }

  /** Whether one side of the stored context is still whole next to [start, end), verbatim at the edge: a sentence's edge kept. */
  private wholeSide(start: number, end: number, ctx: Context, before: boolean, after: boolean, prefix?: number, suffix?: number): boolean {
    if (before && ctx.prefix.length >= MIN_WHOLE_SIDE && this.keepsTextStart(start, ctx) && (prefix ?? prefixSimilarity(this.text, start, ctx.prefix)) >= PLACE_CONTEXT) return true;
    return after && ctx.suffix.length >= MIN_WHOLE_SIDE && (suffix ?? suffixSimilarity(this.text, end, ctx.suffix)) >= PLACE_CONTEXT;
  }

  /**
   * Without a diff: whether `start` is where the quote is expected — within the landmarks around
   * it (or on the shift of one near it), or, with none to say, within REWRITE_REACH of its stored
   * offset (an editor's note above it, a clause rewritten before it). The rules that accept a
   * changed figure on one side of its context alone need it: far away, the same words around
   * another figure are another sentence.
   */
  private nearExpected(ctx: Context, start: number): boolean {
    if (ctx.window) return !this.offLandmarks(ctx, start);
    return Math.abs(start - ctx.hint) <= REWRITE_REACH + ctx.exact.length;
  }

  /**
   * Whether a candidate at `start` lies outside the window its bounding landmarks give and also
   * follows no landmark within REWRITE_REACH of its old start (the same shift: a paragraph moved
   * whole, another annotation in it found with its whole context).
   */
  private offLandmarks(ctx: Context, start: number): boolean {
    const marks = this.landmarks;
    const window = ctx.window;
    if (!marks || !window || (start >= window[0] && start <= window[1])) return false;
    const shift = start - ctx.oldStart;
    for (let k = Math.max(0, lastAtOrBefore(marks.old, ctx.oldStart - REWRITE_REACH - 1) + 1); k < marks.old.length && marks.old[k]! <= ctx.oldStart + REWRITE_REACH; k++) {
      if (Math.abs(marks.now[k]! - marks.old[k]! - shift) <= LANDMARK_SLACK) return false;
    }
    return true;
  }

  /** Offsets of `whole` in order, searched lazily (a caller stops early) unless the landmark pass listed them. */
  private *copiesOf(whole: string): Generator<number> {
    const known = this.wholeCache.get(whole);
    if (known) {
      yield* known;
      return;
    }
    for (let i = this.text.indexOf(whole); i !== -1; i = this.text.indexOf(whole, i + 1)) yield i;
  }

  private wholeContextOccurrences(whole: string): number[] {
    let found = this.wholeCache.get(whole);
    if (!found) {
      found = [];
      for (let i = this.text.indexOf(whole); i !== -1; i = this.text.indexOf(whole, i + 1)) found.push(i);
      this.wholeCache.set(whole, found);
    }
    return found;
  }

  /** One for the same text that judges each annotation on its own (no landmarks, no claims), reusing the searches made so far. */
  judgingAlone(options: ReanchorOptions): Reanchorer {
    const alone = new Reanchorer(this.text, options);
    // Pure functions of the text and the quote: the same whatever the other annotations say.
    alone.occurrenceCache = this.occurrenceCache;
    alone.fuzzyCache = this.fuzzyCache;
    return alone;
  }

  reanchor(raw: AnchorTarget): ReanchorResult {
    const text = this.text;
    const t = sanitize(raw);
    const { exact } = t;
    const start = clamp(t.start, 0, text.length);
    const orphaned: ReanchorResult = { start, end: clamp(t.end, start, text.length), state: 'orphaned', score: 0 };
    if (exact.length === 0) return orphaned;

    // Unchanged at the old offset, with its context.
    if (start === t.start && text.startsWith(exact, start) && text.endsWith(t.prefix, start) && text.startsWith(t.suffix, start + exact.length)) {
      return { start, end: start + exact.length, state: 'exact', score: 1 };
    }

    // The diff applies to targets described on the previous text (an orphan's stale offsets are not).
    const prev = this.previous;
    const based = prev !== null && t.start >= 0 && prev.startsWith(exact, t.start) && prev.endsWith(t.prefix, t.start) && prev.startsWith(t.suffix, t.start + exact.length);
    const map = based ? this.offsetMap() : null;
    let hint = start;
    let hintEnd = orphaned.end;
    if (map) {
      // The diff says the quote and its context are untouched: it only shifted.
      const from = Math.max(0, t.start - t.prefix.length);
      const shift = map.unchangedShift(from, Math.min(map.oldLength, t.start + exact.length + t.suffix.length));
      if (shift !== null && text.startsWith(exact, t.start + shift)) {
        return { start: t.start + shift, end: t.start + shift + exact.length, state: shift === 0 ? 'exact' : 'moved', score: 1 };
      }
      hint = map.mapStart(t.start);
      hintEnd = Math.max(hint, map.mapEnd(t.start + exact.length));
    }
    const reach = Math.max(REWRITE_REACH, exact.length);
    const rewritten = map !== null && map.keptShare(t.start - reach, t.start + exact.length + reach) < MIN_KEPT_SHARE;

    const length = codePointsOf(exact).length;
    const words = wordCount(exact);
    const phrase = words >= KEPT_MIN_WORDS && length >= KEPT_MIN_LENGTH;
    if (map && !rewritten && phrase) {
      // The diff kept the quote itself whole, though not its context: reworded around it.
      const shift = map.unchangedShift(t.start, t.start + exact.length);
      const at = shift === null ? -1 : t.start + shift;
      // Twice in its reworded neighbourhood, the diff's pairing is a guess: scored below instead.
      if (at !== -1 && text.startsWith(exact, at) && !newCopyNear(text, map, exact, at, reach)) {
        return { start: at, end: at + exact.length, state: at === t.start ? 'exact' : 'moved', score: 1 };
      }
    }
    const template = /\p{Nd}/u.test(exact) ? numberTemplate(exact) : null;
    const ctx: Context = {
      exact,
      prefix: t.prefix.slice(-MAX_CONTEXT),
      suffix: t.suffix.slice(0, MAX_CONTEXT),
      oldStart: t.start,
      // An empty prefix says nothing: a quote imported without a position is put at offset 0.
      prefixAtTextStart: t.prefix.length > 0 && (t.start === t.prefix.length || t.start === codePointsOf(t.prefix).length),
      hint,
      hintEnd,
      map,
      rewritten,
      wide: map && prev !== null ? paragraphNeighbourhood(prev, t.start, t.start + exact.length) : null,
      length,
      typographic: typographicCodePoints(exact),
      words,
      phrase,
      short: length < SHORT_QUOTE_LENGTH,
      digits: digitsOf(exact),
      template,
      window: map ? null : this.landmarkWindow(t.start),
    };

    if (!map) {
      // The quote with its whole stored context, verbatim: nothing can score higher.
      const whole = this.nearestWholeContext(ctx);
      if (whole) return this.result(whole, ctx);
    }

    const candidates: Candidate[] = [];
    // With a diff, an exact copy can only be the quote's own place or moved (new) text.
    const occurrences = map ? this.occurrencesNear(ctx) : this.occurrences(exact);
    for (const at of occurrences) candidates.push({ start: at, end: at + exact.length, errors: 0, fuzzy: false });
    this.addBrackets(ctx, candidates);
    this.addRevisedLine(ctx, candidates);
    if (map && hintEnd > hint) candidates.push({ start: hint, end: hintEnd, errors: null, fuzzy: false });

    const maxErrors = Math.min(MAX_ERRORS_CAP, Math.floor(length * (1 - this.minQuote) + 1e-9));
    const first = this.pick(candidates, ctx, maxErrors);
    if (first === AMBIGUOUS) return orphaned;
    let best = first;
    // Between its intact neighbours is where the quote is: an approximate search near it could
    // only find the same passage with other edges, which snapping to the context undoes.
    if (best?.bracketed) return this.result(best, ctx);

    const searchable = maxErrors >= 1 && exact.length <= MAX_FUZZY_QUOTE_LENGTH;
    if (searchable) {
      if (!rewritten) {
        const pad = Math.max(64, exact.length);
        const near = searchApprox(text, hint - pad, hintEnd + pad, exact, maxErrors).map((m) => ({ ...m, fuzzy: true }));
        const nearest = this.pick(near, ctx, maxErrors);
        if (nearest === AMBIGUOUS) return orphaned;
        best = this.better(best, nearest);
      }
      if (!best) {
        // Nothing near: the passage may have moved (and been edited) elsewhere.
        const far = this.fuzzyElsewhere(ctx, maxErrors).map((m) => ({ ...m, fuzzy: true }));
        const elsewhere = this.pick(far, ctx, maxErrors);
        best = elsewhere === AMBIGUOUS ? null : elsewhere;
      }
    }
    if (best) return this.result(best, ctx);
    const revised = map ? null : this.figureRevisedInLine(ctx);
    return revised ? this.result(this.scored(revised[0], revised[1], 1, ctx, 0), ctx) : orphaned;
  }

  private offsetMap(): OffsetMap {
    this.map ??= buildOffsetMap(this.previous ?? '', this.text);
    return this.map;
  }

  private result(best: Scored, ctx: Context): ReanchorResult {
    const state: AnchorState = best.errors > 0 ? 'fuzzy' : best.start === ctx.oldStart ? 'exact' : 'moved';
    return { start: best.start, end: best.end, state, score: best.score };
  }

  /** The occurrence of prefix + quote + suffix nearest the hint, scored, or null. */
  private nearestWholeContext(ctx: Context): Scored | null {
    if (ctx.prefix.length + ctx.suffix.length === 0) return null;
    const whole = ctx.prefix + ctx.exact + ctx.suffix;
    let at = -1;
    for (const i of this.copiesOf(whole)) {
      const s = i + ctx.prefix.length;
      if (this.claimedByOther(ctx, s, s + ctx.exact.length)) continue;
      if (at === -1 || Math.abs(s - ctx.hint) < Math.abs(at - ctx.hint)) at = s;
      if (s > ctx.hint) break;
    }
    return at === -1 ? null : this.scored(at, at + ctx.exact.length, 0, ctx);
  }

  /**
   * Text between where the quote's stored neighbours are now: the last characters of the prefix
   * and the first of the suffix, found verbatim. Near the mapped position with a diff; anywhere
   * without one, so an edit above the quote (an editor's note) does not lose it.
   */
  private addBrackets(ctx: Context, out: Candidate[]): void {
    const { text } = this;
    const left = ctx.prefix.slice(-PROBE);
    const right = ctx.suffix.slice(0, PROBE);
    const len = ctx.exact.length;
    const span = len + Math.max(16, len >> 1);
    const reach = Math.max(64, len);
    const lo = ctx.map ? Math.max(0, ctx.hint - reach - left.length) : 0;
    const hi = ctx.map ? ctx.hintEnd + reach : text.length;

    // Slack for a neighbour rewritten in another typography ("%" → " per cent").
    const lefts = ctx.prefix.length === 0 ? [0] : findTypographic(text, left, lo, hi + 2 * left.length).map(([, end]) => end);
    lefts.sort((a, b) => Math.abs(a - ctx.hint) - Math.abs(b - ctx.hint));
    for (const a of lefts.slice(0, MAX_BRACKETS)) {
      const b = ctx.suffix.length === 0 ? text.length : (findTypographic(text, right, a + 1, a + span + 2 * right.length)[0]?.[0] ?? -1);
      if (b > a && b - a <= span) out.push({ start: a, end: b, errors: null, fuzzy: false });
    }
  }

  /** The one line worded like the quote with other figures, when the quote was a line with figures (see `revisedLine`). */
  private addRevisedLine(ctx: Context, out: Candidate[]): void {
    const template = ctx.template;
    if (template === null || wordCount(template) < UNIQUE_LINE_MIN_WORDS) return;
    // Only a quote that was a line of its own: the whole-text search is then rare.
    if (!this.quoteWasLine(ctx)) return;
    const pattern = new RegExp(`^${templatePattern(template).source}$`, 'gmu');
    const found = [...this.text.matchAll(pattern)].slice(0, 2);
    const line = found.length === 1 ? found[0] : undefined;
    if (line && line[0] !== ctx.exact) out.push({ start: line.index, end: line.index + line[0].length, errors: null, fuzzy: false });
  }

  /** Approximate matches away from the expected position: in new text only with a diff, in the whole text without. */
  private fuzzyElsewhere(ctx: Context, maxErrors: number): ApproxMatch[] {
    const key = `${maxErrors}\u0000${ctx.map ? 'new' : 'all'}\u0000${ctx.exact}`;
    let found = this.fuzzyCache.get(key);
    if (!found) {
      if (ctx.map && ctx.length < MOVED_FREE_LENGTH) {
        found = this.besideMovedContext(ctx, maxErrors);
      } else if (ctx.map) {
        found = [];
        const len = ctx.exact.length;
        // A change shorter than half the quote cannot hold most of a moved copy of it.
        for (const [from, to] of this.newTextWindows(len, Math.ceil((len - maxErrors) / 2))) {
          found.push(...searchApprox(this.text, from, to, ctx.exact, maxErrors));
        }
      } else {
        found = searchApprox(this.text, 0, this.text.length, ctx.exact, maxErrors);
      }
      this.fuzzyCache.set(key, found);
    }
    return found;
  }

  /**
   * A moved passage brings one side of the quote's stored context along unchanged (see
   * MOVED_FREE_LENGTH): find that context verbatim in new text, then the quote right next to it.
   */
  private besideMovedContext(ctx: Context, maxErrors: number): ApproxMatch[] {
    const { text } = this;
    const len = ctx.exact.length;
    const found: ApproxMatch[] = [];
    for (const [side, context] of [['prefix', ctx.prefix], ['suffix', ctx.suffix]] as const) {
      if (context.trim().length < ADJACENT) continue;
      for (const [from, to] of this.newTextWindows(len + context.length, 1)) {
        for (const at of indexesIn(text, context, from, to)) {
          const window: [number, number] = side === 'prefix' ? [at + context.length, at + context.length + len + maxErrors] : [at - len - maxErrors, at];
          found.push(...searchApprox(text, window[0], window[1], ctx.exact, maxErrors));
        }
      }
    }
    return found;
  }

  /** The best acceptable candidate, ties going to the one nearest the expected position; AMBIGUOUS between two like copies. */
  private pick(candidates: Candidate[], ctx: Context, maxErrors: number): Scored | null | typeof AMBIGUOUS {
    let best: Scored | null = null;
    const copies: Scored[] = [];
    const seen = new Set<string>();
    for (const c of preselect(candidates, this.text, ctx)) {
      const key = `${c.start}:${c.end}:${c.fuzzy}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const scored = this.evaluate(c, ctx, maxErrors);
      if (scored?.errors === 0) copies.push(scored);
      best = this.better(best, scored);
    }
    // With a diff, two copies of the quote in new text, neither between its stored neighbours,
    // about as alike in context: which one is the claim is a guess (a reworded paragraph that now
    // says it twice). Without one, context is all there is to tell copies of a phrase apart.
    if (ctx.map && best && best.errors === 0 && !best.bracketed) {
      const top = best;
      if (copies.some((x) => x !== top && (x.end <= top.start || x.start >= top.end) && x.score > top.score - AMBIGUOUS_MARGIN)) return AMBIGUOUS;
    }
    return best;
  }

  private better(a: Scored | null, b: Scored | null): Scored | null {
    if (!a || !b) return a ?? b;
    // The quote's place is still there, its stored neighbours on both sides of what replaced it:
    // it was edited in place, not moved, whatever copy of it new text elsewhere holds (a
    // correction note quoting the old claim: "an earlier version said … 450 …").
    if (a.moved !== b.moved && (a.moved ? b : a).bracketed) return a.moved ? b : a;
    // Without a diff the same holds where the whole stored context still surrounds a replacement
    // ("37" corrected to "38" in a live-blog entry): a copy with other context is another claim.
    if (a.place !== b.place) return a.place ? a : b;
    return b.score > a.score || (b.score === a.score && b.position < a.position) ? b : a;
  }

  /**
   * Scores one candidate, or rejects it. The rules that keep a claim on its own words:
   * - with a diff, a candidate holds only the quote's own words and new text (a moved passage:
   *   mostly new text): other passages were already in the old text, so they are other words,
   *   even identical ones; in a rewritten passage (MIN_KEPT_SHARE) only the quote's exact words;
   *   a moved or rewritten passage must carry the quote's old neighbourhood (MOVED_FREE_LENGTH);
   * - a candidate whose numbers differ from the quote's must sit where the quote was, between
   *   its stored neighbours (a corrected figure in place, never another figure nearby), or be the
   *   quote's own words with other figures: beside one whole side of the context (`revisedPhrase`)
   *   or on its own list line (`revisedLine`);
   * - the quote-similarity floor, lowered only in place (see MIN_IN_PLACE_SIMILARITY);
   * - a short quote off its old place needs half of its context, unless in place;
   * - a look-alike inside the quote's own old context ("300" in "from 300 to 450") is refused;
   * - without a diff, an exact copy away from the stored offset keeps one side of the stored
   *   context (SIDE_CONTEXT), or is a sentence moved on its own (`movedAlone`), a whole line once
   *   in the text (`uniqueLine`), or a phrase in its own reworded sentence (`rewordedAround`) or
   *   rewritten headline (`inRewrittenHeadline`);
   * - an approximate match may not cut a word the quote did not cut (see `widenToWords`).
   */
  private evaluate(c: Candidate, ctx: Context, maxErrors: number): Scored | null {
    const { text } = this;
    let { start, end } = c;
    let errors = c.errors;
    if (c.fuzzy) {
      const snapped = trimOwnContextWords(widenToWords(snapToContext(start, end, text, ctx, maxErrors), text, ctx), text, ctx);
      if (snapped.start !== start || snapped.end !== end) errors = null;
      ({ start, end } = snapped);
    }
    if (end <= start) return null;

    let moved = false;
    if (ctx.map) {
      // Old words from elsewhere: in place, trimmed off the edges and refused inside; in a moved
      // passage (new text) a few may be the diff pairing common words by chance, most may not.
      const foreign = ctx.map.foreignSpans(start, end, ctx.oldStart, ctx.oldStart + ctx.exact.length);
      moved = !(start < ctx.hintEnd && end > ctx.hint);
      if (moved) {
        if (2 * foreign.reduce((n, [a, b]) => n + b - a, 0) > end - start) return null;
        // New text that is a whole old line word for word is that line moved (entries of a live
        // blog re-ordered): its words are the quote's only if the quote stood in that line.
        if (this.lineMovedFromElsewhere(start, end, ctx)) return null;
      } else if (!(c.errors === 0 && this.diffSplitTheQuote(start, end, foreign, ctx))) {
        if (foreign.length > 0 && foreign[0][0] === start) start = foreign.shift()![1];
        if (foreign.length > 0 && foreign[foreign.length - 1][1] === end) end = foreign.pop()![0];
        // Inside, a space or a mark the diff paired by chance ("12%" → "12 per cent") is no other claim's words.
        if (foreign.some(([a, b]) => hasWordChar(text, a, b)) || end <= start) return null;
        if (start !== c.start || end !== c.end) errors = null;
      }
    }

    const before = prefixAdjacent(text, start, ctx.prefix, ADJACENT);
    const after = suffixAdjacent(text, end, ctx.suffix, ADJACENT);
    const candidate = text.slice(start, end);
    const same = candidate === ctx.exact;
    if (!same && ctx.rewritten && !moved) return null;
    const revisedLine = !same && this.revisedLine(start, end, ctx);
    // A changed figure is the same claim only where the quote was: between its neighbours, or
    // (with a diff) on the text that replaced it, next to one of them; or in its own words, only
    // the figure changed (see `revisedPhrase`), or its own list line (see `revisedLine`). (Checked
    // before the context is scored: most look-alike figures stop here.)
    const figureRule = (before && after) || (ctx.map !== null && !moved && (before || after) && (!ctx.short || this.lostOnlyToDeletion(start, end, before, after, ctx))) || revisedLine;
    if (!same && !figureRule && digitsOf(candidate) !== ctx.digits && !((before || after) && this.revisedPhrase(candidate, ctx) && this.nearExpected(ctx, start) && this.wholeSide(start, end, ctx, before, after))) return null;

    const prefix = prefixSimilarity(text, start, ctx.prefix);
    const suffix = suffixSimilarity(text, end, ctx.suffix);
    const context = (prefix + suffix) / 2;
    const wholeSide = this.wholeSide(start, end, ctx, before, after, prefix, suffix);

    // With a diff, the text that replaced the quote, between its verbatim nearest neighbours, is in
    // place even when the wider context was edited too (a lede rewritten before "killing at least
    // 12 people", a note inserted after a headline): the diff, not context agreement, vouches for it.
    // Without one, the stored context does when one side of it is whole and the other at least
    // half there (the lede's "12" → "19" after its first clause was rewritten; a headline's "Kiev"
    // → "Kyiv" with a note inserted under it), near where it is expected (`nearExpected`).
    const replacement = ctx.map !== null && !moved && start === ctx.hint && end === ctx.hintEnd;
    const inPlace =
      before &&
      after &&
      (replacement || (prefix >= IN_PLACE_MIN_CONTEXT && suffix >= IN_PLACE_MIN_CONTEXT) || (!ctx.map && wholeSide && Math.min(prefix, suffix) >= SIDE_CONTEXT && this.nearExpected(ctx, start)));

    let floor = this.minQuote;
    if (inPlace && ctx.short) floor = Math.min(floor, MIN_IN_PLACE_SIMILARITY);
    if (inPlace && ctx.template !== null && numberTemplate(candidate) === ctx.template) floor = 0;
    // A figure the diff replaced by a figure, one neighbour verbatim and the words around still half
    // there ("at least 19 dead" → "23 dead"): the same claim, revised — fuzzy, for a person to confirm.
    if (replacement && (before || after) && context >= SHORT_QUOTE_MIN_CONTEXT && ctx.template === '#' && numberTemplate(candidate) === '#') floor = 0;
    // Compared as a reader sees it: a house-style change ("per cent" → "%", curly quotes) is no
    // loss of the quote, but other characters still make it fuzzy, for a person to confirm.
    let quote = 1;
    if (same) errors = 0;
    else {
      if (errors === null) {
        const limit = Math.ceil(ctx.length * (1 - floor));
        errors = editDistance(codePointsOf(ctx.exact), codePointsOf(candidate), Math.max(limit, maxErrors));
      }
      quote = Math.max(0, 1 - errors / ctx.length);
      if (quote < floor) {
        const size = Math.max(1, ctx.typographic.length);
        const distance = editDistance(ctx.typographic, typographicCodePoints(candidate), Math.ceil(size * (1 - floor)));
        quote = Math.max(quote, 1 - distance / size);
      }
      errors = Math.max(1, errors);
    }
    if (quote < floor) return null;
    // A person's whole name replaced ("Idris Hashimi warned that" → "Farid Mansoor warned that") is
    // another person, not the claim edited, when the name is most of a short quote: no word of it survives, even respelled.
    if (!same && ctx.short && nameReplaced(ctx.exact, candidate)) return null;

    const atOldPlace = same && start === ctx.oldStart;
    const reworded = same && !moved && this.onlyCopyInReplacement(start, ctx);
    // A short quote moved with its paragraph's words beside it (a name in an attribution moved to
    // the end of its sentence) brings that neighbourhood instead of its 32-character context.
    // A whole line once in the text (a list item re-ordered) is its own evidence, with a diff or without.
    const lineMoved = same && !ctx.rewritten && (moved || !ctx.map) && this.uniqueLine(start, ctx);
    // Word counts over the neighbourhood: computed only where a rule below would otherwise refuse.
    let rewordedMemo: boolean | undefined;
    const rewordedAround = () => (rewordedMemo ??= same && !ctx.map && !atOldPlace && (this.rewordedAround(start, end, ctx) || this.inRewrittenHeadline(start, end, ctx)));
    // With a diff, a headline rewritten around a phrase it kept is no passage moved: its first line is its place.
    const headlineKept = () => same && ctx.map !== null && this.inRewrittenHeadline(start, end, ctx);
    const movedWhole = () => (same && moved && !ctx.rewritten && this.carriesNeighbourhood(start, end, ctx)) || lineMoved || revisedLine || rewordedAround() || headlineKept();
    if (ctx.short && !atOldPlace && !inPlace && !reworded && context < SHORT_QUOTE_MIN_CONTEXT && !movedWhole()) return null;
    // Where the diff cannot vouch for the place (a moved passage, or a rewritten one), the quote's
    // old neighbourhood must have come along on one side, nearly unchanged.
    if ((moved || ctx.rewritten) && ctx.length < MOVED_FREE_LENGTH && !this.carriesNeighbourhood(start, end, ctx) && !revisedLine && !(same && moved && !ctx.rewritten && (this.uniqueSentence(ctx) || this.insideMovedSentence(start, ctx) || lineMoved)) && !headlineKept()) return null;
    if (!atOldPlace && !(before && after) && !reworded && insideOwnContext(text, start, end, ctx)) return null;
    // Without a diff, a copy with none of its stored neighbourhood is another quotation of the words.
    if (same && !ctx.map && !atOldPlace && !this.keepsOneSide(start, ctx, before, after, prefix, suffix) && !this.movedAlone(ctx) && !lineMoved && !rewordedAround()) return null;
    // Without a diff, an exact copy another annotation vouches for as other old text is a twin (see `learnClaims`).
    if (same && !ctx.map && !atOldPlace && this.claimedByOther(ctx, start, end)) return null;
    // So is an edited candidate there: another annotation's old words ("agents of Marston", found
    // with its whole context) are not this quote's revised ("agents of Brayford", its paragraph deleted).
    if (!same && !ctx.map && this.claimedByOther(ctx, start, end)) return null;
    // Without a diff, away from where its neighbouring annotations went (and from the shift of any
    // annotation near it), only an exact copy's own evidence of a move will do: both stored
    // neighbours, or a passage once in the text (a moved sentence or line, a reworded phrase). A
    // look-alike there with half its context is another sentence, and an edited one (another
    // figure or name between the same words) another claim; a list line revised is its own line.
    if (!ctx.map && !atOldPlace && this.offLandmarks(ctx, start) && !(same && ((before && after) || this.movedAlone(ctx) || lineMoved || rewordedAround() || this.atMovedParagraphEdge(start, end, ctx, before && prefix >= PLACE_CONTEXT, after && suffix >= PLACE_CONTEXT))) && !revisedLine) return null;

    const place = before && after && prefix >= PLACE_CONTEXT && suffix >= PLACE_CONTEXT;
    return { ...this.scored(start, end, errors, ctx, quote, prefix, suffix), bracketed: before && after, moved, place };
  }

  /**
   * With a diff: whether the new line holding [start, end) reads, word for word, as a whole line
   * of the previous text — a paragraph moved, which the diff cannot pair out of order — and no
   * such old line holds the quote's old place. Its words were then another passage's: a removed
   * entry's stock sentence is not its twin's in the entry moved past it.
   */
  private lineMovedFromElsewhere(start: number, end: number, ctx: Context): boolean {
    const { text } = this;
    const prev = this.previous;
    if (prev === null) return false;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline;
    if (end > lineEnd || text.slice(start, end).includes('\n')) return false;
    const line = text.slice(lineStart, lineEnd);
    // A line of a few characters ("Update", a dash) says nothing about where it came from.
    if (line.trim().length < MIN_WHOLE_SIDE) return false;
    const copies = this.oldLineCopies(line);
    return copies.length > 0 && !copies.some((at) => at <= ctx.oldStart && ctx.oldStart + ctx.exact.length <= at + line.length);
  }

  /** Where `line` stands as a whole line of the previous text (searched once per line). */
  private oldLineCopies(line: string): number[] {
    const prev = this.previous ?? '';
    let found = this.oldLineCache.get(line);
    if (!found) {
      found = [];
      for (let at = prev.indexOf(line); at !== -1; at = prev.indexOf(line, at + 1)) {
        if ((at === 0 || prev[at - 1] === '\n') && (at + line.length === prev.length || prev[at + line.length] === '\n')) found.push(at);
      }
      this.oldLineCache.set(line, found);
    }
    return found;
  }

  /**
   * With a diff: whether an exact copy of the quote in place has only its first or last word paired
   * by the diff with old text elsewhere — an alignment choice next to an edited neighbour ("…said.
   * Officials in Quetta…", the sentence before rewritten, its "in" matched to another "in") — while
   * the rest, most of the quote, is the quote's own old characters. Its words are the quote's.
   */
  private diffSplitTheQuote(start: number, end: number, foreign: Array<[number, number]>, ctx: Context): boolean {
    if (foreign.length === 0 || foreign.length > 2 || this.text.slice(start, end) !== ctx.exact) return false;
    const atEdges = foreign.every(([a, b]) => a === start || b === end);
    const width = foreign.reduce((n, [a, b]) => n + b - a, 0);
    const oneWord = foreign.every(([a, b]) => !/[\s]/u.test(this.text.slice(a, b).trim()));
    return atEdges && oneWord && 2 * width < end - start;
  }

  /**
   * With a diff: whether a side of [start, end) without its stored neighbour lost it to a deletion
   * ("at least 19 dead" → "23 dead": "village, " still next to it), not to other words: the word
   * now next to it on that side is one of that side's stored context. For a short quote with a
   * changed figure, whose own words are too few to vouch for it: "Public transport: Rs 6 billion"
   * replaced by "Roads and bridges: Rs 9 billion" is another item, not the figure revised.
   * (Compared as text: where the diff pairs a repeated word is arbitrary.)
   */
  private lostOnlyToDeletion(start: number, end: number, before: boolean, after: boolean, ctx: Context): boolean {
    const { text } = this;
    if (!before) {
      const word = /[\p{L}\p{N}\p{M}]+(?=[^\p{L}\p{N}\p{M}]*$)/u.exec(text.slice(Math.max(0, start - MAX_CONTEXT), start))?.[0];
      if (word !== undefined && !wordsOf(ctx.prefix).has(word)) return false;
    }
    if (!after) {
      const word = /[\p{L}\p{N}\p{M}]+/u.exec(text.slice(end, end + MAX_CONTEXT))?.[0];
      if (word !== undefined && !wordsOf(ctx.suffix).has(word)) return false;
    }
    return true;
  }

  /** Whether one side of the stored context agrees with what surrounds [start, end) (see SIDE_CONTEXT). */
  private keepsOneSide(start: number, ctx: Context, before: boolean, after: boolean, prefix: number, suffix: number): boolean {
    const left = (before || prefix >= SIDE_CONTEXT) && this.keepsTextStart(start, ctx);
    return left || after || suffix >= SIDE_CONTEXT;
  }

  /**
   * Without a diff: whether the quote is a sentence moved on its own — a sentence's worth of words
   * (UNIQUE_MOVE_MIN_WORDS) found once in the text, while its stored neighbours now meet with
   * only whitespace between them (its old place closed up). A quote whose neighbours vanished
   * with it was deleted with its passage: a copy elsewhere is another quotation of the words.
   */
  private movedAlone(ctx: Context): boolean {
    if (ctx.words < UNIQUE_MOVE_MIN_WORDS || ctx.length < UNIQUE_MOVE_MIN_LENGTH || this.occurrences(ctx.exact).length !== 1) return false;
    const { text } = this;
    const left = ctx.prefix.trimEnd().slice(-PROBE);
    const right = ctx.suffix.trimStart().slice(0, PROBE);
    if (left.length < ADJACENT || right.length < ADJACENT) return false;
    for (const [, end] of findTypographic(text, left, 0, text.length)) {
      let at = end;
      while (at < text.length && isWhitespace(text.charCodeAt(at))) at++;
      if (at > end && findTypographic(text, right, at, at + 2 * right.length + 8)[0]?.[0] === at) return true;
    }
    return false;
  }

  /**
   * Without a diff: whether a phrase (KEPT_MIN_WORDS, KEPT_MIN_LENGTH) found once in the text sits
   * in its own sentence reworded around it — the words of its stored context, not their order,
   * still around it: at least REWORDED_MIN_WORDS of them (three letters or a figure; a word the
   * context may have cut at its outer edge left out) and REWORDED_KEPT_SHARE of those in its
   * sentence or within WIDE_CONTEXT characters of it in its paragraph (""We are ready to talk,"
   * she said." → "…, Durrani said, adding that security forces were prepared: "We are ready to
   * talk.""; "Police spokesman Imran Yousafzai said …" → "…, police spokesman Imran Yousafzai
   * said."). Another quotation of the words, in another paragraph, is framed by other words.
   */
  private rewordedAround(start: number, end: number, ctx: Context): boolean {
    // A headline's phrase is judged by `inRewrittenHeadline`: the lede below repeats its words.
    if (!ctx.phrase || ctx.prefixAtTextStart || this.occurrences(ctx.exact).length !== 1) return false;
    // A side of context that begins (ends) with a letter may have cut its outermost word.
    const before = contextWords(ctx.prefix).slice(isWordChar(ctx.prefix[0]) ? 1 : 0);
    const after = contextWords(ctx.suffix);
    if (isWordChar(ctx.suffix.at(-1))) after.pop();
    const stored = [...before, ...after];
    const wanted = new Set(stored.filter((w) => w.length >= 3 || /\p{N}/u.test(w)));
    if (wanted.size < REWORDED_MIN_WORDS) return false;
    // Its sentence, however the words were re-ordered in it, and the characters nearest it in its
    // paragraph (another paragraph's words say nothing about this one's rewording).
    const { text } = this;
    const [from, to] = sentenceAround(text, start, end);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const newline = text.indexOf('\n', end);
    const lineEnd = newline === -1 ? text.length : newline;
    const lo = Math.max(lineStart, Math.min(Math.max(from, start - 2 * WIDE_CONTEXT), start - WIDE_CONTEXT));
    const hi = Math.min(lineEnd, Math.max(Math.min(to, end + 2 * WIDE_CONTEXT), end + WIDE_CONTEXT));
    const around = new Set([...contextWords(text.slice(lo, start)), ...contextWords(text.slice(end, hi))]);
    let kept = 0;
    for (const w of wanted) if (around.has(w)) kept++;
    return kept >= REWORDED_KEPT_SHARE * wanted.size;
  }

  /**
   * Whether a phrase of the headline (without a diff: its stored prefix all the text before it, on
   * one line; with one: once in the old first line) is found once in the new headline (the first line), which keeps at least one other
   * word of the old one: "Militant attacks in South Waziristan rise sharply…" → "Militant violence
   * in South Waziristan at highest level…". The lede repeating the name is not the headline.
   */
  private inRewrittenHeadline(start: number, end: number, ctx: Context): boolean {
    const { text } = this;
    const prev = ctx.map ? this.previous : null;
    // With the previous text its first line is the old headline, read whole.
    const oldLineEnd = prev === null ? -1 : prev.indexOf('\n') === -1 ? prev.length : prev.indexOf('\n');
    if (prev !== null) {
      if (!ctx.phrase || ctx.oldStart + ctx.exact.length > oldLineEnd || indexesIn(prev, ctx.exact, 0, oldLineEnd).length !== 1) return false;
    } else if (!ctx.phrase || !ctx.prefixAtTextStart || ctx.prefix.includes('\n')) return false;
    const newline = text.indexOf('\n');
    const lineEnd = newline === -1 ? text.length : newline;
    if (end > lineEnd || indexesIn(text, ctx.exact, 0, lineEnd).length !== 1) return false;
    const oldWords = prev !== null ? `${prev.slice(0, ctx.oldStart)} ${prev.slice(ctx.oldStart + ctx.exact.length, oldLineEnd)}` : `${ctx.prefix} ${ctx.suffix.split('\n')[0]}`;
    const old = contextWords(oldWords).filter((w) => w.length >= 3 || /\p{N}/u.test(w));
    const now = new Set(contextWords(`${text.slice(0, start)} ${text.slice(end, lineEnd)}`));
    return old.some((w) => now.has(w));
  }

  /** Whether a candidate at `start` can have the stored prefix's side when that prefix began the text. */
  private keepsTextStart(start: number, ctx: Context): boolean {
    return !ctx.prefixAtTextStart || start <= ctx.prefix.length + TEXT_START_SLACK;
  }

  /** Whether [start, start + quote) lies in the new text that replaced a phrase quote's passage, its only copy around (see KEPT_MIN_WORDS). */
  private onlyCopyInReplacement(start: number, ctx: Context): boolean {
    if (!ctx.map || ctx.rewritten || !ctx.phrase) return false;
    if (start < ctx.hint || start + ctx.exact.length > ctx.hintEnd) return false;
    return !newCopyNear(this.text, ctx.map, ctx.exact, start, Math.max(REWRITE_REACH, ctx.exact.length));
  }

  /**
   * Whether the quote is a whole line (a list item, a subheading, a one-line paragraph) in the
   * previous text and at `start`, of UNIQUE_LINE_MIN_WORDS or more, once in each text: a
   * re-ordered list moves its items with neither neighbour, and the line itself is the evidence.
   * Without a diff its stored context shows it was a line (a line break or the text's edge on
   * each side), and it must be once in the new text.
   */
  private uniqueLine(start: number, ctx: Context): boolean {
    if (ctx.words < UNIQUE_LINE_MIN_WORDS || ctx.length < UNIQUE_LINE_MIN_LENGTH) return false;
    if (!isLine(this.text, start, start + ctx.exact.length) || this.occurrences(ctx.exact).length !== 1) return false;
    const prev = this.previous;
    return this.quoteWasLine(ctx) && (ctx.map === null || prev === null || occursOnce(prev, ctx.exact));
  }

  /** Whether the quote was a whole line: in the previous text with a diff, else as its stored context shows. */
  private quoteWasLine(ctx: Context): boolean {
    const prev = this.previous;
    return ctx.map !== null && prev !== null ? isLine(prev, ctx.oldStart, ctx.oldStart + ctx.exact.length) : wasLine(ctx);
  }

  /**
   * Whether [start, end) is the quote's list line revised: the quote was a whole line (a list item)
   * of UNIQUE_LINE_MIN_WORDS words besides its figures, and the candidate is a whole line with the
   * same words and other figures ("Hatherleigh Lane: 154 days" → "Hatherleigh Lane: 194 days",
   * moved up a ranked list) — the only line so worded in the new text, and (with a diff) the
   * quote's the only one in the previous text. A list re-ordered after a correction moves the
   * item with neither neighbour; its words are the evidence.
   */
  private revisedLine(start: number, end: number, ctx: Context): boolean {
    const template = ctx.template;
    if (template === null || wordCount(template) < UNIQUE_LINE_MIN_WORDS || codePointsOf(template).length < UNIQUE_LINE_MIN_LENGTH) return false;
    if (!isLine(this.text, start, end) || numberTemplate(this.text.slice(start, end)) !== template) return false;
    const prev = this.previous;
    const onceBefore = ctx.map === null || prev === null || linesLike(prev, template) === 1;
    return this.quoteWasLine(ctx) && onceBefore && linesLike(this.text, template) === 1;
  }

  /**
   * Without a diff: whether `candidate` is the quote with only its figures changed, in a phrase
   * of its own — at least UNIQUE_LINE_MIN_WORDS words and KEPT_MIN_LENGTH code points besides the
   * figures ("killing at least 12 people" → "killing at least 19 people"), so worded once in the
   * text. With one whole side of the stored context beside it, that is the revised claim.
   */
  private revisedPhrase(candidate: string, ctx: Context): boolean {
    const template = ctx.template;
    if (ctx.map !== null || template === null || numberTemplate(candidate) !== template) return false;
    if (wordCount(template) < UNIQUE_LINE_MIN_WORDS || codePointsOf(template.replace(/#/g, '')).length < KEPT_MIN_LENGTH) return false;
    let count = this.templateCounts.get(template);
    if (count === undefined) {
      count = countMatches(this.text, templatePattern(template), 2);
      this.templateCounts.set(template, count);
    }
    return count === 1;
  }

  /** Whether the quote is a sentence's worth of words found once in the previous text and once in the new one. */
  private uniqueSentence(ctx: Context): boolean {
    if (ctx.words < UNIQUE_MOVE_MIN_WORDS || ctx.length < UNIQUE_MOVE_MIN_LENGTH || this.previous === null) return false;
    const once = (text: string) => {
      const at = text.indexOf(ctx.exact);
      return at !== -1 && text.indexOf(ctx.exact, at + 1) === -1;
    };
    return once(this.previous) && this.occurrences(ctx.exact).length === 1;
  }

  /**
   * With a diff: whether a copy at `start` is the quote's place inside its own sentence, moved
   * there on its own ("15 days" of "The count lasted 15 days in all, officials said."): the
   * sentence as in the previous text, a sentence's worth of words (UNIQUE_MOVE_MIN_WORDS) found
   * once there and once in the new text, and the quote at the same offset inside it. The sentence
   * is the evidence that a short figure alone is not.
   */
  private insideMovedSentence(start: number, ctx: Context): boolean {
    const prev = this.previous;
    if (prev === null) return false;
    const [from, to] = sentenceAround(prev, ctx.oldStart, ctx.oldStart + ctx.exact.length);
    const sentence = prev.slice(from, to);
    if (wordCount(sentence) < UNIQUE_MOVE_MIN_WORDS || codePointsOf(sentence).length < UNIQUE_MOVE_MIN_LENGTH) return false;
    const at = start - (ctx.oldStart - from);
    return at >= 0 && this.text.startsWith(sentence, at) && occursOnce(prev, sentence) && occursOnce(this.text, sentence);
  }

  /** Whether the text on one side of [start, end) is, nearly, what surrounded the quote in the previous text. */
  private carriesNeighbourhood(start: number, end: number, ctx: Context): boolean {
    if (!ctx.wide) return false;
    const prefix = foldCase(ctx.wide.prefix);
    const suffix = foldCase(ctx.wide.suffix);
    // Compared without case: an attribution moved to the end of its sentence ("Police spokesman X
    // said …" → "…, police spokesman X said.") lowers its first letter, and is the same neighbourhood.
    const before = foldCase(this.text.slice(Math.max(0, start - 2 * prefix.length - 2 * WIDE_CONTEXT), start));
    const after = foldCase(this.text.slice(end, end + 2 * suffix.length + 2 * WIDE_CONTEXT));
    // The nearest characters verbatim, the rest nearly: an edit or two inside the moved paragraph
    // is fine, a sentence built like it with other names and figures is not.
    return (
      (prefix.trim().length >= MIN_WIDE_CONTEXT &&
        prefixAdjacent(before, before.length, prefix, ADJACENT) &&
        prefixSimilarity(before, before.length, prefix) >= MOVED_CONTEXT_SIMILARITY) ||
      (suffix.trim().length >= MIN_WIDE_CONTEXT &&
        suffixAdjacent(after, 0, suffix, ADJACENT) &&
        suffixSimilarity(after, 0, suffix) >= MOVED_CONTEXT_SIMILARITY)
    );
  }

  private scored(start: number, end: number, errors: number, ctx: Context, quote = 1, prefix?: number, suffix?: number): Scored {
    const p = prefix ?? prefixSimilarity(this.text, start, ctx.prefix);
    const s = suffix ?? suffixSimilarity(this.text, end, ctx.suffix);
    const distance = Math.abs(start - ctx.hint);
    const position = this.text.length === 0 ? 1 : 1 - Math.min(1, distance / this.text.length);
    const raw = QUOTE_WEIGHT * quote + PREFIX_WEIGHT * p + SUFFIX_WEIGHT * s + POSITION_WEIGHT * position;
    return { start, end, errors, score: raw / TOTAL_WEIGHT, position: distance, bracketed: false, moved: false, place: false };
  }

  /** Occurrences of the quote near its mapped position and in the new text of the version. */
  private occurrencesNear(ctx: Context): number[] {
    const len = ctx.exact.length;
    const reach = Math.max(64, len);
    const found: number[] = [];
    for (const [from, to] of [[ctx.hint - reach, ctx.hintEnd + reach] as [number, number], ...this.newTextWindows(0, len)]) {
      for (const at of indexesIn(this.text, ctx.exact, from, to)) if (!found.includes(at)) found.push(at);
    }
    return found;
  }

  /**
   * The version's changed ranges of at least `min` characters, widened by `pad` on each side and
   * merged: where a moved passage can be.
   */
  private newTextWindows(pad: number, min: number): Array<[number, number]> {
    this.changedRanges ??= (this.map ?? this.offsetMap()).changes();
    const out: Array<[number, number]> = [];
    for (const [a, b] of this.changedRanges) {
      if (b - a < Math.max(1, min)) continue;
      const from = Math.max(0, a - pad);
      const to = Math.min(this.text.length, b + pad);
      const last = out[out.length - 1];
      if (last && from <= last[1]) last[1] = Math.max(last[1], to);
      else out.push([from, to]);
    }
    return out;
  }

  private occurrences(exact: string): number[] {
    let found = this.occurrenceCache.get(exact);
    if (!found) {
      found = [];
      for (let at = this.text.indexOf(exact); at !== -1; at = this.text.indexOf(exact, at + 1)) found.push(at);
      this.occurrenceCache.set(exact, found);
    }
    return found;
  }
}

/**
 * Whether new text within `reach` of `at` holds another copy of `exact`: in a reworded
 * neighbourhood which of the two is the claim is then a guess. Copies that were already in the
 * old text are other claims, not candidates.
 */
function newCopyNear(text: string, map: OffsetMap, exact: string, at: number, reach: number): boolean {
  const wasThere = (i: number) => {
    const old = map.toOld(i);
    return old !== -1 && map.toOld(i + exact.length - 1) === old + exact.length - 1;
  };
  return indexesIn(text, exact, at - reach, at + exact.length + reach).some((i) => i !== at && !wasThere(i));
}

/** Whether `figure` stands in `s` as a whole number (not a part of a longer one). */
function showsFigure(s: string, figure: string): boolean {
  for (const m of s.matchAll(NUMBER)) if (m[0] === figure) return true;
  return false;
}

/** Lower case, character by character where that keeps the length (offsets stay comparable). */
function foldCase(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/** Whether [start, end) is a whole line of `text` (a list item, a one-line paragraph). */
function isLine(text: string, start: number, end: number): boolean {
  return (start === 0 || text[start - 1] === '\n') && (end === text.length || text[end] === '\n');
}

/** Without the previous text: whether the stored context shows the quote as a whole line (a line break or the text's edge on each side). */
function wasLine(ctx: Context): boolean {
  const lineStart = ctx.prefix.endsWith('\n') || (ctx.prefix === '' && ctx.oldStart === 0);
  return lineStart && (ctx.suffix === '' || ctx.suffix.startsWith('\n'));
}

/** How many lines of `text` read `template` with their own figures. */
function linesLike(text: string, template: string): number {
  const pattern = new RegExp(`^${templatePattern(template).source}$`, 'gmu');
  return countMatches(text, pattern, 2);
}

/** A pattern matching `template` with any number where it has "#". */
function templatePattern(template: string): RegExp {
  const source = template.split('#').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(NUMBER.source);
  return new RegExp(source, 'gu');
}

/** Matches of a global pattern in `text`, counting up to `limit`. */
function countMatches(text: string, pattern: RegExp, limit: number): number {
  let n = 0;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '') break;
    if (++n >= limit) break;
  }
  return n;
}

function occursOnce(text: string, needle: string): boolean {
  const at = text.indexOf(needle);
  return at !== -1 && text.indexOf(needle, at + 1) === -1;
}

/** A sentence's end: a full stop, "!" or "?", closing quotation marks or brackets, then a space or the end. */
const SENTENCE_END = /[.!?]['"’”)\]]*(?=\s|$)/u;
const SENTENCE_BREAK = /[.!?]['"’”)\]]*\s+/gu;
const QUOTE_ENDS_SENTENCE = /[.!?]['"’”)\]]*$/u;

/** The sentence (or sentences) holding [start, end) within its line (paragraph), end with its full stop. */
function sentenceAround(text: string, start: number, end: number): [number, number] {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let from = lineStart;
  for (const m of text.slice(lineStart, start).matchAll(SENTENCE_BREAK)) from = lineStart + m.index + m[0].length;
  const newline = text.indexOf('\n', end);
  const lineEnd = newline === -1 ? text.length : newline;
  // A quote that ends its sentence already holds the full stop.
  if (QUOTE_ENDS_SENTENCE.test(text.slice(start, end)) && (end === lineEnd || /\s/u.test(text[end] ?? ''))) return [from, end];
  const m = SENTENCE_END.exec(text.slice(end, lineEnd));
  return [from, m ? end + m.index + m[0].length : lineEnd];
}

/**
 * Up to WIDE_CONTEXT characters on each side of [start, end), within the quote's paragraph: what
 * travels with it when the paragraph moves.
 */
function paragraphNeighbourhood(text: string, start: number, end: number): { prefix: string; suffix: string } {
  const from = Math.max(0, start - WIDE_CONTEXT, text.lastIndexOf('\n', start - 1) + 1);
  const lineEnd = text.indexOf('\n', end);
  const to = Math.min(text.length, end + WIDE_CONTEXT, lineEnd === -1 ? text.length : lineEnd);
  return { prefix: text.slice(Math.min(from, start), start), suffix: text.slice(end, Math.max(end, to)) };
}

/** Characters of stored context that must reappear verbatim to move a fuzzy match's edge. */
const SNAP_PROBE = 12;

/**
 * A minimal-error alignment trims an edited first or last word ("region." → "reportedly." ends
 * at "report"). Where the stored context still follows verbatim within `reach` characters of
 * an edge, move the edge to meet it so the range covers the whole edited passage.
 */
function snapToContext(start: number, end: number, text: string, ctx: Context, reach: number): { start: number; end: number } {
  let s = start;
  let e = end;
  if (ctx.suffix) {
    const found = nearest(text, ctx.suffix.slice(0, SNAP_PROBE), e, reach, s);
    if (found !== -1) e = found;
  } else if (text.length - e <= reach) {
    e = text.length;
  }
  if (ctx.prefix) {
    const probe = ctx.prefix.slice(-SNAP_PROBE);
    const found = nearest(text, probe, s - probe.length, reach, 0);
    if (found !== -1 && found + probe.length <= e) s = found + probe.length;
  } else if (s <= reach) {
    s = 0;
  }
  return { start: s, end: e };
}

/** Index of the occurrence of `probe` nearest to `at` within ±reach (and not before `min`), or -1. */
function nearest(text: string, probe: string, at: number, reach: number, min: number): number {
  let best = -1;
  for (const i of indexesIn(text, probe, Math.max(0, min, at - reach), at + reach + probe.length)) {
    if (best === -1 || Math.abs(i - at) < Math.abs(best - at)) best = i;
  }
  return best;
}

/** Offsets of `needle` lying wholly inside text[from, to), without scanning past `to`. */
function indexesIn(text: string, needle: string, from: number, to: number): number[] {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const out: number[] = [];
  if (needle.length === 0 || hi - lo < needle.length) return out;
  const window = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  for (let i = window.indexOf(needle); i !== -1; i = window.indexOf(needle, i + 1)) out.push(lo + i);
  return out;
}

/**
 * Whether text[start, end) is a piece of the quote's own stored context, found where that
 * context still is: "300" in a prefix "from 300 to " when the text reads "300 to 520".
 */
function insideOwnContext(text: string, start: number, end: number, ctx: Context): boolean {
  const piece = text.slice(start, end);
  for (let j = ctx.prefix.indexOf(piece); j !== -1; j = ctx.prefix.indexOf(piece, j + 1)) {
    const rest = ctx.prefix.slice(j + piece.length, j + piece.length + OWN_CONTEXT_PROBE);
    if (text.startsWith(rest, end)) return true;
  }
  for (let j = ctx.suffix.indexOf(piece); j !== -1; j = ctx.suffix.indexOf(piece, j + 1)) {
    const lead = ctx.suffix.slice(Math.max(0, j - OWN_CONTEXT_PROBE), j);
    if (text.endsWith(lead, start)) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

function hasWordChar(text: string, start: number, end: number): boolean {
  return WORD_CHAR.test(text.slice(start, end));
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHAR.test(ch);
}

/**
 * An approximate match may not cut a word the quote did not cut: its edges move out to whole
 * words, and the floor then judges the whole words ("Linus" against "machines", not "chines").
 */
function widenToWords(range: { start: number; end: number }, text: string, ctx: Context): { start: number; end: number } {
  let { start, end } = range;
  // Without stored context on a side (an import, the text's edge) nothing is known about that edge.
  const quoteStartsWord = ctx.prefix !== '' && (!isWordChar(ctx.prefix.at(-1)) || !isWordChar(ctx.exact[0]));
  const quoteEndsWord = ctx.suffix !== '' && (!isWordChar(ctx.suffix[0]) || !isWordChar(ctx.exact.at(-1)));
  if (quoteStartsWord) while (start > 0 && start < end && isWordChar(text[start - 1]) && isWordChar(text[start])) start--;
  if (quoteEndsWord) while (end < text.length && end > start && isWordChar(text[end - 1]) && isWordChar(text[end])) end++;
  return { start, end };
}

const TRAILING_MARKS = /[\s\p{P}]+$/u;
const LEADING_MARKS = /^[\s\p{P}]+/u;

/**
 * An approximate match does not begin (end) with the word its stored prefix ends (suffix begins)
 * with where the rest of that context still sits next to it: in "federal grants, and she promised"
 * → "federal grants. She promised", the quote "and she promised" is not "grants. She promised" —
 * the punctuation after "grants" changed, so the context probe missed, and the alignment took
 * the neighbour's word.
 */
function trimOwnContextWords(range: { start: number; end: number }, text: string, ctx: Context): { start: number; end: number } {
  let { start, end } = range;
  const head = /^[\p{L}\p{N}\p{M}]+[\s\p{P}]*/u.exec(text.slice(start, end));
  const prefix = ctx.prefix.replace(TRAILING_MARKS, '');
  if (head && head[0].length < end - start && !ctx.exact.startsWith(head[0].trimEnd())) {
    const word = head[0].replace(TRAILING_MARKS, '');
    if (prefix.endsWith(word) && prefixAdjacent(text, start, prefix.slice(0, -word.length), ADJACENT)) start += head[0].length;
  }
  const tail = /[\s\p{P}]*[\p{L}\p{N}\p{M}]+$/u.exec(text.slice(start, end));
  const suffix = ctx.suffix.replace(LEADING_MARKS, '');
  if (tail && tail[0].length < end - start && !ctx.exact.endsWith(tail[0].trimStart())) {
    const word = tail[0].replace(LEADING_MARKS, '');
    if (suffix.startsWith(word) && suffixAdjacent(text, end, suffix.slice(word.length), ADJACENT)) end -= tail[0].length;
  }
  return { start, end };
}

// A number as written in running text: digits with thousands or decimal separators (Latin and Arabic).
const NUMBER = /\p{Nd}+(?:[.,\u060C\u066B\u066C]\p{Nd}+)*/gu;

/** The words of `s` in order, lower case. */
function contextWords(s: string): string[] {
  return foldCase(s).match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

function wordsOf(s: string): Set<string> {
  return new Set(s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []);
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).length;
}

function digitsOf(s: string): string {
  return (s.match(/\p{Nd}+/gu) ?? []).join(' ');
}

function numberTemplate(s: string): string {
  return s.replace(NUMBER, '#');
}

/** Keeps the candidates nearest the expected position and those with the longest exact context agreement. */
function preselect(candidates: Candidate[], text: string, ctx: Context): Candidate[] {
  if (candidates.length <= MAX_SCORED) return candidates;
  const half = MAX_SCORED / 2;
  const distance = (c: Candidate) => Math.abs(c.start - ctx.hint);
  const nearestOnes = [...candidates].sort((a, b) => distance(a) - distance(b)).slice(0, half);
  const agreement = (c: Candidate) => commonSuffixLength(ctx.prefix, text, c.start) + commonPrefixLength(ctx.suffix, text, c.end);
  const keyed = candidates.map((c) => ({ c, k: agreement(c) }));
  keyed.sort((a, b) => b.k - a.k || distance(a.c) - distance(b.c));
  const chosen = new Set(nearestOnes);
  for (const { c } of keyed.slice(0, half)) chosen.add(c);
  return [...chosen];
}

function commonSuffixLength(context: string, text: string, end: number): number {
  let n = 0;
  while (n < context.length && n < end && context.charCodeAt(context.length - 1 - n) === text.charCodeAt(end - 1 - n)) n++;
  return n;
}

function commonPrefixLength(context: string, text: string, start: number): number {
  let n = 0;
  while (n < context.length && start + n < text.length && context.charCodeAt(n) === text.charCodeAt(start + n)) n++;
  return n;
}

/** Coerces stored fields defensively: anchors come from JSON and older clients. */
function sanitize(raw: AnchorTarget): AnchorTarget {
  const t: Partial<Record<keyof AnchorTarget, unknown>> = typeof raw === 'object' && raw !== null ? raw : {};
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const int = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : 0);
  return { exact: str(t.exact), prefix: str(t.prefix), suffix: str(t.suffix), start: int(t.start), end: int(t.end) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Two or more capitalised words in a row: a person's or a place's name. */
const NAME = /\p{Lu}[\p{L}\p{M}'’-]*(?:\s+\p{Lu}[\p{L}\p{M}'’-]*)+/gu;

/**
 * Whether `quote` names someone (NAME) of whom `candidate` keeps no word, not even respelled (a
 * third of a word's letters changed or fewer: "Mohammad Yusuf" → "Muhammad Yousuf" is kept).
 */
function nameReplaced(quote: string, candidate: string): boolean {
  const names = quote.match(NAME);
  if (!names) return false;
  const others = candidate.split(/[\s\p{P}]+/u).filter((w) => w.length > 0);
  return names.some((name) =>
    name.split(/\s+/u).every((word) => {
      const w = codePointsOf(word);
      return !others.some((o) => editDistance(w, codePointsOf(o), Math.floor(w.length / 3)) <= Math.floor(w.length / 3));
    }),
  );
}
