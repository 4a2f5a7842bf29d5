// Annotations drawn as ProseMirror decorations (never marks, so overlapping annotations from
// different analysts all show). The DecorationSet lives in plugin state and is updated in place:
// a new highlight list (plugin meta) redraws only the groups of overlapping annotations that hold
// a changed annotation (added, removed, moved, recoloured, selected or deselected); every other
// decoration object stays as it was, so ProseMirror leaves the rest of the DOM alone.
import { Extension } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { buildPositionMapFromPm, type PositionMap } from '@/lib/anchoring';
import { tagColor } from '@/lib/tags/tag-color';
import { assignLayers, MAX_LAYER, overlapClusters } from '@/components/reader/highlight-layers';

export type HighlightInput = {
  id: string;
  start: number;
  end: number;
  color: string;
  pending: boolean;
  fuzzy: boolean;
  label: string;
  /** In an open conflict (lib/review/overlap.ts, as the API reports it in `conflictsWith`). */
  conflict?: boolean;
  /** The tag's letter (lib/tags/tag-letter.ts): the cue that is not a colour. */
  letter?: string;
  /** Element id of the text a screen reader reads as this highlight's description. */
  describedBy?: string;
};

export type HighlightMeta = { highlights: HighlightInput[]; selectedId: string | null };

type Placed = { id: string; from: number; to: number; h: HighlightInput };
export type HighlightState = { set: DecorationSet; placed: Map<string, Placed>; selectedId: string | null; clusterOf: Map<string, Placed[]> };

export const annotationHighlightsKey = new PluginKey<HighlightState>('annotationHighlights');

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

// The reader's document never changes (it is read-only), so one map per document serves every update.
const positionMaps = new WeakMap<PmNode, PositionMap>();
export function positionMapOf(doc: PmNode): PositionMap {
  let map = positionMaps.get(doc);
  if (!map) positionMaps.set(doc, (map = buildPositionMapFromPm(doc)));
  return map;
}

/** Where each highlight sits; one whose input object is unchanged since `before` keeps its placement (no lookup). */
function place(doc: PmNode, highlights: readonly HighlightInput[], before?: Map<string, Placed>): Map<string, Placed> {
  const map = positionMapOf(doc);
  const placed = new Map<string, Placed>();
  for (const h of highlights) {
    const known = before?.get(h.id);
    if (known && known.h === h) {
      placed.set(h.id, known);
      continue;
    }
    if (h.end <= h.start) continue;
    const { from, to } = map.toPmRange(h.start, h.end);
    if (to > from) placed.set(h.id, { id: h.id, from, to, h });
  }
  return placed;
}

/**
 * The decorations of one group of overlapping annotations. Every range is cut at every boundary in
 * the group, so all decorations on one segment share from/to and ProseMirror nests them in array
 * order (later = outer) instead of by how it splits partial overlaps: shorter annotations reliably
 * sit inside longer ones, so their hover and click win where they overlap, whoever made which.
 */
