import { compareIds, overlappingPairs, type TaggedSpan } from './overlap';

export interface AgreementResult {
  /** Clusters of same-claim annotations (≥ 0.5 overlap, chained) spanning ≥ 2 distinct authors. */
  claims: number;
  /** Matched pairs of annotations by different authors. */
  pairs: number;
  /** Matched pairs with the same tag. */
  agreed: number;
  /** 0..100; null when there are no pairs. */
  percentAgreement: number | null;
  /** Cohen's kappa over the pairs; null when there are no pairs or it is undefined. */
  kappa: number | null;
  /**
   * Ordered (not symmetric): confusion[rowTag][colTag] counts pairs where the author with the
   * lower id (code-unit order) used rowTag and the other colTag — the same rater order as kappa.
   * Diagonal sum = agreed; total = pairs. Pre-filled with 0 for tagKeys; unknown tags are added as met.
   */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Inter-analyst agreement on source tags.
 *
 * Pairing: candidate pairs are annotations by different authors overlapping ≥ 0.5 of the shorter span.
 * They are matched greedily, best overlap first (ties: larger shared length, then ids), so each
 * annotation is in at most one pair per other author.
 */
export function computeAgreement(annotations: readonly TaggedSpan[], tagKeys: readonly string[]): AgreementResult {
  const candidates = overlappingPairs(annotations);

  const confusion: Record<string, Record<string, number>> = {};
  const tags = new Set<string>();
  const addTag = (tag: string) => {
    if (tags.has(tag)) return;
    tags.add(tag);
    for (const t of tags) {
      confusion[t] ??= {};
      confusion[t][tag] ??= 0;
      confusion[tag] ??= {};
      confusion[tag][t] ??= 0;
    }
  };
  for (const tag of tagKeys) addTag(tag);

  const claims = countClaims(candidates);

  const ranked = candidates
    .map((c) => ({ ...c, shared: Math.min(c.a.end, c.b.end) - Math.max(c.a.start, c.b.start) }))
    .sort((x, y) => y.overlap - x.overlap || y.shared - x.shared || compareIds(x.a.id, y.a.id) || compareIds(x.b.id, y.b.id));
  // "annotationId\0otherAuthorId": that annotation already has its pair with that author.
  const used = new Set<string>();
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let pairs = 0;
  let agreed = 0;
  for (const { a, b } of ranked) {
    const keyA = `${a.id}\0${b.authorId}`;
    const keyB = `${b.id}\0${a.authorId}`;
    if (used.has(keyA) || used.has(keyB)) continue;
    used.add(keyA);
    used.add(keyB);
    const [r1, r2] = compareIds(a.authorId, b.authorId) < 0 ? [a, b] : [b, a];
    addTag(r1.tag);
    addTag(r2.tag);
    confusion[r1.tag][r2.tag] += 1;
    first.set(r1.tag, (first.get(r1.tag) ?? 0) + 1);
    second.set(r2.tag, (second.get(r2.tag) ?? 0) + 1);
    pairs += 1;
    if (r1.tag === r2.tag) agreed += 1;
  }

  return {
    claims,
    pairs,
    agreed,
    percentAgreement: pairs === 0 ? null : (100 * agreed) / pairs,
    kappa: pairs === 0 ? null : cohensKappa(pairs, agreed, first, second),
    confusion,
  };
}

function cohensKappa(n: number, agreed: number, first: Map<string, number>, second: Map<string, number>): number | null {
  // Integer sums so the p_e = 1 check is exact.
  let chance = 0;
  for (const [tag, c1] of first) chance += c1 * (second.get(tag) ?? 0);
  if (chance === n * n) return agreed === n ? 1 : null;
  const po = agreed / n;
  const pe = chance / (n * n);
  return (po - pe) / (1 - pe);
}

function countClaims(edges: ReadonlyArray<{ a: TaggedSpan; b: TaggedSpan }>): number {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    parent.set(id, root);
    return root;
  };
  for (const { a, b } of edges) {
    const ra = find(a.id);
    const rb = find(b.id);
    if (ra !== rb) parent.set(ra, rb);
  }
  // Only annotations on an edge are in the forest, and edges only join different authors,
  // so every root is a cluster of ≥ 2 annotations by ≥ 2 authors.
  return new Set([...parent.keys()].map(find)).size;
}
