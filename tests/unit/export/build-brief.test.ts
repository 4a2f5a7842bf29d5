import { describe, expect, it } from 'vitest';
import { buildBrief, FALLBACK_TAG_COLOR, normaliseColor, type Brief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS, type BriefOptions } from '@/lib/export/brief-input';
import { buildFixture, fixtureIdsInDocumentOrder } from './fixture';

const opts = (o: Partial<BriefOptions> = {}): BriefOptions => ({ ...DEFAULT_BRIEF_OPTIONS, ...o });

/** Rebuilds the article text from the blocks, dropping markers. */
function textOf(brief: Brief): string {
  return brief.blocks.map((b) => b.parts.map((p) => (p.kind === 'text' ? p.text : '')).join('')).join('\n');
}

/** Offset in the canonical text at which each claim marker sits. */
function markerOffsets(brief: Brief): Map<number, number> {
  const out = new Map<number, number>();
  for (const b of brief.blocks) {
    let offset = b.start;
    for (const p of b.parts) {
      if (p.kind === 'text') offset += p.text.length;
      else for (const n of p.numbers) out.set(n, offset);
    }
  }
  return out;
}

describe('buildBrief', () => {
  const input = buildFixture();
  const brief = buildBrief(input, opts());

  it('numbers anchored claims in document order and orphaned claims after them', () => {
    expect(brief.sections).toHaveLength(1);
    expect(brief.sections[0].claims.map((c) => c.id)).toEqual(fixtureIdsInDocumentOrder(input));
    expect(brief.sections[0].claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(brief.orphaned.map((c) => [c.id, c.number, c.orphaned])).toEqual([['a-orphan', 8, true]]);
    expect(brief.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps the article text intact and puts each marker at its claim end offset', () => {
    expect(textOf(brief)).toBe(input.version.text);
    const offsets = markerOffsets(brief);
    for (const c of brief.sections[0].claims) expect(offsets.get(c.number), c.id).toBe(c.end);
    expect(offsets.has(8)).toBe(false); // orphaned claims have no marker
  });

  it('handles overlapping claims: both markers present, in end-offset order', () => {
    const ttp = brief.claims.find((c) => c.id === 'a-ttp-soil');
    const six = brief.claims.find((c) => c.id === 'a-600');
    expect(ttp && six).toBeTruthy();
    expect(ttp!.start < six!.start && ttp!.end > six!.start && ttp!.end < six!.end).toBe(true);
    const para = brief.blocks.find((b) => b.parts.some((p) => p.kind === 'marker' && p.numbers.includes(ttp!.number)))!;
    const markers = para.parts.filter((p) => p.kind === 'marker').flatMap((p) => (p.kind === 'marker' ? p.numbers : []));
    expect(markers).toEqual([ttp!.number, six!.number]);
  });

  it('groups markers of claims that end at the same offset', () => {
    const inp = buildFixture();
    const base = inp.annotations.find((a) => a.id === 'a-600')!;
    inp.annotations.push({ ...base, id: 'a-600-twin', start: base.start + 11, tag: 'analyst', exact: base.exact.slice(11) });
    const b = buildBrief(inp, opts());
    const marker = b.blocks.flatMap((bl) => bl.parts).find((p) => p.kind === 'marker' && p.numbers.length > 1);
    const nums = ['a-600', 'a-600-twin'].map((id) => b.claims.find((c) => c.id === id)!.number);
    expect(nums[0]).not.toBe(nums[1]);
    expect(marker).toEqual({ kind: 'marker', numbers: [...nums].sort((x, y) => x - y) });
  });

  it('puts the headline claim marker at the end of block 0 and labels block types from the doc', () => {
    expect(brief.blocks[0].type).toBe('headline');
    expect(brief.blocks[0].parts.at(-1)).toEqual({ kind: 'marker', numbers: [1] });
    const headings = brief.blocks.filter((b) => b.type === 'heading').map((b) => b.parts.map((p) => (p.kind === 'text' ? p.text : '')).join(''));
    expect(headings).toContain('A dangerous militant ecosystem');
    expect(headings).toContain('The BLA TTP connection');
    expect(headings.every((h) => !h.endsWith('.'))).toBe(true);
  });

  it('counts per tag and per status, and lists analysts and reviewers', () => {
    expect(brief.summary.total).toBe(8);
    expect(brief.summary.anchored).toBe(7);
    expect(brief.summary.orphaned).toBe(1);
    expect(brief.summary.byTag.map((t) => [t.tag.key, t.count])).toEqual([
      ['un', 4],
      ['intelligence', 2],
      ['analyst', 2],
    ]);
    expect(Object.fromEntries(brief.summary.byStatus.map((s) => [s.status, s.count]))).toEqual({ UNREVIEWED: 3, CONFIRMED: 2, DISPUTED: 2, NEEDS_SOURCE: 1 });
    expect(brief.summary.maxTagCount).toBe(4);
    expect(brief.analysts.map((a) => [a.name, a.claims])).toEqual([
      ['Amina Qureshi', 4],
      ['Tom Becker', 4],
    ]);
    expect(brief.reviewers.map((r) => [r.name, r.reviews])).toEqual([
      ['Sara Lindqvist', 4],
      ['Omar Haddad', 2],
    ]);
  });

  it('grade label combines reliability and credibility', () => {
    const byId = new Map(brief.claims.map((c) => [c.id, c]));
    expect(byId.get('a-haven')!.gradeLabel).toBe('B2');
    expect(byId.get('a-ttp-soil')!.gradeLabel).toBe('?4');
    expect(byId.get('a-shared-planning')!.gradeLabel).toBeNull();
  });

  it('onlyConfirmed keeps CONFIRMED claims only and renumbers them', () => {
    const b = buildBrief(input, opts({ onlyConfirmed: true }));
    expect(b.claims.map((c) => [c.id, c.number])).toEqual([
      ['a-haven', 1],
      ['a-6000', 2],
    ]);
    expect(b.summary.byStatus.find((s) => s.status === 'CONFIRMED')!.count).toBe(2);
    expect(b.summary.total).toBe(2);
  });

  it('filters by tag keys; an empty list means no filter', () => {
    expect(buildBrief(input, opts({ tags: ['intelligence'] })).claims.map((c) => c.id)).toEqual(['a-ttp-soil', 'a-bla-cities']);
    expect(buildBrief(input, opts({ tags: [] })).claims).toHaveLength(8);
  });

  it('group=tag lists sections in tag order and numbers claims in that order', () => {
    const b = buildBrief(input, opts({ group: 'tag' }));
    expect(b.sections.map((s) => s.tag?.key)).toEqual(['un', 'intelligence', 'analyst']);
    expect(b.sections.flatMap((s) => s.claims.map((c) => c.id))).toEqual(['a-haven', 'a-600', 'a-6000', 'a-ttp-soil', 'a-bla-cities', 'a-headline', 'a-shared-planning']);
    expect(b.sections.flatMap((s) => s.claims.map((c) => c.number))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(b.orphaned[0].number).toBe(8);
    // markers still follow the text: first marker in the article is the headline claim (number 6 here)
    const first = b.blocks[0].parts.find((p) => p.kind === 'marker');
    expect(first).toEqual({ kind: 'marker', numbers: [6] });
  });

  it('drops notes, replies and reviewer names when asked', () => {
    const b = buildBrief(input, opts({ includeNotes: false, includeReplies: false, includeReviewerNames: false }));
    expect(b.claims.every((c) => c.note === null)).toBe(true);
    expect(b.claims.every((c) => c.replies.length === 0)).toBe(true);
    expect(b.claims.flatMap((c) => c.reviews).every((r) => r.reviewerName === null)).toBe(true);
    expect(b.reviewers).toEqual([]);
    // the dispute comment is the reviewer's verdict, not a note: it stays
    expect(b.claims.find((c) => c.id === 'a-600')!.reviews[0].comment).toMatch(/PIPS/);
  });

  it('treats annotations with impossible offsets as orphaned', () => {
    const inp = buildFixture();
    inp.annotations[0] = { ...inp.annotations[0], start: 10, end: inp.version.text.length + 5 };
    const b = buildBrief(inp, opts());
    expect(b.orphaned.map((c) => c.id)).toContain('a-haven');
    expect(b.orphaned.find((c) => c.id === 'a-haven')!.anchorState).toBe('orphaned');
  });

  it('gives unknown tag keys a neutral fallback and sanitises tag colours', () => {
    const inp = buildFixture();
    inp.tags[0] = { ...inp.tags[0], color: 'red;background:url(javascript:alert(1))' };
    inp.tags[1] = { ...inp.tags[1], color: '#ABC' };
    inp.annotations[0] = { ...inp.annotations[0], tag: 'mystery' };
    const b = buildBrief(inp, opts());
    expect(b.tags.find((t) => t.key === 'un')!.color).toBe(FALLBACK_TAG_COLOR);
    expect(b.tags.find((t) => t.key === 'intelligence')!.color).toBe('#aabbcc');
    const mystery = b.tags.find((t) => t.key === 'mystery')!;
    expect(mystery).toMatchObject({ label: 'mystery', known: false, color: FALLBACK_TAG_COLOR });
    expect(b.summary.byTag.find((t) => t.tag.key === 'mystery')!.count).toBe(1);
    expect(normaliseColor(' #2563EB ')).toBe('#2563eb');
  });

  it('handles an article with no annotations', () => {
    const inp = buildFixture();
    inp.annotations = [];
    const b = buildBrief(inp, opts());
    expect(b.claims).toEqual([]);
    expect(b.sections).toEqual([]);
    expect(textOf(b)).toBe(inp.version.text);
    expect(b.summary.maxTagCount).toBe(0);
  });
});
