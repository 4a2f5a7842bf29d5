import { describe, expect, it } from 'vitest';
import {
  CREDIBILITY_GRADES,
  RELIABILITY_GRADES,
  describeGrade,
  formatGrade,
  isCredibilityGrade,
  isReliabilityGrade,
  parseGrade,
} from '@/lib/core/grading';

describe('grading constants', () => {
  it('has the standard Admiralty reliability meanings A–F', () => {
    expect(RELIABILITY_GRADES).toEqual({
      A: 'Completely reliable',
      B: 'Usually reliable',
      C: 'Fairly reliable',
      D: 'Not usually reliable',
      E: 'Unreliable',
      F: 'Reliability cannot be judged',
    });
    expect(Object.keys(RELIABILITY_GRADES)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('has the standard credibility meanings 1–6', () => {
    expect(CREDIBILITY_GRADES).toEqual({
      1: 'Confirmed by other sources',
      2: 'Probably true',
      3: 'Possibly true',
      4: 'Doubtful',
      5: 'Improbable',
      6: 'Truth cannot be judged',
    });
  });
});

describe('formatGrade', () => {
  it.each([
    [{ reliability: 'B', credibility: 2 }, 'B2'],
    [{ reliability: 'F', credibility: 6 }, 'F6'],
    [{ reliability: 'B', credibility: null }, 'B'],
    [{ reliability: 'A' }, 'A'],
    [{ reliability: null, credibility: 2 }, '2'],
    [{ credibility: 1 }, '1'],
    [{ reliability: null, credibility: null }, ''],
    [{}, ''],
  ] as const)('%o → %j', (grade, expected) => {
    expect(formatGrade(grade)).toBe(expected);
  });
});

describe('parseGrade', () => {
  it.each([
    ['B2', { reliability: 'B', credibility: 2 }],
    [' b2 ', { reliability: 'B', credibility: 2 }],
    ['C', { reliability: 'C', credibility: null }],
    ['6', { reliability: null, credibility: 6 }],
    ['', { reliability: null, credibility: null }],
  ] as const)('%j', (text, expected) => {
    expect(parseGrade(text)).toEqual(expected);
  });

  it.each(['G1', 'A7', 'A0', '2B', 'AB', 'B22'])('rejects %j', (text) => {
    expect(parseGrade(text)).toBeNull();
  });

  it('round-trips every grade through formatGrade', () => {
    for (const r of Object.keys(RELIABILITY_GRADES))
      for (const c of [1, 2, 3, 4, 5, 6]) {
        const grade = parseGrade(`${r}${c}`);
        expect(grade && formatGrade(grade)).toBe(`${r}${c}`);
      }
  });
});

describe('guards', () => {
  it('isReliabilityGrade', () => {
    expect(isReliabilityGrade('A')).toBe(true);
    expect(isReliabilityGrade('F')).toBe(true);
    for (const bad of ['G', 'a', '', 'toString', 1, null, undefined]) expect(isReliabilityGrade(bad)).toBe(false);
  });

  it('isCredibilityGrade', () => {
    expect(isCredibilityGrade(1)).toBe(true);
    expect(isCredibilityGrade(6)).toBe(true);
    for (const bad of [0, 7, 2.5, '2', null, undefined, Number.NaN]) expect(isCredibilityGrade(bad)).toBe(false);
  });
});

describe('describeGrade', () => {
  it('describes both halves', () => {
    expect(describeGrade({ reliability: 'B', credibility: 2 })).toBe('Source: Usually reliable. Information: Probably true.');
  });
  it('describes one half', () => {
    expect(describeGrade({ reliability: 'F' })).toBe('Source: Reliability cannot be judged.');
    expect(describeGrade({ credibility: 4 })).toBe('Information: Doubtful.');
  });
  it('says when ungraded', () => {
    expect(describeGrade({ reliability: null, credibility: null })).toBe('Not graded');
  });
});
