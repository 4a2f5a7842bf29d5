// Units of analysis: the places in the text where analysts marked a claim. Annotations by anyone that
// overlap by at least half of the shorter span (the desk's "same claim" rule, lib/review/overlap.ts)
// are chained into one unit; each analyst's value in a unit is the tag of their annotation there.
import { compareIds, overlappingPairs, SAME_CLAIM_OVERLAP, type TaggedSpan } from '@/lib/review/overlap';

export type Unit<T extends TaggedSpan = TaggedSpan> = {
  /** Stable for the same member annotations: curation decisions are stored against it. */
  key: string;
  start: number;
  end: number;
  annotations: T[];
  /** One annotation per author (the longest; ties: the earlier id): that author's value in the unit. */
  byAuthor: Map<string, T>;
};

export function formUnits<T extends TaggedSpan>(annotations: readonly T[]): Array<Unit<T>> {
  const live = annotations.filter((a) => a.end > a.start);
  const parent = new Map<string, string>(live.map((a) => [a.id, a.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  // overlappingPairs joins different authors only; the same author's overlapping annotations are
  // joined here too, so an analyst's two tags on one claim sit in one unit.
  const sameAuthor = live.map((a) => ({ ...a, authorId: `${a.authorId}\0${a.id}` }));
  for (const { a, b } of overlappingPairs(sameAuthor, SAME_CLAIM_OVERLAP)) {
    const ra = find(a.id);
    const rb = find(b.id);
    if (ra !== rb) parent.set(ra, rb);
  }
  const groups = new Map<string, T[]>();
  for (const a of live) {
    const root = find(a.id);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  }
  const units: Array<Unit<T>> = [];
  for (const members of groups.values()) {
    members.sort((x, y) => x.start - y.start || x.end - y.end || compareIds(x.id, y.id));
    const byAuthor = new Map<string, T>();
    for (const a of members) {
      const held = byAuthor.get(a.authorId);
      if (!held || a.end - a.start > held.end - held.start || (a.end - a.start === held.end - held.start && compareIds(a.id, held.id) < 0)) byAuthor.set(a.authorId, a);
    }
    units.push({
      key: unitKey(members.map((m) => m.id)),
      start: Math.min(...members.map((m) => m.start)),
      end: Math.max(...members.map((m) => m.end)),
      annotations: members,
      byAuthor,
    });
  }
  return units.sort((x, y) => x.start - y.start || x.end - y.end || compareIds(x.key, y.key));
}

/** FNV-1a (64-bit) of the sorted member ids: short, stable, and changes when the members do. */
export function unitKey(ids: readonly string[]): string {
  let h = 0xcbf29ce484222325n;
  for (const ch of [...ids].sort(compareIds).join(',')) {
    h ^= BigInt(ch.codePointAt(0)!);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `u${h.toString(16).padStart(16, '0')}`;
}

/** How many characters each boundary may differ by for two spans to count as "the same span". */
export const SPAN_TOLERANCE = 3;

export function sameSpan(a: { start: number; end: number }, b: { start: number; end: number }, tolerance = SPAN_TOLERANCE): boolean {
  return Math.abs(a.start - b.start) <= tolerance && Math.abs(a.end - b.end) <= tolerance;
}

/**
 * What the analysts agree on in a unit: `all` — every analyst marked it, same tag, same span (within
 * the tolerance); `partial` — those who marked it agree on both, but not everyone marked it; `tag` —
 * same tag, different spans; `span` — same span, different tags; `none` — neither; `single` — one analyst.
 */
export type UnitAgreement = 'all' | 'partial' | 'tag' | 'span' | 'none' | 'single';

export function unitAgreement(unit: Pick<Unit, 'byAuthor'>, analystIds: readonly string[], tolerance = SPAN_TOLERANCE): UnitAgreement {
  const values = analystIds.map((id) => unit.byAuthor.get(id)).filter((a): a is TaggedSpan => a !== undefined);
  if (values.length <= 1) return 'single';
  const first = values[0];
  const tags = values.every((v) => v.tag === first.tag);
  const spans = values.every((v) => sameSpan(v, first, tolerance));
  if (tags && spans) return values.length === analystIds.length ? 'all' : 'partial';
  if (tags) return 'tag';
  if (spans) return 'span';
  return 'none';
}
