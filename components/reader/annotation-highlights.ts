// Annotations drawn as ProseMirror decorations (never marks, so overlapping annotations from
// different analysts all show). The DecorationSet lives in plugin state: rebuilt when the
// reader dispatches a transaction with new highlight data as plugin meta, mapped otherwise.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildPositionMapFromPm } from '@/lib/anchoring';
import { tagColor } from '@/lib/tags/tag-color';

export type HighlightInput = {
  id: string;
  start: number;
  end: number;
  color: string;
  pending: boolean;
  fuzzy: boolean;
  label: string;
};

export type HighlightMeta = { highlights: HighlightInput[]; selectedId: string | null };

export const annotationHighlightsKey = new PluginKey<DecorationSet>('annotationHighlights');

/** `cd-c-1f77b4` for a colour (anything but #rrggbb gets the fallback colour's class). */
export function highlightColorClass(color: string): string {
  return `cd-c-${tagColor(color).slice(1)}`;
}

/** The CSS rules behind highlightColorClass for these colours. */
export function highlightColorRules(colors: Iterable<string>): string {
  const rules = new Map<string, string>();
  for (const color of colors) {
    const cls = highlightColorClass(color);
    if (!rules.has(cls)) rules.set(cls, `.${cls}{--tag:${tagColor(color)}}`);
  }
  return [...rules.values()].join('');
}

export function buildHighlightDecorations(doc: PmNode, { highlights, selectedId }: HighlightMeta): DecorationSet {
  const map = buildPositionMapFromPm(doc);
  const ranges: Array<{ h: HighlightInput; from: number; to: number; attrs: Record<string, string> }> = [];
  for (const h of highlights) {
    if (h.end <= h.start) continue;
    const { from, to } = map.toPmRange(h.start, h.end);
    if (to <= from) continue;
    const classes = ['cd-highlight'];
    if (h.pending) classes.push('cd-pending');
    if (h.fuzzy) classes.push('cd-fuzzy');
    if (h.id === selectedId) classes.push('cd-selected');
    // A colour class instead of an inline style: thousands of spans then share one rule (see
    // highlightColorRules) rather than each parsing its own style attribute.
    const colorClass = highlightColorClass(h.color);
    classes.push(colorClass);
    const attrs: Record<string, string> = { nodeName: 'span', class: classes.join(' '), 'data-annotation-id': h.id, 'aria-label': h.label };
    // Own element per decoration: overlaps nest (tints stack) instead of merging attributes.
    ranges.push({ h, from, to, attrs });
  }
  // Cut every range at every boundary, so that all the decorations on one segment share the same
  // from/to. ProseMirror then nests them in array order (later = outer) instead of by how it
  // splits partial overlaps: shorter annotations reliably sit inside longer ones, so their
  // underline colour and hover win where they overlap, whoever made which.
  const cuts = [...new Set(ranges.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const shortestFirst = [...ranges].sort((a, b) => a.h.end - a.h.start - (b.h.end - b.h.start) || b.h.start - a.h.start);
  // A sweep over the cuts keeps only the ranges covering the current segment (2,000 highlights:
  // a few thousand checks instead of cuts × ranges).
  const rank = new Map(shortestFirst.map((r, i) => [r, i]));
  const byFrom = [...ranges].sort((a, b) => a.from - b.from);
  const decorations: Decoration[] = [];
  let next = 0;
  let active: typeof ranges = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    active = active.filter((r) => r.to > from);
    while (next < byFrom.length && byFrom[next]!.from <= from) active.push(byFrom[next++]!);
    active.sort((a, b) => rank.get(a)! - rank.get(b)!);
    for (const r of active) {
      decorations.push(Decoration.inline(from, to, r.attrs, { annotationId: r.h.id, inclusiveStart: false, inclusiveEnd: false }));
    }
  }
  return DecorationSet.create(doc, decorations);
}

export const AnnotationHighlights = Extension.create({
  name: 'annotationHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: annotationHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old) {
            const meta = tr.getMeta(annotationHighlightsKey) as HighlightMeta | undefined;
            if (meta) return buildHighlightDecorations(tr.doc, meta);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: {
          decorations: (state: EditorState) => annotationHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
