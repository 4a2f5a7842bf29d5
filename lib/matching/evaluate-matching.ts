/**
 * Scoring a claim matcher against a gold set: groups of claims (in different articles) that assert
 * the same fact, and pairs that must not match. Pure: the eval script imports the articles,
 * annotates the quotes, asks the matcher, and hands the rankings to this.
 *
 * For a query claim, the relevant claims are the other members of its group in *other* articles.
 * Recall@k = |relevant ∩ top k| / min(|relevant|, k); MAP@5 = mean over queries of
 * (Σ_{i≤5} precision@i · rel_i) / min(|relevant|, 5). A must-not-match pair is a false match when
 * either claim appears in the other's top 5.
 */
import { z } from 'zod';

const claimRef = z.object({ file: z.string().min(1), quote: z.string().min(1), occurrence: z.number().int().min(0).optional() });
export type GoldClaimRef = z.infer<typeof claimRef>;

export const matchingGoldSchema = z.object({
  about: z.string().optional(),
  /** Optional metadata per article file: outlet, date, title. */
  articles: z.record(z.string(), z.object({ outlet: z.string().optional(), publishedAt: z.string().optional(), title: z.string().optional() })).optional(),
  groups: z.array(z.object({ id: z.string().optional(), fact: z.string().optional(), claims: z.array(claimRef).min(1) })),
  mustNotMatch: z.array(z.object({ why: z.string().optional(), a: claimRef, b: claimRef })).default([]),
});
export type MatchingGold = z.infer<typeof matchingGoldSchema>;

/** A claim of the gold set as the eval knows it: a stable key, and the article it is in. */
export type EvalClaim = { key: string; file: string; quote: string };

export function claimKey(ref: GoldClaimRef): string {
  return `${ref.file}#${ref.occurrence ?? 0}#${ref.quote}`;
}

/** Every distinct claim the gold set names (group members and both sides of each pair). */
export function goldClaims(gold: MatchingGold): EvalClaim[] {
  const byKey = new Map<string, EvalClaim>();
  const add = (ref: GoldClaimRef) => {
    const key = claimKey(ref);
    if (!byKey.has(key)) byKey.set(key, { key, file: ref.file, quote: ref.quote });
  };
  for (const g of gold.groups) g.claims.forEach(add);
  for (const p of gold.mustNotMatch) {
    add(p.a);
    add(p.b);
  }
  return [...byKey.values()];
}

export type Ranking = { key: string; score: number; reason: string }[];

export type QueryResult = { query: string; relevant: string[]; ranked: Ranking; recallAt1: number; recallAt5: number; ap5: number };
export type PairResult = { a: string; b: string; why?: string; falseMatch: boolean; scoreAB: number | null; scoreBA: number | null };

export type MatchingEvalReport = {
  queries: QueryResult[];
  pairs: PairResult[];
  recallAt1: number;
  recallAt5: number;
  map5: number;
  falseMatchRate: number;
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** `rank(key)` returns the matcher's answer for that claim (best first, other articles only). */
export function evaluateMatching(gold: MatchingGold, rankings: ReadonlyMap<string, Ranking>): MatchingEvalReport {
  const fileOf = new Map(goldClaims(gold).map((c) => [c.key, c.file]));
  const queries: QueryResult[] = [];
  for (const group of gold.groups) {
    const keys = [...new Set(group.claims.map(claimKey))];
    for (const q of keys) {
      const relevant = keys.filter((k) => k !== q && fileOf.get(k) !== fileOf.get(q));
      if (!relevant.length) continue;
      const ranked = (rankings.get(q) ?? []).slice(0, 5);
      const rel = new Set(relevant);
      const hits = ranked.map((r) => rel.has(r.key));
      const found = (k: number) => hits.slice(0, k).filter(Boolean).length;
      let ap = 0;
      let seen = 0;
      hits.forEach((hit, i) => {
        if (!hit) return;
        seen += 1;
        ap += seen / (i + 1);
      });
      queries.push({
        query: q,
        relevant,
        ranked,
        recallAt1: found(1) / Math.min(relevant.length, 1),
        recallAt5: found(5) / Math.min(relevant.length, 5),
        ap5: ap / Math.min(relevant.length, 5),
      });
    }
  }
  const pairs: PairResult[] = gold.mustNotMatch.map((p) => {
    const a = claimKey(p.a);
    const b = claimKey(p.b);
    const inTop = (x: string, y: string) => (rankings.get(x) ?? []).slice(0, 5).find((r) => r.key === y) ?? null;
    const ab = inTop(a, b);
    const ba = inTop(b, a);
    return { a, b, why: p.why, falseMatch: ab !== null || ba !== null, scoreAB: ab?.score ?? null, scoreBA: ba?.score ?? null };
  });
  return {
    queries,
    pairs,
    recallAt1: mean(queries.map((q) => q.recallAt1)),
    recallAt5: mean(queries.map((q) => q.recallAt5)),
    map5: mean(queries.map((q) => q.ap5)),
    falseMatchRate: pairs.length ? pairs.filter((p) => p.falseMatch).length / pairs.length : 0,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const quoteOf = (key: string) => key.split('#').slice(2).join('#');
const fileOfKey = (key: string) => key.split('#')[0];

export function formatMatchingReport(r: MatchingEvalReport, { verbose = false }: { verbose?: boolean } = {}): string {
  const lines = [
    `queries ${r.queries.length}, must-not-match pairs ${r.pairs.length}`,
    `Recall@1 ${r.recallAt1.toFixed(3)}  Recall@5 ${r.recallAt5.toFixed(3)}  MAP@5 ${r.map5.toFixed(3)}  false matches in top 5 ${pct(r.falseMatchRate)} (${r.pairs.filter((p) => p.falseMatch).length}/${r.pairs.length})`,
  ];
  const missed = r.queries.filter((q) => q.recallAt5 < 1 || q.ap5 < 1);
  if (missed.length) {
    lines.push('', 'queries not answered perfectly:');
    for (const q of missed) {
      lines.push(`  [${fileOfKey(q.query)}] ${clip(quoteOf(q.query), 90)}  R@5 ${q.recallAt5.toFixed(2)} AP ${q.ap5.toFixed(2)}`);
      const rel = new Set(q.relevant);
      for (const m of q.ranked) lines.push(`      ${rel.has(m.key) ? '✓' : '✗'} ${m.score.toFixed(2)} ${clip(quoteOf(m.key), 70)} — ${m.reason}`);
      for (const k of q.relevant.filter((k) => !q.ranked.some((m) => m.key === k))) lines.push(`      – missed: ${clip(quoteOf(k), 80)}`);
    }
  }
  const bad = r.pairs.filter((p) => p.falseMatch);
  if (bad.length) {
    lines.push('', 'false matches:');
    for (const p of bad) lines.push(`  ${(p.scoreAB ?? p.scoreBA ?? 0).toFixed(2)} ${clip(quoteOf(p.a), 60)} ⇄ ${clip(quoteOf(p.b), 60)}${p.why ? ` (${p.why})` : ''}`);
  }
  if (verbose) {
    lines.push('', 'all queries:');
    for (const q of r.queries) lines.push(`  R@5 ${q.recallAt5.toFixed(2)} AP ${q.ap5.toFixed(2)} ${clip(quoteOf(q.query), 100)}`);
  }
  return lines.join('\n');
}
