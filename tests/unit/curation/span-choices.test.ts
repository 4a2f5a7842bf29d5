import { describe, expect, it } from 'vitest';
import { intersectionOf, spanChoices, unionOf } from '@/lib/curation/span-choices';

const TEXT = 'Officials said the TTP carried out over 600 attacks in Pakistan in 2025 alone, targeting security forces.';
const span = (exact: string) => ({ start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length, exact });
const amira = { author: { name: 'Amira' }, target: span('the TTP carried out over 600 attacks') };
const ben = { author: { name: 'Ben' }, target: span('over 600 attacks in Pakistan in 2025 alone') };

describe('span choices for a curated annotation', () => {
  it('offers each analyst’s span, the union and the shared part, each with the article’s own words', () => {
    const choices = spanChoices([amira, ben]);
    expect(choices.map((c) => c.label)).toEqual(['Amira’s span', 'Ben’s span', 'All of them (union)', 'Only what they share']);
    for (const c of choices) expect(TEXT.slice(c.start, c.end)).toBe(c.exact);
    expect(choices[2]!.exact).toBe('the TTP carried out over 600 attacks in Pakistan in 2025 alone');
    expect(choices[3]!.exact).toBe('over 600 attacks');
  });

  it('lists a span once: two analysts who marked the same words, or one span inside the other', () => {
    const same = { author: { name: 'Ben' }, target: amira.target };
    expect(spanChoices([amira, same]).map((c) => c.label)).toEqual(['Amira’s span']);
    const inner = { author: { name: 'Ben' }, target: span('600 attacks') };
    // The union is Amira's span and the shared part Ben's: nothing new to offer.
    expect(spanChoices([amira, inner]).map((c) => c.label)).toEqual(['Amira’s span', 'Ben’s span']);
  });

  it('has no union across a gap and no shared part when the spans only touch', () => {
    expect(unionOf([span('Officials said'), span('600 attacks')])).toBeNull();
    const left = span('the TTP carried out');
    const right = { start: left.end, end: left.end + ' over 600'.length, exact: ' over 600' };
    expect(intersectionOf([left, right])).toBeNull();
    expect(unionOf([left, right])).toEqual({ start: left.start, end: right.end, exact: 'the TTP carried out over 600' });
  });

  it('builds the union of three overlapping spans in any order', () => {
    const spans = [span('in Pakistan in 2025 alone, targeting'), span('the TTP carried out over'), span('over 600 attacks in Pakistan')];
    const union = unionOf(spans)!;
    expect(TEXT.slice(union.start, union.end)).toBe(union.exact);
    expect(union.exact).toBe('the TTP carried out over 600 attacks in Pakistan in 2025 alone, targeting');
  });
});
