// Boundary agreement: do two analysts mark the same stretches of text, whatever the tag? Each analyst's
// spans are matched one to one with the other's (greedy, best overlap first); F1 = 2·matches / (|A| + |B|).
// Exact: identical start and end. Overlap: at least one character in common (the lenient reading).
import { compareIds, type Span } from '@/lib/review/overlap';

type IdSpan = Span & { id: string };

export function boundaryF1(a: readonly IdSpan[], b: readonly IdSpan[], mode: 'exact' | 'overlap'): number | null {
  if (a.length + b.length === 0) return null;
  const candidates: Array<{ x: IdSpan; y: IdSpan; shared: number }> = [];
  for (const x of a) {
    for (const y of b) {
      const shared = Math.min(x.end, y.end) - Math.max(x.start, y.start);
      if (mode === 'exact' ? x.start === y.start && x.end === y.end : shared > 0) candidates.push({ x, y, shared });
    }
  }
  candidates.sort((p, q) => q.shared - p.shared || compareIds(p.x.id, q.x.id) || compareIds(p.y.id, q.y.id));
  const usedA = new Set<string>();
  const usedB = new Set<string>();
  let matches = 0;
  for (const { x, y } of candidates) {
    if (usedA.has(x.id) || usedB.has(y.id)) continue;
    usedA.add(x.id);
    usedB.add(y.id);
    matches += 1;
  }
  return (2 * matches) / (a.length + b.length);
}
