/**
 * How good "Find the passage for me" is on a labelled set: for each claim with a gold passage, where
 * that passage (or one the gold file also accepts) ranks among the proposals; for each claim the
 * source does not support, how high the best (necessarily wrong) proposal scores. Pure: the
 * script (scripts/eval-passages.ts) and a unit test run it on the same files.
 */
import { z } from 'zod';
import { PROPOSAL_LIMIT, proposePassages } from '@/lib/provenance/propose-passages';

export const passageGoldSchema = z.object({
  about: z.string().optional(),
  article: z.string(),
  source: z.string(),
  claims: z.array(z.object({ quote: z.string().min(1), passage: z.string().min(1).nullable(), also: z.array(z.string().min(1)).optional() })).min(1),
});
export type PassageGold = z.infer<typeof passageGoldSchema>;

export type ClaimOutcome = {
  quote: string;
  /** 1-based rank of the first acceptable proposal; null when none of the top 5 is acceptable (or none exists). */
  rank: number | null;
  expected: string | null;
  top: { exact: string; score: number; reason: string; weak: boolean; caution: string | null } | null;
};

export type PassageReport = {
  claims: number;
  withPassage: number;
  /** Share of claims with a gold passage whose first proposal is acceptable (precision of the one-click choice). */
  precisionAt1: number;
  /** Share whose acceptable passage is among the 5 proposals. */
  recallAt5: number;
  meanReciprocalRank: number;
  /** Claims the source does not support: the best proposal's score (what the analyst would be shown first) and whether it is flagged weak. */
  unsupported: Array<{ quote: string; topScore: number | null; weak: boolean }>;
  /** Claims whose first proposal is the right passage but flagged weak (a false alarm of the flag). */
  rightButWeak: number;
  outcomes: ClaimOutcome[];
};

export function evaluateProposals(gold: PassageGold, sourceText: string): PassageReport {
  const outcomes = gold.claims.map((c): ClaimOutcome => {
    const proposals = proposePassages(c.quote, sourceText, { limit: PROPOSAL_LIMIT });
    const acceptable = new Set([c.passage, ...(c.also ?? [])].filter((p): p is string => p !== null));
    const index = proposals.findIndex((p) => acceptable.has(p.exact.trim()));
    const first = proposals[0];
    const top = first ? { exact: first.exact, score: first.score, reason: first.reason, weak: first.weak, caution: first.caution } : null;
    return { quote: c.quote, rank: c.passage !== null && index >= 0 ? index + 1 : null, expected: c.passage, top };
  });
  const labelled = outcomes.filter((o) => o.expected !== null);
  const share = (n: number) => (labelled.length === 0 ? 0 : Math.round((n / labelled.length) * 1000) / 1000);
  return {
    claims: outcomes.length,
    withPassage: labelled.length,
    precisionAt1: share(labelled.filter((o) => o.rank === 1).length),
    recallAt5: share(labelled.filter((o) => o.rank !== null).length),
    meanReciprocalRank: share(labelled.reduce((s, o) => s + (o.rank ? 1 / o.rank : 0), 0)),
    unsupported: outcomes.filter((o) => o.expected === null).map((o) => ({ quote: o.quote, topScore: o.top?.score ?? null, weak: o.top?.weak ?? true })),
    rightButWeak: labelled.filter((o) => o.rank === 1 && o.top?.weak).length,
    outcomes,
  };
}

export function formatPassageReport(r: PassageReport, { verbose = false } = {}): string {
  const lines = [
    `Passage proposals: ${r.claims} claims, ${r.withPassage} with a passage in the source`,
    `  P@1 (first proposal is the passage) ${r.precisionAt1.toFixed(3)}   Recall@5 ${r.recallAt5.toFixed(3)}   MRR ${r.meanReciprocalRank.toFixed(3)}`,
    ...r.unsupported.map((u) => `  not in the source: best proposal scores ${u.topScore?.toFixed(3) ?? 'none'}${u.weak ? ' (flagged weak)' : ' (NOT flagged weak)'} — “${u.quote.slice(0, 70)}”`),
    `  flagged weak: ${r.unsupported.filter((u) => u.weak).length} of ${r.unsupported.length} claims not in the source; ${r.rightButWeak} of ${r.outcomes.filter((o) => o.rank === 1).length} right first proposals`,
  ];
  for (const o of r.outcomes) {
    if (o.expected === null || (o.rank === 1 && !verbose)) continue;
    lines.push(`  rank ${o.rank ?? '>5'}: “${o.quote.slice(0, 70)}”`, `      first proposal (${o.top?.score ?? '-'}${o.top?.weak ? `, weak: ${o.top.caution}` : ''}): ${o.top?.exact.slice(0, 100) ?? 'none'} — ${o.top?.reason ?? ''}`);
  }
  return lines.join('\n');
}
