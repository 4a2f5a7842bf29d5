/** NATO / Admiralty system: source reliability (letter) × information credibility (digit), e.g. "B2". */

export const RELIABILITY_GRADES = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
} as const;

export const CREDIBILITY_GRADES = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
} as const;

export type ReliabilityGrade = keyof typeof RELIABILITY_GRADES;
export type CredibilityGrade = keyof typeof CREDIBILITY_GRADES;

/** The grades in order (A…F, 1…6), as z.enum and "one of …" messages want them. */
export const RELIABILITIES = Object.keys(RELIABILITY_GRADES) as [ReliabilityGrade, ...ReliabilityGrade[]];
export const CREDIBILITIES = Object.keys(CREDIBILITY_GRADES).map(Number) as [CredibilityGrade, ...CredibilityGrade[]];

export interface Grade {
  reliability?: ReliabilityGrade | null;
  credibility?: CredibilityGrade | null;
}

export function isReliabilityGrade(value: unknown): value is ReliabilityGrade {
  return typeof value === 'string' && Object.hasOwn(RELIABILITY_GRADES, value);
}

export function isCredibilityGrade(value: unknown): value is CredibilityGrade {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 6;
}

/** 'B2', 'B' or '2' when only one half is graded, '' when ungraded. */
export function formatGrade({ reliability, credibility }: Grade): string {
  return `${reliability ?? ''}${credibility ?? ''}`;
}

/** Inverse of formatGrade (case-insensitive, trimmed); null if the text is not a grade. */
export function parseGrade(text: string): Required<Grade> | null {
  const match = /^([A-F])?([1-6])?$/.exec(text.trim().toUpperCase());
  if (!match) return null;
  return {
    reliability: (match[1] as ReliabilityGrade | undefined) ?? null,
    credibility: match[2] ? (Number(match[2]) as CredibilityGrade) : null,
  };
}

/** e.g. "Source: Usually reliable. Information: Probably true." — "Not graded" when empty. */
export function describeGrade({ reliability, credibility }: Grade): string {
  const parts: string[] = [];
  if (reliability) parts.push(`Source: ${RELIABILITY_GRADES[reliability]}.`);
  if (credibility) parts.push(`Information: ${CREDIBILITY_GRADES[credibility]}.`);
  return parts.length ? parts.join(' ') : 'Not graded';
}
