import { describe, expect, it } from 'vitest';
import { describeRule } from '@/lib/suggest/describe-rule';
import { applyRuleStats, LEARNING, posterior, ruleStats, type RuleDecision } from '@/lib/suggest/rule-stats';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { suggestClaims, type Suggestion } from '@/lib/suggest';
import { canonicalFromPlainText } from '@/lib/suggest/evaluate';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n));
const decisions = (rule: string, outcomes: Array<'ACCEPTED' | 'REJECTED' | 'RETAGGED'>, from = 0): RuleDecision[] => outcomes.map((outcome, i) => ({ rules: [rule], outcome, at: at(from + i) }));
const sug = (rules: string[], confidence = 0.6): Suggestion => ({ start: 0, end: 5, exact: 'Claim', tag: 'un', confidence, reason: 'cue', rules });

describe('per-rule precision with a prior', () => {
  it('starts every rule at the prior and moves with accepted ÷ decided; a re-tag counts against the rule', () => {
    expect(posterior(0, 0)).toBe(0.75);
    const [stat] = ruleStats(decisions('speaker.subject:un', ['ACCEPTED', 'ACCEPTED', 'RETAGGED', 'REJECTED']), []);
    expect(stat).toMatchObject({ decided: 4, accepted: 2, retagged: 1, rejected: 1, muted: false });
    expect(stat.precision).toBe(0.625); // (2 + 3) / (4 + 4)
    expect(stat.factor).toBeCloseTo(0.833, 3);
  });

  it('mutes a rule under the floor only after enough decisions, and a restore gives it a fresh start', () => {
    const rule = 'document.mention:un';
    const few = ruleStats(decisions(rule, Array(LEARNING.minDecisions - 1).fill('REJECTED')), []);
    expect(few[0].muted).toBe(false);
    const many = ruleStats(decisions(rule, Array(LEARNING.minDecisions + 2).fill('REJECTED')), []);
    expect(many[0].muted).toBe(true);
    const restored = ruleStats(decisions(rule, Array(LEARNING.minDecisions + 2).fill('REJECTED')), [{ ruleId: rule, at: at(30) }]);
    expect(restored[0]).toMatchObject({ muted: false, decidedSinceRestore: 0, rejected: LEARNING.minDecisions + 2 });
    const again = ruleStats([...decisions(rule, Array(7).fill('REJECTED')), ...decisions(rule, Array(LEARNING.minDecisions).fill('REJECTED'), 40)], [{ ruleId: rule, at: at(30) }]);
    expect(again[0]).toMatchObject({ muted: true, decidedSinceRestore: LEARNING.minDecisions });
  });

  it('is deterministic: the same history in any order gives the same figures, muted rules first', () => {
    const history = [...decisions('a.subject:un', ['ACCEPTED', 'ACCEPTED', 'ACCEPTED']), ...decisions('b.subject:un', Array(8).fill('REJECTED')), ...decisions('c.subject:un', ['REJECTED'])];
    const forward = ruleStats(history, []);
    expect(ruleStats([...history].reverse(), [])).toEqual(forward);
    expect(forward.map((s) => s.id)).toEqual(['b.subject:un', 'c.subject:un', 'a.subject:un']);
  });

  it('counts a decision once per rule even when a rule repeats, and for every rule that fired', () => {
    const stats = ruleStats([{ rules: ['quote:un', 'name.inverted:un', 'quote:un'], outcome: 'REJECTED', at: at(0) }], []);
    expect(stats.map((s) => [s.id, s.rejected])).toEqual([
      ['name.inverted:un', 1],
      ['quote:un', 1],
    ]);
  });
});

describe('applying the desk figures to suggestions', () => {
  it('drops suggestions of a muted deciding rule, scales the others and says why', () => {
    const stats = ruleStats([...decisions('bad.subject:un', Array(6).fill('REJECTED')), ...decisions('good.subject:un', Array(10).fill('ACCEPTED'))], []);
    const { suggestions, muted } = applyRuleStats([sug(['bad.subject:un']), sug(['good.subject:un']), sug(['new.subject:un']), sug(['hedge:unattributed', 'bad.subject:un'])], stats);
    expect(muted).toBe(1);
    expect(suggestions.map((s) => s.rules[0])).toEqual(['good.subject:un', 'new.subject:un', 'hedge:unattributed']);
    expect(suggestions[0].confidence).toBeGreaterThan(0.6);
    expect(suggestions[0].reason).toContain('the desk accepted 10 of 10');
    expect(suggestions[1]).toEqual(sug(['new.subject:un']));
    expect(Math.max(...suggestions.map((s) => s.confidence))).toBeLessThanOrEqual(1);
  });

  it('describes rules in words', () => {
    expect(describeRule('speaker.subject:expert')).toBe('a named source before a reporting verb (“Officials said…”) → expert/analyst');
    expect(describeRule('continuation:un')).toContain('continues');
  });

  it('every rule the engine fires on the fixtures has words on the desk page, not its bare id', () => {
    const root = 'tests/fixtures/suggest';
    const texts: string[] = [];
    for (const dir of readdirSync(root)) {
      const full = path.join(root, dir);
      if (!statSync(full).isDirectory()) continue;
      for (const f of readdirSync(full)) if (f.endsWith('.txt')) texts.push(canonicalFromPlainText(readFileSync(path.join(full, f), 'utf8')));
    }
    const ids = new Set(texts.flatMap((t) => suggestClaims(t, { tags: ['un', 'intelligence', 'analyst', 'official', 'media', 'unattributed'] }).flatMap((x) => x.rules)));
    expect(ids.size).toBeGreaterThan(20);
    for (const id of ids) expect(describeRule(id).startsWith(id.slice(0, id.lastIndexOf(':')))).toBe(false);
  });
});
