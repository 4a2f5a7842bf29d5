/**
 * "Find the passage for me": the sentences of a source most likely to be where a claim comes from,
 * scored with claim matching's own reading of text (lib/matching: figures as intervals, named
 * entities by canonical id, content terms stemmed and folded into concepts), so "6,000 fighters"
 * meets "an estimated 6,000 to 6,500 fighters". Unlike claim matching, a passage that disagrees
 * on a figure is still proposed (lower): finding the passage an article misquotes is the point.
 * Pure and deterministic: same claim and text, same proposals in the same order.
 */
import { compareEntities, compareFigures, entityLabel, extractClaimFeatures, formatQuantity, wordingSimilarity, type ClaimFeatures } from '@/lib/matching';
import { sourceSentences } from '@/lib/provenance/source-sentences';

export type PassageProposal = { start: number; end: number; exact: string; score: number; reason: string };

export const PROPOSAL_LIMIT = 5;
/** Below this a sentence shares too little with the claim to be worth a click. */
export const MIN_PROPOSAL_SCORE = 0.1;

const WEIGHTS = { wording: 0.4, entities: 0.3, figures: 0.3, years: 0.1 } as const;
/** A figure the passage states differently (same unit) still counts this much of an agreeing one. */
const CONFLICTING_FIGURE_CREDIT = 0.4;

type Scored = { score: number; reason: string };

export function scorePassage(claim: ClaimFeatures, passage: ClaimFeatures): Scored {
  const wording = wordingSimilarity(claim.terms, passage.terms);
  const entities = compareEntities(claim.entityIds, passage.entityIds);
  const figures = compareFigures(claim.quantities, passage.quantities);
  const sharedYears = claim.years.filter((y) => passage.years.includes(y));

  const parts: Array<[number, number]> = [[WEIGHTS.wording, wording.similarity]];
  if (claim.entityIds.length) parts.push([WEIGHTS.entities, entities.similarity]);
  if (claim.quantities.length) {
    const credit = figures.matched.length + CONFLICTING_FIGURE_CREDIT * figures.conflicts.filter((c) => c.strength === 1).length;
    parts.push([WEIGHTS.figures, Math.min(1, credit / claim.quantities.length)]);
  }
  if (claim.years.length) parts.push([WEIGHTS.years, sharedYears.length ? 1 : 0]);
  const total = parts.reduce((s, [w]) => s + w, 0);
  const score = parts.reduce((s, [w, v]) => s + w * v, 0) / total;

  const claimSide = (p: (typeof figures.matched)[number]) => (claim.quantities.includes(p.a) ? p.a : p.b);
  const sourceSide = (p: (typeof figures.matched)[number]) => (claim.quantities.includes(p.a) ? p.b : p.a);
  const shares = [
    ...figures.matched.map((p) => formatQuantity(claimSide(p))),
    ...sharedYears.map(String),
    ...entities.shared.map((id) => entityLabel(id)),
    ...wording.shared.slice(0, 3),
  ];
  const differs = figures.conflicts.filter((c) => c.strength === 1).map((p) => `${formatQuantity(claimSide(p))} vs ${formatQuantity(sourceSide(p))}`);
  const reason = [shares.length ? `shares: ${[...new Set(shares)].join('; ')}` : 'few words in common', ...(differs.length ? [`figure differs: ${differs.join('; ')}`] : [])].join(' — ');
  return { score, reason };
}

/** The best passages (sentences, across wrapped lines) of `sourceText` for `claim`, best first; ties go to the earlier passage. */
export function proposePassages(claim: string, sourceText: string, { limit = PROPOSAL_LIMIT } = {}): PassageProposal[] {
  const claimFeatures = extractClaimFeatures(claim);
  const scored: PassageProposal[] = [];
  for (const sentence of sourceSentences(sourceText)) {
    if (sentence.text.trim().length < 3) continue;
    const { score, reason } = scorePassage(claimFeatures, extractClaimFeatures(sentence.text));
    if (score < MIN_PROPOSAL_SCORE) continue;
    scored.push({ start: sentence.start, end: sentence.end, exact: sentence.text, score: Math.round(score * 1000) / 1000, reason });
  }
  return scored.sort((a, b) => b.score - a.score || a.start - b.start).slice(0, limit);
}
