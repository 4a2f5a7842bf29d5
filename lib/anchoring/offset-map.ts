import { diffArrays, diffWordsWithSpace } from 'diff';
import { isHighSurrogate, isLowSurrogate } from '@/lib/anchoring/code-points';
import { clampInt as clamp, lastAtOrBefore } from '@/lib/anchoring/search-sorted';

/**
 * What stayed the same between two versions' canonical texts: runs of unchanged characters,
 * each at its old and its new offset. Between two runs lies one change (old text replaced by
 * new text, either side possibly empty).
 */
export type OffsetMap = {
  readonly oldLength: number;
  readonly newLength: number;
  /** Number of unchanged runs. */
  readonly runCount: number;
  /**
   * The shift (new − old offset) when old [start, end) lies inside one unchanged run, else null:
   * then every character of that range is still there, in the same order and neighbourhood.
   */
  unchangedShift(start: number, end: number): number | null;
  /**
   * Where an old range's start lands: its new offset when unchanged, else the start of the
   * change it falls in. With `mapEnd`, a changed quote maps onto the text that replaced it.
   */
  mapStart(oldOffset: number): number;
  /** Where an old range's end lands: its new offset when unchanged, else the end of the change it falls in. */
  mapEnd(oldOffset: number): number;
  /** Old offset of a new offset inside an unchanged run, or -1 for new (inserted or replacing) text. */
  toOld(newOffset: number): number;
  /**
   * The parts of new [start, end) that are unchanged text from outside old [oldFrom, oldTo):
   * words that were already in the old text somewhere else than the range.
   */
  foreignSpans(start: number, end: number, oldFrom: number, oldTo: number): Array<[number, number]>;
  /** Share (0..1) of old [start, end) that is still there, unchanged: how much of a passage survived. */
  keptShare(start: number, end: number): number;
  /** The new text's changed ranges [start, end), in order (empty ones are pure deletions). */
  changes(): Array<[number, number]>;
};

/**
 * Diff budgets. Myers' diff costs O(size · edits); beyond these the version is treated as
 * rewritten there (one change), and re-anchoring falls back to searching, as without a diff.
 * Inside a passage the budget grows with its length: a paragraph that needs more edits than half
 * its words and spaces (about one per 6 characters) was rewritten, and aligning it word by word
 * would only pair common words ("the", "said") by chance.
 */
const MAX_LINE_EDITS = 1000;
/** Longer changed passages are not diffed word by word (one change). */
const MAX_WORD_DIFF_CHARS = 20_000;
const MIN_WORD_EDITS = 16;
const CHARS_PER_WORD_EDIT = 6;

/**
 * Diffs two canonical texts paragraph by paragraph (`diff`'s array diff on lines), then inside
 * each changed paragraph by words. Most edits touch few paragraphs, and a paragraph edited in
 * place is diffed only between its common prefix and suffix, so a version with hundreds of
 * small edits maps in a few milliseconds where one word diff of the whole text takes ~0.2 s.
 */
export function buildOffsetMap(oldText: string, newText: string): OffsetMap {
  const runs = new RunList();
  if (oldText === newText) {
    runs.add(0, 0, oldText.length);
    return makeMap(runs, oldText.length, newText.length);
  }
  const oldLines = splitLines(oldText);
  const newLines = splitLines(newText);
  const lineChanges = diffArrays(oldLines, newLines, { maxEditLength: MAX_LINE_EDITS });
  if (!lineChanges) {
    diffPassage(runs, oldText, 0, newText, 0);
    return makeMap(runs, oldText.length, newText.length);
  }
  let o = 0;
  let n = 0;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length === added.length) {
      // Paragraphs edited in place: diff each with its counterpart. Where consecutive counterparts
      // do not read alike, the same count is a coincidence (a paragraph split beside two merged):
      // those are diffed as one passage, so the split paragraph's words still meet their own.
      for (let i = 0; i < removed.length; ) {
        let j = i;
        let size = 0;
        while (j < removed.length && !readsAlike(removed[j], added[j]) && size + removed[j].length + added[j].length <= MAX_WORD_DIFF_CHARS) {
          size += removed[j].length + added[j].length;
          j++;
        }
        if (j - i >= 2) {
          const a = removed.slice(i, j).join('');
          const b = added.slice(i, j).join('');
          diffPassage(runs, a, o, b, n);
          o += a.length;
          n += b.length;
          i = j;
          continue;
        }
        diffPassage(runs, removed[i], o, added[i], n);
        o += removed[i].length;
        n += added[i].length;
        i++;
      }
    } else if (removed.length > 0 || added.length > 0) {
      const a = removed.join('');
      const b = added.join('');
      diffPassage(runs, a, o, b, n);
      o += a.length;
      n += b.length;
    }
    removed = [];
    added = [];
  };
  for (const change of lineChanges) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      const length = sumLengths(change.value);
      runs.add(o, n, length);
      o += length;
      n += length;
    }
  }
  flush();
  return makeMap(runs, oldText.length, newText.length);
}