function clusterDecorations(cluster: readonly Placed[], selectedId: string | null): Decoration[] {
  const layers = assignLayers(cluster);
  const attrsOf = new Map<Placed, { base: string; rest: Record<string, string> }>();
  for (const p of cluster) {
    const { h } = p;
    const classes = ['cd-highlight', highlightColorClass(h.color), `cd-l${Math.min(layers.get(p.id) ?? 0, MAX_LAYER)}`];
    if (h.pending) classes.push('cd-pending');
    if (h.fuzzy) classes.push('cd-fuzzy');
    if (h.conflict) classes.push('cd-conflicted');
    if (h.id === selectedId) classes.push('cd-selected');
    // Named by tag and author, described by the longer text (highlight-descriptions.tsx); no role=mark,
    // which may not carry a name.
    const rest: Record<string, string> = { nodeName: 'span', 'data-annotation-id': h.id, 'aria-label': h.label };
    if (h.letter) rest['data-letter'] = h.letter;
    if (h.describedBy) rest['aria-describedby'] = h.describedBy;
    attrsOf.set(p, { base: classes.join(' '), rest });
  }
  const cuts = [...new Set(cluster.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const rank = new Map([...cluster].sort((a, b) => a.h.end - a.h.start - (b.h.end - b.h.start) || b.h.start - a.h.start).map((r, i) => [r, i]));
  const byFrom = [...cluster].sort((a, b) => a.from - b.from);
  const decorations: Decoration[] = [];
  let next = 0;
  let active: Placed[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    active = active.filter((r) => r.to > from);
    while (next < byFrom.length && byFrom[next]!.from <= from) active.push(byFrom[next++]!);
    active.sort((a, b) => rank.get(a)! - rank.get(b)!);
    for (const r of active) {
      const { base, rest } = attrsOf.get(r)!;
      const first = from === r.from;
      // The first piece is the one keyboard navigation focuses (j/k); the last carries the end
      // boundary, so two same-tag annotations side by side still read as two.
      const cls = `${base}${first ? ' cd-start' : ''}${to === r.to ? ' cd-end' : ''}`;
      const attrs = first ? { ...rest, class: cls, tabindex: '-1' } : { ...rest, class: cls };
      // `sig` says everything the piece draws, so an unchanged segment can keep its decorations (updateHighlightState).
      const sig = `${r.id} ${cls} ${rest['aria-label']} ${rest['data-letter'] ?? ''} ${rest['aria-describedby'] ?? ''}`;
      decorations.push(Decoration.inline(from, to, attrs, { annotationId: r.id, sig, inclusiveStart: false, inclusiveEnd: false }));
    }
  }
  for (const r of cluster) {
    if (r.h.conflict) decorations.push(Decoration.widget(r.to, conflictMark(r.id), { annotationId: r.id, sig: `conflict-${r.id}`, side: 1, key: `conflict-${r.id}`, ignoreSelection: true }));
  }
  return decorations;
}

/** The "≠" after a conflicting annotation; drawn by CSS from an empty element, so it never joins the article's text. */
function conflictMark(id: string) {
  return () => {
    const el = document.createElement('span');
    el.className = 'cd-conflict-mark';
    el.dataset.conflictFor = id;
    el.title = 'Conflict: another analyst tagged this claim differently';
    el.setAttribute('aria-hidden', 'true');
    el.contentEditable = 'false';
    return el;
  };
}

type Segment = { sig: string; decorations: Decoration[] };

/** Decorations by the stretch they cover (a widget: its position), each stretch's in nesting order with one signature for all. */
function segmentsOf(decorations: readonly Decoration[]): Map<string, Segment> {
  const segments = new Map<string, Segment>();
  for (const d of decorations) {
    const key = `${d.from}-${d.to}`;
    const sig = (d.spec as { sig?: string }).sig ?? '';
    const segment = segments.get(key);
    if (segment) {
      segment.sig += `\n${sig}`;
      segment.decorations.push(d);
    } else segments.set(key, { sig, decorations: [d] });
  }
  return segments;
}

function clustersOf(placed: Map<string, Placed>): Map<string, Placed[]> {
  const clusterOf = new Map<string, Placed[]>();
  for (const cluster of overlapClusters([...placed.values()])) for (const p of cluster) clusterOf.set(p.id, cluster);
  return clusterOf;
}

function sameHighlight(a: HighlightInput, b: HighlightInput): boolean {
  return (
    a.color === b.color &&
    a.pending === b.pending &&
    a.fuzzy === b.fuzzy &&
    a.label === b.label &&
    Boolean(a.conflict) === Boolean(b.conflict) &&
    a.letter === b.letter &&
    a.describedBy === b.describedBy &&
    a.start === b.start &&
    a.end === b.end
  );
}

/** The plugin state for these highlights, built from scratch. */
export function highlightStateOf(doc: PmNode, { highlights, selectedId }: HighlightMeta): HighlightState {
  const placed = place(doc, highlights);
  const clusterOf = clustersOf(placed);
  const decorations = [...new Set(clusterOf.values())].flatMap((cluster) => clusterDecorations(cluster, selectedId));
  return { set: DecorationSet.create(doc, decorations), placed, selectedId, clusterOf };
}

/** Every decoration for these highlights, built from scratch (the first draw, and tests). */
export function buildHighlightDecorations(doc: PmNode, meta: HighlightMeta): DecorationSet {
  return highlightStateOf(doc, meta).set;
}

/**
 * The state after a new highlight list: only the groups holding a changed annotation are redrawn.
 * A group is closed under overlap, so no annotation outside it shares a segment (or a nesting
 * order) with one inside: removing the old groups' decorations and adding the new groups' leaves
 * exactly what a full build would draw.
 */
export function updateHighlightState(doc: PmNode, old: HighlightState, meta: HighlightMeta): HighlightState {
  const placed = place(doc, meta.highlights, old.placed);
  const changed = new Set<string>();
  for (const [id, p] of placed) {
    const before = old.placed.get(id);
    if (before === p) continue;
    if (!before || before.from !== p.from || before.to !== p.to || !sameHighlight(before.h, p.h)) changed.add(id);
  }
  for (const id of old.placed.keys()) if (!placed.has(id)) changed.add(id);
  if (meta.selectedId !== old.selectedId) {
    for (const id of [old.selectedId, meta.selectedId]) if (id && (placed.has(id) || old.placed.has(id))) changed.add(id);
  }
  if (changed.size === 0) return { ...old, placed, selectedId: meta.selectedId };
  // Most of the list changed (a filter, the first load): one build is cheaper than many small edits.
  if (changed.size * 2 > Math.max(placed.size, old.placed.size)) return highlightStateOf(doc, meta);

  const clusterOf = clustersOf(placed);
  const stale = new Set<string>();
  for (const id of changed) for (const p of old.clusterOf.get(id) ?? []) stale.add(p.id);
  const touched = new Set<string>([...changed, ...stale]);
  const redraw = new Set<Placed[]>();
  for (const id of touched) {
    const cluster = clusterOf.get(id);
    if (cluster) redraw.add(cluster);
  }
  for (const cluster of redraw) for (const p of cluster) stale.add(p.id);
  let from = Infinity;
  let to = -Infinity;
  for (const id of stale) {
    const p = old.placed.get(id);
    if (p) {
      from = Math.min(from, p.from);
      to = Math.max(to, p.to);
    }
  }
  let set = old.set;
  const before = from <= to ? segmentsOf(set.find(from, to, (spec: { annotationId?: string }) => Boolean(spec.annotationId && stale.has(spec.annotationId)))) : new Map<string, Segment>();
  const after = segmentsOf([...redraw].flatMap((cluster) => clusterDecorations(cluster, meta.selectedId)));
  // A segment that draws the same pieces in the same nesting order keeps its decorations; any other is
  // replaced whole (decorations added to a set keep their order only among themselves). A new
  // annotation in a long group of overlaps so touches its own words and whatever it re-layers.
  const removed: Decoration[] = [];
  const added: Decoration[] = [];
  for (const [key, segment] of before) if (after.get(key)?.sig !== segment.sig) removed.push(...segment.decorations);
  for (const [key, segment] of after) if (before.get(key)?.sig !== segment.sig) added.push(...segment.decorations);
  if (removed.length) set = set.remove(removed);
  if (added.length) set = set.add(doc, added);
  return { set, placed, selectedId: meta.selectedId, clusterOf };
}

export const AnnotationHighlights = Extension.create({
  name: 'annotationHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<HighlightState>({
        key: annotationHighlightsKey,
        state: {
          init: () => ({ set: DecorationSet.empty, placed: new Map(), selectedId: null, clusterOf: new Map() }),
          apply(tr, old) {
            const meta = tr.getMeta(annotationHighlightsKey) as HighlightMeta | undefined;
            if (meta) return old.placed.size === 0 ? highlightStateOf(tr.doc, meta) : updateHighlightState(tr.doc, old, meta);
            // The reader's text is never edited (see caret-browsing.ts); a mapped set stays right should it ever be.
            return tr.docChanged ? { ...old, set: old.set.map(tr.mapping, tr.doc) } : old;
          },
        },
        props: {
          decorations: (state: EditorState) => annotationHighlightsKey.getState(state)?.set,
        },
      }),
    ];
  },
});
