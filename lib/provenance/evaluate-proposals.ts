/**
 * How good "Find the passage for me" is on a labelled set: for each claim with a gold passage, where
 * that passage (or one the gold file also accepts) ranks among the proposals; for each claim the
 * source does not support, how high the best (necessarily wrong) proposal scores. Pure: the
 * script (scripts/eval-passages.ts) and a unit test run it on the same files.
 */
import { z } from 'zod';
import { PROPOSAL_LIMIT, proposePassages, type PassageProposal } from '@/lib/provenance/propose-passages';
import { EVIDENCE_RELATIONS, type EvidenceRelation } from '@/lib/provenance/relations';

export const passageGoldSchema = z.object({
  about: z.string().optional(),
  article: z.string(),
  source: z.string(),
  claims: z
    .array(
      z.object({
        quote: z.string().min(1),
        passage: z.string().min(1).nullable(),
        also: z.array(z.string().min(1)).optional(),
        /**
         * What the gold passage does for the claim, as the analyst would link it (third holdout on). Absent:
         * `supports` with a passage, `not_found` without. A `contradicts`/`misquoted`/`partial` passage is the
         * one the analyst must be shown, so it is ranked like a supporting one.
         */
        verdict: z.enum(EVIDENCE_RELATIONS).optional(),
      }),
    )
    .min(1),
});
export type PassageGold = z.infer<typeof passageGoldSchema>;

export type ClaimOutcome = {
  quote: string;
  /** 1-based rank of the first acceptable proposal; null when none of the top 5 is acceptable (or none exists). */
  rank: number | null;
  expected: string | null;
  top: ProposalSummary | null;
  verdict: EvidenceRelation;
  /** The acceptable proposal itself (wherever it ranks), null when none of the top 5 is acceptable. */
  matched: ProposalSummary | null;
};

type ProposalSummary = Pick<PassageProposal, 'exact' | 'score' | 'reason' | 'weak' | 'caution' | 'suggests'>;
const summary = (p: PassageProposal): ProposalSummary => ({ exact: p.exact, score: p.score, reason: p.reason, weak: p.weak, caution: p.caution, suggests: p.suggests });

/** For claims whose passage says something other than the claim: is it found, does it carry a caution, and does it hint the right relation? */
export type VerdictFinding = { verdict: EvidenceRelation; claims: number; found: number; cautioned: number; hinted: number };

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
  /** partial, contradicts, misquoted: how the proposal of the gold passage reads (only the sets that label verdicts). */
  verdicts: VerdictFinding[];
  /** Claims the source supports whose right first proposal hints another relation (a false alarm of the hint). */
  supportsButHinted: number;
  outcomes: ClaimOutcome[];
};

export function evaluateProposals(gold: PassageGold, sourceText: string): PassageReport {
  const outcomes = gold.claims.map((c): ClaimOutcome => {
    const proposals = proposePassages(c.quote, sourceText, { limit: PROPOSAL_LIMIT });
    const acceptable = new Set([c.passage, ...(c.also ?? [])].filter((p): p is string => p !== null));
    const index = proposals.findIndex((p) => acceptable.has(p.exact.trim()));
    const first = proposals[0];
    const found = c.passage !== null && index >= 0 ? proposals[index]! : null;
    const verdict = c.verdict ?? (c.passage === null ? 'not_found' : 'supports');
    return { quote: c.quote, rank: found ? index + 1 : null, expected: c.passage, top: first ? summary(first) : null, verdict, matched: found ? summary(found) : null };
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
    verdicts: (['partial', 'contradicts', 'misquoted'] as const)
      .map((verdict) => {
        const of = outcomes.filter((o) => o.verdict === verdict);
        const found = of.filter((o) => o.matched);
        return { verdict, claims: of.length, found: found.length, cautioned: found.filter((o) => o.matched?.caution).length, hinted: found.filter((o) => o.matched?.suggests === verdict).length };
      })
      .filter((v) => v.claims > 0),
    supportsButHinted: outcomes.filter((o) => o.verdict === 'supports' && o.rank === 1 && o.top?.suggests).length,
    outcomes,
  };
}

export function formatPassageReport(r: PassageReport, { verbose = false } = {}): string {
  const lines = [
    `Passage proposals: ${r.claims} claims, ${r.withPassage} with a passage in the source`,
    `  P@1 (first proposal is the passage) ${r.precisionAt1.toFixed(3)}   Recall@5 ${r.recallAt5.toFixed(3)}   MRR ${r.meanReciprocalRank.toFixed(3)}`,
    ...r.unsupported.map((u) => `  not in the source: best proposal scores ${u.topScore?.toFixed(3) ?? 'none'}${u.weak ? ' (flagged weak)' : ' (NOT flagged weak)'} — “${u.quote.slice(0, 70)}”`),
    `  flagged weak: ${r.unsupported.filter((u) => u.weak).length} of ${r.unsupported.length} claims not in the source; ${r.rightButWeak} of ${r.outcomes.filter((o) => o.rank === 1).length} right first proposals`,
    ...r.verdicts.map((v) => `  ${v.verdict}: ${v.claims} claims, passage proposed for ${v.found}, with a caution ${v.cautioned}, hinting "${v.verdict}" ${v.hinted}`),
    ...(r.verdicts.length ? [`  supported claims whose right first proposal hints another relation: ${r.supportsButHinted}`] : []),
  ];
  for (const o of r.outcomes) {
    if (o.expected === null || (o.rank === 1 && !verbose && o.verdict === 'supports')) continue;
    if (o.rank === 1 && o.verdict !== 'supports') {
      lines.push(`  ${o.verdict}, rank 1: “${o.quote.slice(0, 70)}” — caution: ${o.matched?.caution ?? 'none'}; hints: ${o.matched?.suggests ?? 'nothing'}`);
      continue;
    }
    lines.push(`  rank ${o.rank ?? '>5'}${o.verdict === 'supports' ? '' : ` (${o.verdict})`}: “${o.quote.slice(0, 70)}”`, `      first proposal (${o.top?.score ?? '-'}${o.top?.weak ? `, weak: ${o.top.caution}` : ''}): ${o.top?.exact.slice(0, 100) ?? 'none'} — ${o.top?.reason ?? ''}`);
  }
  return lines.join('\n');
}
