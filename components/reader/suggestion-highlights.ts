// Proposed claims drawn as dashed outlines in the proposed tag's colour: ProseMirror decorations in
// their own plugin (apart from annotation highlights, so neither rebuild disturbs the other). The
// DecorationSet lives in plugin state, rebuilt when the reader dispatches new suggestion data as
// plugin meta and mapped through any other transaction.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildPositionMapFromPm } from '@/lib/anchoring';

export type SuggestionHighlightInput = {
  /** Identity of the suggestion on its version ("start:end"), put on the element as data-suggestion-key. */
  key: string;
  start: number;
  end: number;
  color: string;
  label: string;
  active: boolean;
};

export const suggestionHighlightsKey = new PluginKey<DecorationSet>('suggestionHighlights');

export function buildSuggestionDecorations(doc: PmNode, suggestions: readonly SuggestionHighlightInput[]): DecorationSet {
  if (suggestions.length === 0) return DecorationSet.empty;
  const map = buildPositionMapFromPm(doc);
  const decorations: Decoration[] = [];
  for (const s of suggestions) {
    if (s.end <= s.start) continue;
    const { from, to } = map.toPmRange(s.start, s.end);
    if (to <= from) continue;
    decorations.push(
      Decoration.inline(
        from,
        to,
        {
          nodeName: 'span',
          class: s.active ? 'cd-suggestion is-active' : 'cd-suggestion',
          style: `--tag: ${s.color}`,
          'data-suggestion-key': s.key,
          title: s.label,
        },
        { suggestionKey: s.key, inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

export const SuggestionHighlights = Extension.create({
  name: 'suggestionHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: suggestionHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old) {
            const meta = tr.getMeta(suggestionHighlightsKey) as readonly SuggestionHighlightInput[] | undefined;
            if (meta) return buildSuggestionDecorations(tr.doc, meta);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: {
          decorations: (state: EditorState) => suggestionHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
