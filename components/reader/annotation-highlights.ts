// Annotations drawn as ProseMirror decorations (never marks, so overlapping annotations from
// different analysts all show). The DecorationSet lives in plugin state: rebuilt when the
// reader dispatches a transaction with new highlight data as plugin meta, mapped otherwise.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildPositionMapFromPm } from '@/lib/anchoring';

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

export function buildHighlightDecorations(doc: PmNode, { highlights, selectedId }: HighlightMeta): DecorationSet {
  const map = buildPositionMapFromPm(doc);
  // Longest first, so shorter (inner) annotations nest inside longer ones and stay on top.
  const ordered = [...highlights].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const decorations: Decoration[] = [];
  for (const h of ordered) {
    if (h.end <= h.start) continue;
    const { from, to } = map.toPmRange(h.start, h.end);
    if (to <= from) continue;
    const classes = ['cd-highlight'];
    if (h.pending) classes.push('cd-pending');
    if (h.fuzzy) classes.push('cd-fuzzy');
    if (h.id === selectedId) classes.push('cd-selected');
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          // Own element per decoration: overlaps nest (tints stack) instead of merging attributes.
          nodeName: 'span',
          class: classes.join(' '),
          style: `--tag: ${h.color}`,
          'data-annotation-id': h.id,
          'aria-label': h.label,
        },
        { annotationId: h.id, inclusiveStart: false, inclusiveEnd: false },
      ),
    );
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
