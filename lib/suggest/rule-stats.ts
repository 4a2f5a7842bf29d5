/**
 * Learning from the desk: each accepted, rejected or re-tagged suggestion is a decision on the rules
 * that fired for it. A rule's precision is accepted ÷ decided with a Beta prior (so three early
 * rejections do not condemn a rule, nor one acceptance crown it); the precision relative to the
 * prior's mean scales the confidence of that rule's suggestions; a rule whose precision since it was
 * last restored falls below the floor, over enough decisions, is muted for the desk. Pure and
 * deterministic: the same history always gives the same figures.
 */
import type { SuggestionOutcome } from '@/lib/core/enums';
import type { Suggestion } from './suggest';

/** One decision on a suggestion: the rules that fired for it (deciding rule first) and what the analyst did. */
export type RuleDecision = { rules: readonly string[]; outcome: SuggestionOutcome; at: Date };
/** An admin brought a muted rule back: decisions before this no longer count towards muting it. */
export type RuleRestore = { ruleId: string; at: Date };

export type LearningParams = {
  /** Beta prior: pseudo-acceptances and pseudo-rejections every rule starts with. */
  priorAccepted: number;
  priorRejected: number;
  /** Precision below which a rule is muted… */
  floor: number;
  /** …once at least this many decisions count (since its last restore). */
  minDecisions: number;
  /** Confidence factors are kept within [minFactor, maxFactor]. */
  minFactor: number;
  maxFactor: number;
};

export const LEARNING: LearningParams = { priorAccepted: 3, priorRejected: 1, floor: 0.35, minDecisions: 5, minFactor: 0.5, maxFactor: 1.25 };

export type RuleStat = {
  id: string;
  /** Decisions (accepted + re-tagged + rejected), over the whole history. */
  decided: number;
  accepted: number;
  retagged: number;
  rejected: number;
  /** Posterior mean precision over the whole history. */
  precision: number;
  /** Multiplies the confidence of the rule's suggestions. */
  factor: number;
  /** Since the last restore (the whole history when never restored): what muting looks at. */
  decidedSinceRestore: number;
  precisionSinceRestore: number;
  muted: boolean;
  restoredAt: Date | null;
};

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function posterior(accepted: number, decided: number, p: LearningParams = LEARNING): number {
  return (accepted + p.priorAccepted) / (decided + p.priorAccepted + p.priorRejected);
}

/**
 * Figures for every rule that has a decision or a restore. A re-tagged suggestion found a claim but
 * proposed the wrong tag: it counts against the rule's tag, like a rejection.
 */
export function ruleStats(decisions: readonly RuleDecision[], restores: readonly RuleRestore[], p: LearningParams = LEARNING): RuleStat[] {
  const lastRestore = new Map<string, Date>();
  for (const r of restores) {
    const prev = lastRestore.get(r.ruleId);
    if (!prev || r.at > prev) lastRestore.set(r.ruleId, r.at);
  }
  type Tally = { accepted: number; retagged: number; rejected: number; since: number; acceptedSince: number };
  const tallies = new Map<string, Tally>();
  for (const d of decisions) {
    for (const id of new Set(d.rules)) {
      const t = tallies.get(id) ?? { accepted: 0, retagged: 0, rejected: 0, since: 0, acceptedSince: 0 };
      if (d.outcome === 'ACCEPTED') t.accepted += 1;
      else if (d.outcome === 'RETAGGED') t.retagged += 1;
      else t.rejected += 1;
      const restored = lastRestore.get(id);
      if (!restored || d.at > restored) {
        t.since += 1;
        if (d.outcome === 'ACCEPTED') t.acceptedSince += 1;
      }
      tallies.set(id, t);
    }
  }
  for (const id of lastRestore.keys()) if (!tallies.has(id)) tallies.set(id, { accepted: 0, retagged: 0, rejected: 0, since: 0, acceptedSince: 0 });
  const mean = p.priorAccepted / (p.priorAccepted + p.priorRejected);
  return [...tallies.entries()]
    .map(([id, t]) => {
      const decided = t.accepted + t.retagged + t.rejected;
      const precision = posterior(t.accepted, decided, p);
      const precisionSinceRestore = posterior(t.acceptedSince, t.since, p);
      return {
        id,
        decided,
        accepted: t.accepted,
        retagged: t.retagged,
        rejected: t.rejected,
        precision: round(precision),
        factor: round(Math.min(p.maxFactor, Math.max(p.minFactor, precision / mean))),
        decidedSinceRestore: t.since,
        precisionSinceRestore: round(precisionSinceRestore),
        muted: t.since >= p.minDecisions && precisionSinceRestore < p.floor,
        restoredAt: lastRestore.get(id) ?? null,
      };
    })
    .sort((a, b) => Number(b.muted) - Number(a.muted) || a.precision - b.precision || a.id.localeCompare(b.id));
}

export type LearnedSuggestion = Suggestion & { /** Set when the desk's history changed the engine's confidence. */ learned?: { rule: string; factor: number; accepted: number; decided: number } };

/**
 * Applies the desk's figures: suggestions whose deciding rule is muted are dropped, the others get the
 * deciding rule's confidence factor (named in the reason when it changes anything).
 */
export function applyRuleStats(suggestions: readonly Suggestion[], stats: readonly RuleStat[]): { suggestions: LearnedSuggestion[]; muted: number } {
  const byId = new Map(stats.map((s) => [s.id, s]));
  const out: LearnedSuggestion[] = [];
  let muted = 0;
  for (const s of suggestions) {
    const rule = s.rules[0];
    const stat = rule ? byId.get(rule) : undefined;
    if (!stat) {
      out.push(s);
      continue;
    }
    if (stat.muted) {
      muted += 1;
      continue;
    }
    const confidence = Math.round(Math.max(0, Math.min(1, s.confidence * stat.factor)) * 100) / 100;
    if (confidence === s.confidence) {
      out.push(s);
      continue;
    }
    const how = stat.factor > 1 ? 'raised' : 'lowered';
    out.push({
      ...s,
      confidence,
      reason: `${s.reason}; confidence ${how} from ${s.confidence.toFixed(2)}: the desk accepted ${stat.accepted} of ${stat.decided} suggestions from this rule`,
      learned: { rule, factor: stat.factor, accepted: stat.accepted, decided: stat.decided },
    });
  }
  return { suggestions: out, muted };
}
