import { FALLBACK_TAG_COLOR } from '@/lib/tags/tag-color';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import type { DecorationSet } from '@tiptap/pm/view';
import { buildHighlightDecorations, highlightColorClass, highlightColorRules, highlightStateOf, updateHighlightState, type HighlightInput, type HighlightMeta } from '@/components/reader/annotation-highlights';
import { buildPositionMapFromPm } from '@/lib/anchoring';

const schema = getSchema([StarterKit]);
const TEXT_A = 'The UN report counts more than 20 groups operating from Afghan soil.';
const TEXT_B = 'Analysts warn the nexus is widening across the border regions.';
const doc = schema.nodeFromJSON({
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: TEXT_A }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'A heading' }] },
    { type: 'paragraph', content: [{ type: 'text', text: TEXT_B }] },
  ],
});
const canonicalLength = TEXT_A.length + 1 + 'A heading'.length + 1 + TEXT_B.length;

const highlight = (id: string, start: number, end: number): HighlightInput => ({ id, start, end, color: '#123456', pending: false, fuzzy: false, label: id });

/** Every decoration as "from-to:id", innermost first per segment, in document order. */
function flatten(highlights: HighlightInput[], selectedId: string | null = null): string[] {
  return buildHighlightDecorations(doc, { highlights, selectedId })
    .find()
    .map((d) => `${d.from}-${d.to}:${(d.spec as { annotationId: string }).annotationId}`);
}

/** The straightforward definition: each segment between boundaries, covering ranges shortest first. */
function naive(highlights: HighlightInput[]): string[] {
  const map = buildPositionMapFromPm(doc);
  const ranges = highlights
    .filter((h) => h.end > h.start)
    .map((h) => ({ h, ...map.toPmRange(h.start, h.end) }))
    .filter((r) => r.to > r.from);
  const cuts = [...new Set(ranges.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const order = [...ranges].sort((a, b) => a.h.end - a.h.start - (b.h.end - b.h.start) || b.h.start - a.h.start);
  const out: string[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    for (const r of order) if (r.from <= cuts[i]! && cuts[i + 1]! <= r.to) out.push(`${cuts[i]}-${cuts[i + 1]}:${r.h.id}`);
  }
  return out;
}

const sorted = (list: string[]) => [...list].sort();

describe('buildHighlightDecorations', () => {
  it('cuts overlapping highlights at every boundary, the shorter one innermost', () => {
    // a: "UN report counts" inside b: "The UN report counts more"
    const a = highlight('a', 4, 20);
    const b = highlight('b', 0, 25);
    const result = flatten([b, a]);
    // pm positions are canonical + 1 inside the first paragraph
    expect(sorted(result)).toEqual(sorted(['1-5:b', '5-21:a', '5-21:b', '21-26:b']));
    expect(result).toEqual(naive([b, a]));
  });

  it('skips empty ranges and marks the selected highlight', () => {
    const set = buildHighlightDecorations(doc, { highlights: [highlight('x', 3, 3), highlight('y', 0, 3)], selectedId: 'y' });
    const found = set.find();
    expect(found).toHaveLength(1);
    expect((found[0] as unknown as { type: { attrs: { class: string } } }).type.attrs.class).toContain('cd-selected');
  });

  it('matches the straightforward definition on random overlapping highlights, across blocks', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const list: HighlightInput[] = [];
      for (let i = 0; i < 40; i++) {
        const start = random(canonicalLength - 1);
        list.push(highlight(`h${round}-${i}`, start, Math.min(canonicalLength, start + 1 + random(60))));
      }
      expect(sorted(flatten(list))).toEqual(sorted(naive(list)));
    }
  });

  it('colours highlights through one shared class per colour; anything but #rrggbb gets the fallback colour, never an inline style', () => {
    const attrsOf = (color: string) =>
      (buildHighlightDecorations(doc, { highlights: [{ ...highlight('z', 0, 5), color }], selectedId: null }).find()[0] as unknown as { type: { attrs: Record<string, string> } })
        .type.attrs;
    expect(attrsOf('#1F77B4').class).toContain('cd-c-1f77b4');
    expect(attrsOf('#1F77B4').style).toBeUndefined();
    // A stored colour is data: it must not be able to write CSS (issue #11, item 11).
    for (const odd of ['rgb(1, 2, 3)', 'red;background:url(//evil.example)', '#123456}body{display:none']) {
      expect(attrsOf(odd).style, odd).toBeUndefined();
      expect(attrsOf(odd).class).toContain(`cd-c-${FALLBACK_TAG_COLOR.slice(1)}`);
    }
    expect(highlightColorClass('red')).toBe(`cd-c-${FALLBACK_TAG_COLOR.slice(1)}`);
    expect(highlightColorRules(['#1F77B4', '#1f77b4', 'red', '#00aa00'])).toBe(`.cd-c-1f77b4{--tag:#1f77b4}.cd-c-${FALLBACK_TAG_COLOR.slice(1)}{--tag:${FALLBACK_TAG_COLOR}}.cd-c-00aa00{--tag:#00aa00}`);
  });
});

