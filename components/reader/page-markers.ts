// "p. 12" markers where each page of a paginated source (PDF) begins: widget decorations, so the
// document and its canonical text are untouched (selection offsets ignore them). Pages are fixed
// per version, so the set is built once when the editor starts and mapped through transactions.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildPositionMapFromPm } from '@/lib/anchoring';
import type { PageMap } from '@/lib/documents/page-map';

export const pageMarkersKey = new PluginKey<DecorationSet>('pageMarkers');

export function buildPageMarkers(doc: PmNode, pages: PageMap): DecorationSet {
  if (pages.length < 2) return DecorationSet.empty;
  const map = buildPositionMapFromPm(doc);
  const decorations: Decoration[] = [];
  // The first page needs no marker when the text starts on it. A blank page shares the next one's
  // start: walking backwards, the page that owns the text there is shown and blank ones are hidden.
  const seen = new Set<number>();
  for (const p of [...pages].reverse()) {
    if (p.start === 0 && p.page === 1) continue;
    const inText = map.toPmPos(p.start, 1);
    // A page that starts with a new block gets a divider before that block, not text inside it.
    const atBlockStart = doc.resolve(inText).parentOffset === 0;
    const pos = atBlockStart ? inText - 1 : inText;
    const label = `p. ${p.label}`;
    const key = `page-${p.page}`;
    const blank = seen.has(pos);
    decorations.push(
      Decoration.widget(
        pos,
        () => {
          const el = document.createElement('span');
          el.className = `cd-page-marker${atBlockStart ? ' is-block' : ''}${blank ? ' is-blank' : ''}`;
          el.textContent = label;
          el.dataset.page = String(p.page);
          el.contentEditable = 'false';
          el.setAttribute('aria-label', `Page ${p.label} starts here`);
          return el;
        },
        { side: -1, key, ignoreSelection: true },
      ),
    );
    seen.add(pos);
  }
  return DecorationSet.create(doc, decorations);
}

export const PageMarkers = Extension.create<{ pages: PageMap | null }>({
  name: 'pageMarkers',
  addOptions() {
    return { pages: null };
  },
  addProseMirrorPlugins() {
    const pages = this.options.pages;
    return [
      new Plugin<DecorationSet>({
        key: pageMarkersKey,
        state: {
          init: (_config, state) => (pages ? buildPageMarkers(state.doc, pages) : DecorationSet.empty),
          apply: (tr, old) => (tr.docChanged ? old.map(tr.mapping, tr.doc) : old),
        },
        props: { decorations: (state) => pageMarkersKey.getState(state) },
      }),
    ];
  },
});
