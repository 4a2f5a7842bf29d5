import { describe, expect, it } from 'vitest';
import { describeRange, reanchor, reanchorAll, type AnchorTarget } from '@/lib/anchoring';
import { buildReanchorCase, tally } from '../../../bench/support/reanchor-case';
import { loadArticle, prng } from './fixtures';

/**
 * A ~50k-character text: the demo article and seven copies in which every other word is
 * letter-shifted (a different shift per copy), so phrases are not near-duplicates of each
 * other, plus one unique paragraph.
 */
function longText(): { text: string; unique: { start: number; end: number } } {
  const article = loadArticle();
  const copies: string[] = [];
  for (let k = 0; k < 8; k++) {
    let j = 0;
    copies.push(article.replace(/[A-Za-z]+/g, (w) => (k > 0 && j++ % 2 === 0 ? shift(w, k) : w)));
  }
  const paragraph =
    'Separately, a parliamentary committee in Islamabad summoned the interior secretary to explain delays in the border fencing project, citing budget overruns and disputed land records.';
  const before = copies.slice(0, 4).join('\n');
  const text = `${before}\n${paragraph}\n${copies.slice(4).join('\n')}`;
  return { text, unique: { start: before.length + 1, end: before.length + 1 + paragraph.length } };
}

function shift(word: string, by: number): string {
  return word.replace(/[a-z]/g, (c) => String.fromCharCode(97 + ((c.charCodeAt(0) - 97 + by) % 26)));
}

type Edit = { at: number; remove: number; insert: string };

/** Applies non-overlapping edits; returns the text and a function mapping old offsets to new ones. */
function applyEdits(text: string, edits: Edit[]): { text: string; map: (offset: number) => number } {
  const sorted = [...edits].sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.at) + e.insert + out.slice(e.at + e.remove);
  const map = (offset: number) => {
    let o = offset;
    for (const e of sorted) {
      if (o >= e.at + e.remove) o += e.insert.length - e.remove;
      else if (o > e.at) o = e.at;
    }
    return o;
  };
  return { text: out, map };
}

/** Whether the edit changes characters of [start, end) (an insertion strictly inside counts). */
const touches = (e: Edit, start: number, end: number) => e.at < end && Math.max(e.at + e.remove, e.at + 1) > start;

describe('reanchorAll on 1,000 annotations of a long article', () => {
  const { text, unique } = longText();
  const random = prng(20_240_611);
  const words = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

  const targets: AnchorTarget[] = [];
  while (targets.length < 1000) {
    if (targets.length > 0 && random() < 0.1) {
      targets.push(targets[Math.floor(random() * targets.length)]); // two analysts, same claim
      continue;
    }
    const first = Math.floor(random() * (words.length - 20));
    const span = 4 + Math.floor(random() * 16);
    targets.push(describeRange(text, words[first].start, words[first + span - 1].end));
  }
  for (let i = 0; i < 5; i++) {
    const first = words.findIndex((w) => w.start >= unique.start) + i * 4;
    targets.push(describeRange(text, words[first].start, words[first + 3].end));
  }

  // A light copy-edit: a sentence added near the top, a typo inside every 25th annotation,
  // and the unique paragraph removed.
  const edits: Edit[] = [{ at: text.indexOf('ISLAMABAD:'), remove: 0, insert: 'Updated on Friday. ' }];
  edits.push({ at: unique.start, remove: unique.end - unique.start + 1, insert: '' });
  for (let i = 0; i < 1000; i += 25) {
    const t = targets[i];
    const inner = words.find((w) => w.start > t.start + 3 && w.end < t.end - 3);
    if (!inner || edits.some((e) => touches(e, inner.start - 1, inner.end + 1))) continue;
    const middle = (inner.start + inner.end) >> 1;
    edits.push({ at: middle, remove: 0, insert: 'x' });
  }
  const { text: edited, map } = applyEdits(text, edits);

  it('re-anchors every annotation correctly and the same way reanchor does', () => {
    const results = reanchorAll(targets, edited);
    expect(results).toHaveLength(targets.length);

    let untouched = 0;
    let fuzzy = 0;
    let orphaned = 0;
    targets.forEach((t, i) => {
      const r = results[i];
      expect(0 <= r.start && r.start <= r.end && r.end <= edited.length).toBe(true);
      const insideUnique = t.start >= unique.start && t.end <= unique.end;
      const editedInside = edits.filter((e) => touches(e, t.start, t.end));
      if (insideUnique) {
        orphaned++;
        expect(r.state).toBe('orphaned');
      } else if (touches(edits[1], t.start, t.end)) {
        expect(r.state).not.toBe('exact'); // half of it was deleted
      } else if (editedInside.length === 0) {
        untouched++;
        expect({ i, start: r.start, end: r.end, ok: ['exact', 'moved'].includes(r.state) }).toEqual({
          i,
          start: map(t.start),
          end: map(t.end),
          ok: true,
        });
      } else {
        fuzzy++;
        expect(r.state).toBe('fuzzy');
        expect(r.start).toBe(map(t.start));
        expect(r.end).toBe(map(t.end));
        expect(edited.slice(r.start, r.end)).not.toBe(t.exact);
      }
    });
    expect(untouched).toBeGreaterThan(900);
    expect(fuzzy).toBeGreaterThan(30);
    expect(orphaned).toBeGreaterThanOrEqual(5);

    // Spot-check the cached bulk path against the single-target one.
    for (let i = 0; i < targets.length; i += 37) expect(results[i]).toEqual(reanchor(targets[i], edited));
  });
});