/** Lines with their "\n", so that the lines' lengths add up to the text's. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let from = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', from)) {
    lines.push(text.slice(from, at + 1));
    from = at + 1;
  }
  if (from < text.length) lines.push(text.slice(from));
  return lines;
}

function sumLengths(parts: string[]): number {
  let n = 0;
  for (const p of parts) n += p.length;
  return n;
}

/** Records the unchanged runs between old passage `a` (at `ao`) and new passage `b` (at `bo`). */
function diffPassage(runs: RunList, a: string, ao: number, b: string, bo: number): void {
  const limit = Math.min(a.length, b.length);
  let head = 0;
  while (head < limit && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  // Never split a surrogate pair between a run and a change.
  if (head > 0 && head < a.length && isHighSurrogate(a.charCodeAt(head - 1))) head--;
  if (tail > 0 && tail < a.length && isLowSurrogate(a.charCodeAt(a.length - tail))) tail--;
  runs.add(ao, bo, head);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  if (midA.length > 0 && midB.length > 0 && midA.length + midB.length <= MAX_WORD_DIFF_CHARS && sharesMostPairs(midA, midB)) {
    const budget = Math.max(MIN_WORD_EDITS, Math.floor((midA.length + midB.length) / CHARS_PER_WORD_EDIT));
    const words = diffWordsWithSpace(midA, midB, { maxEditLength: budget });
    if (words) {
      let o = ao + head;
      let n = bo + head;
      for (const w of words) {
        if (w.added) n += w.value.length;
        else if (w.removed) o += w.value.length;
        else {
          runs.add(o, n, w.value.length);
          o += w.value.length;
          n += w.value.length;
        }
      }
    }
  }
  runs.add(ao + a.length - tail, bo + b.length - tail, tail);
}

/**
 * Whether at least half of the word pairs of the shorter passage occur in the other: true for a
 * copy-edited paragraph, false for a rewritten one. `diff`'s word diff costs far more than
 * O(size · edits) when the edits are many, so rewrites are recognised before it runs.
 */
function sharesMostPairs(a: string, b: string, ofLarger = false): boolean {
  // `ofLarger`: half of the longer passage's pairs too (a paragraph that is only part of the other is not it edited).
  const pairs = (s: string) => {
    const words = s.split(/\s+/).filter(Boolean);
    const out = new Set<string>();
    for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  const [small, large] = pa.size <= pb.size ? [pa, pb] : [pb, pa];
  if (small.size < 4) return true;
  let shared = 0;
  for (const p of small) if (large.has(p)) shared++;
  return 2 * shared >= (ofLarger ? large.size : small.size);
}

/** Whether two paragraphs are one copy-edited: most word pairs of each, the longer too, occur in the other. */
function readsAlike(a: string, b: string): boolean {
  // Most copy-edits leave the ends alone: then no word pairs need counting.
  const limit = Math.min(a.length, b.length);
  let head = 0;
  while (head < limit && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < limit - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  if (2 * (head + tail) >= Math.max(a.length, b.length)) return true;
  return sharesMostPairs(a, b, true);
}

/** Unchanged runs in order, adjacent ones merged. */
class RunList {
  readonly oldStart: number[] = [];
  readonly newStart: number[] = [];
  readonly length: number[] = [];

  add(o: number, n: number, length: number): void {
    if (length <= 0) return;
    const last = this.length.length - 1;
    if (last >= 0 && this.oldStart[last] + this.length[last] === o && this.newStart[last] + this.length[last] === n) {
      this.length[last] += length;
      return;
    }
    this.oldStart.push(o);
    this.newStart.push(n);
    this.length.push(length);
  }
}

function makeMap(runs: RunList, oldLength: number, newLength: number): OffsetMap {
  const { oldStart, newStart, length } = runs;
  const count = length.length;

  const mapStart = (raw: number): number => {
    const p = clamp(raw, 0, oldLength);
    const i = lastAtOrBefore(oldStart, p);
    if (i === -1) return 0;
    if (p < oldStart[i] + length[i]) return newStart[i] + (p - oldStart[i]);
    return newStart[i] + length[i];
  };

  const mapEnd = (raw: number): number => {
    const p = clamp(raw, 0, oldLength);
    const i = lastBefore(oldStart, p);
    if (i !== -1 && p <= oldStart[i] + length[i]) return newStart[i] + (p - oldStart[i]);
    return i + 1 < count ? newStart[i + 1] : newLength;
  };

  const unchangedShift = (start: number, end: number): number | null => {
    if (!(start >= 0 && end >= start && end <= oldLength)) return null;
    const i = lastAtOrBefore(oldStart, start);
    if (i === -1 || end > oldStart[i] + length[i] || (end === start && start === oldStart[i] + length[i])) return null;
    return newStart[i] - oldStart[i];
  };

  const toOld = (raw: number): number => {
    const q = clamp(raw, 0, newLength);
    const i = lastAtOrBefore(newStart, q);
    return i !== -1 && q < newStart[i] + length[i] ? oldStart[i] + (q - newStart[i]) : -1;
  };

  const foreignSpans = (rawStart: number, rawEnd: number, oldFrom: number, oldTo: number): Array<[number, number]> => {
    const start = clamp(rawStart, 0, newLength);
    const end = clamp(rawEnd, start, newLength);
    const out: Array<[number, number]> = [];
    const push = (a: number, b: number) => {
      if (b <= a) return;
      const last = out[out.length - 1];
      if (last && last[1] === a) last[1] = b;
      else out.push([a, b]);
    };
    for (let i = Math.max(0, lastAtOrBefore(newStart, start)); i < count && newStart[i] < end; i++) {
      const a = Math.max(start, newStart[i]);
      const b = Math.min(end, newStart[i] + length[i]);
      if (b <= a) continue;
      // The same characters in old coordinates, and the part of them inside [oldFrom, oldTo).
      const shift = oldStart[i] - newStart[i];
      const ownFrom = Math.min(b, Math.max(a, oldFrom - shift));
      const ownTo = Math.max(ownFrom, Math.min(b, oldTo - shift));
      push(a, ownFrom);
      push(ownTo, b);
    }
    return out;
  };

  const keptShare = (rawStart: number, rawEnd: number): number => {
    const start = clamp(rawStart, 0, oldLength);
    const end = clamp(rawEnd, start, oldLength);
    if (end === start) return 1;
    let kept = 0;
    for (let i = Math.max(0, lastAtOrBefore(oldStart, start)); i < count && oldStart[i] < end; i++) {
      kept += Math.max(0, Math.min(end, oldStart[i] + length[i]) - Math.max(start, oldStart[i]));
    }
    return kept / (end - start);
  };

  const changes = (): Array<[number, number]> => {
    const out: Array<[number, number]> = [];
    let cursor = 0;
    let oldCursor = 0;
    for (let i = 0; i < count; i++) {
      if (newStart[i] > cursor || oldStart[i] > oldCursor) out.push([cursor, newStart[i]]);
      cursor = newStart[i] + length[i];
      oldCursor = oldStart[i] + length[i];
    }
    if (cursor < newLength || oldCursor < oldLength) out.push([cursor, newLength]);
    return out;
  };

  return { oldLength, newLength, runCount: count, unchangedShift, mapStart, mapEnd, toOld, foreignSpans, keptShare, changes };
}

/** Index of the last element < value in an ascending array of integers, or -1. */
function lastBefore(sorted: number[], value: number): number {
  return lastAtOrBefore(sorted, value - 1);
}
