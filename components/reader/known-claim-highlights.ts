// Sentences the desk has checked before (in another article), marked in the reader: a dotted
// underline on the sentence and, after it, a small badge "checked before: Confirmed in Dawn,
// 14 Jul · open". ProseMirror decorations in their own plugin, like the suggestion outlines; the
// badge is a widget built with textContent only (outlet names are data, never markup).
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildPositionMapFromPm } from '@/lib/anchoring';

export type KnownClaimHighlightInput = {
  /** "start:end" of the sentence on this version. */
  key: string;
  start: number;
  end: number;
  /** "checked before: Confirmed in The Capital Ledger, 15 Jul 2025" */
  label: string;
  /** Where "open" leads: the earlier annotation in its article. */
  href: string;
  status: string;
  active: boolean;
};

export const knownClaimHighlightsKey = new PluginKey<DecorationSet>('knownClaimHighlights');

function badge(k: KnownClaimHighlightInput): HTMLElement {
  const el = document.createElement('span');
  el.className = `cd-known-badge status-${k.status.toLowerCase()}`;
  el.setAttribute('data-known-key', k.key);
  el.contentEditable = 'false';
  el.append(document.createTextNode(`${k.label} · `));
  const open = document.createElement('a');
  open.href = k.href;
  open.textContent = 'open';
  open.setAttribute('aria-label', `open the earlier check (${k.label})`);
  el.append(open);
  return el;
}

export function buildKnownClaimDecorations(doc: PmNode, known: readonly KnownClaimHighlightInput[]): DecorationSet {
  if (known.length === 0) return DecorationSet.empty;
  const map = buildPositionMapFromPm(doc);
  const decorations: Decoration[] = [];
  for (const k of known) {
    if (k.end <= k.start) continue;
    const { from, to } = map.toPmRange(k.start, k.end);
    if (to <= from) continue;
    decorations.push(
      Decoration.inline(from, to, { nodeName: 'span', class: k.active ? 'cd-known-claim is-active' : 'cd-known-claim', 'data-known-key': k.key, title: k.label }, { knownKey: k.key }),
      Decoration.widget(to, () => badge(k), { key: `known-${k.key}-${k.label}-${k.active}`, side: 1, ignoreSelection: true }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

export const KnownClaimHighlights = Extension.create({
  name: 'knownClaimHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: knownClaimHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, old) {
            const meta = tr.getMeta(knownClaimHighlightsKey) as readonly KnownClaimHighlightInput[] | undefined;
            if (meta) return buildKnownClaimDecorations(tr.doc, meta);
            return tr.docChanged ? old.map(tr.mapping, tr.doc) : old;
          },
        },
        props: {
          decorations: (state: EditorState) => knownClaimHighlightsKey.getState(state),
        },
      }),
    ];
  },
});