describe('updateHighlightState', () => {
  /** Every decoration as "from-to:id[classes]" in the order ProseMirror renders them. */
  const render = (set: DecorationSet) =>
    set.find().map((d) => {
      const attrs = (d as unknown as { type: { attrs?: Record<string, string> } }).type.attrs;
      return `${d.from}-${d.to}:${(d.spec as { annotationId: string }).annotationId}[${attrs?.class ?? 'widget'}]`;
    });
  const full = (meta: HighlightMeta) => render(buildHighlightDecorations(doc, meta));

  it('draws exactly what a full build draws, after random additions, removals, moves and selections', () => {
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let list: HighlightInput[] = [];
    for (let i = 0; i < 30; i++) {
      const start = random(canonicalLength - 1);
      list.push({ ...highlight(`h${i}`, start, Math.min(canonicalLength, start + 1 + random(40))), conflict: random(4) === 0 });
    }
    let meta: HighlightMeta = { highlights: list, selectedId: null };
    let state = highlightStateOf(doc, meta);
    for (let step = 0; step < 60; step++) {
      const change = random(4);
      if (change === 0) {
        const start = random(canonicalLength - 1);
        list = [...list, highlight(`n${step}`, start, Math.min(canonicalLength, start + 1 + random(30)))];
      } else if (change === 1 && list.length > 1) {
        list = list.filter((_, i) => i !== random(list.length));
      } else if (change === 2) {
        const i = random(list.length);
        list = list.map((h, j) => (j === i ? { ...h, end: Math.min(canonicalLength, h.end + 3), conflict: !h.conflict } : h));
      }
      meta = { highlights: list, selectedId: change === 3 ? list[random(list.length)]!.id : meta.selectedId };
      state = updateHighlightState(doc, state, meta);
      expect(render(state.set), `step ${step}`).toEqual(full(meta));
    }
  });

  it('keeps every decoration of annotations that share no text with the changed one', () => {
    const a = highlight('a', 0, 10);
    const b = highlight('b', 40, 50);
    const state = highlightStateOf(doc, { highlights: [a, b], selectedId: null });
    // find() copies decorations to document positions; their type (attributes and spec) is the object ProseMirror compares.
    const typeOf = (d: unknown) => (d as { type: unknown }).type;
    const oldB = typeOf(state.set.find(38, 52)[0]);
    const next = updateHighlightState(doc, state, { highlights: [a, b], selectedId: 'a' });
    expect(typeOf(next.set.find(38, 52)[0])).toBe(oldB);
    expect(typeOf(next.set.find(0, 12)[0])).not.toBe(typeOf(state.set.find(0, 12)[0]));
    expect(render(next.set)).toEqual(full({ highlights: [a, b], selectedId: 'a' }));
  });

  it('a new annotation in a group of overlaps redraws only the segments it changes', () => {
    // a, b, c overlap in a chain (one group); d falls inside c, where b has ended: a's and b's pieces keep their layers.
    const group = [highlight('a', 0, 10), highlight('b', 8, 20), highlight('c', 18, 30)];
    const state = highlightStateOf(doc, { highlights: group, selectedId: null });
    const typeOf = (d: unknown) => (d as { type: unknown }).type;
    const pieces = (set: DecorationSet, from: number, to: number) => set.find(from, to).filter((d) => d.from >= from && d.to <= to).map(typeOf);
    const meta = { highlights: [...group, highlight('d', 25, 28)], selectedId: null };
    const next = updateHighlightState(doc, state, meta);
    expect(render(next.set)).toEqual(full(meta));
    // PM positions are canonical offsets + 1 in the first paragraph.
    const untouched = pieces(state.set, 1, 20);
    expect(untouched.length).toBeGreaterThanOrEqual(4);
    const kept = pieces(next.set, 1, 20);
    expect(kept).toHaveLength(untouched.length);
    kept.forEach((type, i) => expect(type, `piece ${i}`).toBe(untouched[i]));
    expect(pieces(next.set, 26, 29)[0]).not.toBe(pieces(state.set, 26, 29)[0]);
  });

  it('gives overlapping annotations their own underline layer and marks a conflict at its end', () => {
    const outer = highlight('outer', 0, 25);
    const inner = { ...highlight('inner', 4, 20), conflict: true };
    const drawn = buildHighlightDecorations(doc, { highlights: [outer, inner], selectedId: null }).find();
    const classOf = (id: string) => drawn.filter((d) => (d.spec as { annotationId: string }).annotationId === id && d.from !== d.to).map((d) => (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class);
    expect(classOf('outer').every((c) => c.includes('cd-l0'))).toBe(true);
    expect(classOf('inner').every((c) => c.includes('cd-l1') && c.includes('cd-conflicted'))).toBe(true);
    const widgets = drawn.filter((d) => d.from === d.to);
    expect(widgets.map((w) => [(w.spec as { annotationId: string }).annotationId, w.from])).toEqual([['inner', 21]]);
  });
});