describe('reanchorAll on a new version: the benchmark’s data set (issue #12)', () => {
  // 1,000 annotations of 1–20 words on a 10,000-word article; ~18% of the quotes lightly edited,
  // 30 sentences inserted, whole sentences deleted. Several seeds, so no rule is tuned to one draw.
  for (const seed of [12, 1, 2, 3]) {
    it(`lands every annotation on the right words in the right state (seed ${seed})`, () => {
      const c = buildReanchorCase(seed);
      const t = tally(c, reanchorAll(c.targets, c.edited, { previousText: c.text }));
      expect(t.byKind.edited.total).toBeGreaterThanOrEqual(170);
      expect(t.byKind.deleted.total + t.byKind.cut.total).toBeGreaterThan(5);
      expect(t.wrong).toEqual([]);
      expect(t.correct).toBe(1000);
    });
  }
});

describe('reanchorAll on smaller articles of the same kind (4,000 words): an untouched quote after an edited sentence', () => {
  // On these seeds the diff paired the quote's first word ("in", "Talks") with old text of the
  // edited sentence before it, which trimmed the word off and made the quote fuzzy on the rest.
  for (const seed of [5, 10, 11]) {
    it(`keeps its whole range when it re-anchors (seed ${seed})`, () => {
      const c = buildReanchorCase(seed, 4000);
      const results = reanchorAll(c.targets, c.edited, { previousText: c.text });
      const trimmed = c.expected.flatMap((x, i) => {
        const r = results[i]!;
        if (x.kind !== 'untouched' || r.state === 'orphaned') return [];
        const whole = r.state !== 'fuzzy' && r.start === x.start && r.end === x.end;
        return whole ? [] : [`#${i} "${c.targets[i]!.exact}" → ${r.state} "${c.edited.slice(r.start, r.end)}"`];
      });
      expect(trimmed).toEqual([]);
    });
  }
});

describe('reanchorAll when every paragraph moved (the new version lists them in reverse order)', () => {
  it('follows each claim to its paragraph; what it cannot vouch for is orphaned, never put on other words', () => {
    const c = buildReanchorCase(12);
    const paragraphs = c.edited.split('\n');
    const reversed = [paragraphs[0], ...paragraphs.slice(1).reverse()].join('\n');
    const results = reanchorAll(c.targets, reversed, { previousText: c.text });
    let followed = 0;
    let eligible = 0;
    const wrong: string[] = [];
    c.expected.forEach((x, i) => {
      const r = results[i];
      const t = c.targets[i];
      // A quote across two paragraphs has no place once they are apart; a deleted one has none at all.
      if (t.exact.includes('\n') || x.kind === 'deleted' || x.kind === 'cut') {
        const allowed = r.state === 'orphaned' || t.exact.includes('\n') || (x.kind === 'cut' && r.state === 'fuzzy');
        if (!allowed) wrong.push(`#${i} ${x.kind} → ${r.state}`);
        return;
      }
      eligible++;
      if (r.state === 'orphaned') return;
      const want = c.edited.slice(x.start, x.end);
      const ok = reversed.slice(r.start, r.end) === want && (x.kind === 'edited' ? r.state === 'fuzzy' : r.state !== 'fuzzy');
      if (ok) followed++;
      else wrong.push(`#${i} ${x.kind} "${t.exact}" → ${r.state} "${reversed.slice(r.start, r.end)}"`);
    });
    expect(wrong).toEqual([]);
    expect(followed / eligible).toBeGreaterThan(0.97);
  });
});
