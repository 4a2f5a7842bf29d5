/**
 * Do two claims state the same figures? Each figure becomes the interval a reporter could mean
 * by it (a round "6,000" may stand for 6,300; "more than 600" for up to ~960; "nearly 2,000" for
 * 1,700–2,000), and two figures agree when their intervals meet and they count the same thing.
 */
import { FATE_UNITS, PEOPLE_UNITS, type Quantity } from './find-quantities';

export type UnitAgreement = 'same' | 'different' | 'unknown';

export type FigurePair = { a: Quantity; b: Quantity; strength: number };
export type FigureComparison = {
  /** Figures of the claim stating fewer of them, each with its best partner. */
  matched: FigurePair[];
  /** Figures that have a comparable figure on the other side but no agreeing one. */
  conflicts: FigurePair[];
  /** Figures of the longer side that count the same thing as a matched figure but disagree with it. */
  rivals: Quantity[];
  /** How many figures the side with fewer figures states (0 = nothing to compare). */
  compared: number;
  /** Figure score in -1..1: agreement minus conflict, per compared figure. */
  score: number;
};

export function isRound(v: number): boolean {
  if (v < 10 || !Number.isInteger(v)) return false;
  // Two digits are rounded only to a five or a ten: no reporter writes 12 for 11 convicted.
  if (v < 100) return v % 5 === 0;
  const unit = 10 ** (Math.floor(Math.log10(v)) - 1);
  return v % unit === 0;
}

/** The interval [lo, hi] a stated figure may stand for. */
export function figureInterval(q: Quantity): [number, number] {
  const pad = (lo: number, hi: number, down: number, up: number): [number, number] => {
    const floor = q.kind === 'percent' ? 0.5 : 0;
    return [Math.min(lo * (1 - down), lo - floor), Math.max(hi * (1 + up), hi + floor)];
  };
  if (q.kind === 'ordinal') return [q.lo, q.hi];
  // A percentage stated exactly is rounded to the unit or a decimal: 43% is 42.5–43.5, not 40–46.
  if (q.kind === 'percent' && q.qualifier === 'exact') return [q.lo - Math.max(0.5, q.lo * 0.01), q.hi + Math.max(0.5, q.hi * 0.01)];
  switch (q.qualifier) {
    case 'exact':
      if (q.lo !== q.hi) return pad(q.lo, q.hi, 0.03, 0.03);
      return isRound(q.lo) ? pad(q.lo, q.hi, 0.07, 0.07) : pad(q.lo, q.hi, 0.02, 0.02);
    case 'approx':
      return pad(q.lo, q.hi, 0.12, 0.12);
    case 'atLeast':
      // "more than 600" is said of 640, rarely of 900; "more than half" of 55%, not of 70%.
      return [q.lo * 0.98, q.hi * (q.kind === 'percent' ? 1.15 : 1.4)];
    case 'atMost':
      return [q.lo * 0.6, q.hi * 1.02];
    case 'nearly':
      // "nearly half" is 45–50%, not 43%.
      return [q.lo * (q.kind === 'percent' ? 0.9 : 0.85), q.hi * 1.02];
    case 'vague':
      return [q.lo, q.hi];
  }
}

function unitsAgree(a: string | null, b: string | null): UnitAgreement {
  // The whole a part is "of" ("11 of the 14 defendants") is another quantity than any part.
  const wa = a?.startsWith('whole:') ?? false;
  const wb = b?.startsWith('whole:') ?? false;
  if (wa !== wb) return 'different';
  if (wa && wb) return unitsAgree(a!.slice(6), b!.slice(6));
  if (!a || !b) return 'unknown';
  if (a === b) return 'same';
  if (a.startsWith('?') || b.startsWith('?')) return 'unknown';
  return 'different';
}

/** A figure of plain people against one of people killed, injured or detained: the same people, one side telling less (never a full agreement in matching). */
export function peopleAgainstFate(a: Quantity, b: Quantity): boolean {
  const people = (q: Quantity) => q.unit !== null && PEOPLE_UNITS.has(q.unit);
  const fate = (q: Quantity) => q.unit !== null && FATE_UNITS.has(q.unit);
  return (people(a) && fate(b)) || (fate(a) && people(b));
}

export function unitAgreement(a: Quantity, b: Quantity): UnitAgreement {
  // A rate ("1,500 arrivals a week") and a capacity ("built for 1,500") are other quantities than a
  // count of the same noun: the centre's capacity is not its weekly intake, nor the 450 a ship can take the 450 on board.
  if ((a.per ?? null) !== (b.per ?? null) || !!a.capacity !== !!b.capacity) return 'different';
  // A toll of 13 and "killed 13 policemen": the same dead, one side saying whose (never a full agreement).
  if ((a.fate && a.fate === b.unit) || (b.fate && b.fate === a.unit)) return 'unknown';
  return unitsAgree(a.unit, b.unit);
}

const unitUnknown = (q: Quantity) => !q.unit || q.unit.startsWith('?');

function precisionWeight(q: Quantity): number {
  if (q.qualifier === 'vague') return 0.5;
  if (q.qualifier === 'exact') return 1;
  return 0.85;
}

const meets = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

export function figuresAgree(a: Quantity, b: Quantity): boolean {
  if (a.kind !== b.kind) return false;
  const statedRange = (q: Quantity) => q.lo !== q.hi && (q.qualifier === 'exact' || q.qualifier === 'approx');
  if (statedRange(a) !== statedRange(b) && a.qualifier !== 'vague' && b.qualifier !== 'vague') {
    // A single figure restates a range by one of its ends ("around 6,000", "up to 6,500" for
    // 6,000–6,500), not by a point inside it: "around 6,000" is not the 4,000–6,500 estimate.
    const [range, single] = statedRange(a) ? [a, b] : [b, a];
    const slack = (v: number) => v * 0.03 + (single.kind === 'percent' ? 0.5 : 0);
    // Or by its middle, as a rounded point estimate: "about 450" is the 400–500 a survivor gave.
    const middle = single.qualifier !== 'atLeast' && single.qualifier !== 'atMost' && Math.abs(single.lo - (range.lo + range.hi) / 2) <= slack((range.lo + range.hi) / 2);
    return middle || [range.lo, range.hi].some((end) => Math.abs(single.lo - end) <= slack(end));
  }
  if (statedRange(a) && statedRange(b)) {
    // Two stated ranges are the same estimate only when both ends agree: 4,000–6,500 is not 6,000–6,500.
    const end = (q: Quantity, v: number): Quantity => ({ ...q, lo: v, hi: v });
    return meets(figureInterval(end(a, a.lo)), figureInterval(end(b, b.lo))) && meets(figureInterval(end(a, a.hi)), figureInterval(end(b, b.hi)));
  }
  // A lower bound against an upper bound: "fewer than 30" and "at least 30" (or "more than 30" and
  // "up to 30") leave no figure both could be, though their padded intervals touch at 30.
  const bounds = [a.qualifier, b.qualifier];
  if (bounds.includes('atLeast') && (bounds.includes('atMost') || bounds.includes('nearly'))) {
    const [lower, upper] = a.qualifier === 'atLeast' ? [a, b] : [b, a];
    if (lower.lo >= upper.hi) return false;
  }
  // Two figures both told as approximate are one when each could be the other's rounding: the
  // intervals of "around 100" and "about 80" touch at 88, but no reporter rounds 88 to either.
  const point = (q: Quantity): [number, number] => [q.lo, q.hi];
  if (a.qualifier === 'approx' && b.qualifier === 'approx') return meets(point(a), figureInterval(b)) || meets(point(b), figureInterval(a));
  return meets(figureInterval(a), figureInterval(b));
}

export function compareFigures(left: Quantity[], right: Quantity[]): FigureComparison {
  const [fewer, more] = left.length <= right.length ? [left, right] : [right, left];
  const flip = fewer !== left;
  const pair = (x: Quantity, y: Quantity, strength: number): FigurePair => (flip ? { a: y, b: x, strength } : { a: x, b: y, strength });
  const matched: FigurePair[] = [];
  const conflicts: FigurePair[] = [];
  let compared = 0;
  let total = 0;
  const taken = new Set<Quantity>();
  // Figures that say what they count go first; one that says nothing ("convicted eleven defendants and
  // acquitted three") is not set against a figure another one already agreed with.
  for (const q of [...fewer.filter((x) => !unitUnknown(x)), ...fewer.filter(unitUnknown)]) {
    const comparable = more.filter((p) => p.kind === q.kind && unitAgreement(q, p) !== 'different' && !(unitUnknown(q) && taken.has(p)));
    if (comparable.length === 0) continue;
    // A figure counting the same thing is the one to compare with; one of unknown unit only stands in when there is none.
    const sameUnitOnes = comparable.filter((p) => unitAgreement(q, p) === 'same');
    const sameKind = sameUnitOnes.length ? sameUnitOnes : comparable;
    compared += 1;
    let best: FigurePair | null = null;
    for (const p of sameKind) {
      if (!figuresAgree(q, p)) continue;
      // An exact, unrounded figure on both sides (1,203; 685) is near proof; a round one (600; 2,000) is common.
      // So is a stated range both sides give end for end ("4,000 to 6,000 dollars" = "between $4,000 and $6,000"): two figures agreeing.
      const bothRanges = q.lo !== q.hi && p.lo !== p.hi && q.qualifier === 'exact' && p.qualifier === 'exact';
      const specific = bothRanges || (!isRound(q.lo) && !isRound(p.lo) && q.qualifier === 'exact' && p.qualifier === 'exact') ? 1 : 0.8;
      const strength = Math.min(precisionWeight(q), precisionWeight(p)) * (unitAgreement(q, p) === 'same' ? 1 : 0.8) * specific;
      if (!best || strength > best.strength) best = pair(q, p, strength);
    }
    if (best) {
      taken.add(flip ? best.a : best.b);
      matched.push(best);
      total += best.strength;
      continue;
    }
    const sameUnit = sameKind.find((p) => unitAgreement(q, p) === 'same');
    const weight = sameUnit ? 1 : 0.6;
    conflicts.push(pair(q, sameUnit ?? sameKind[0], weight));
    total -= weight;
  }
  // A figure of the same unit left over on the longer side, agreeing with nothing, is a rival
  // estimate of the same quantity ("4,000 to 6,000 fighters, far more than the 2,000 now reported").
  const used = new Set(matched.map((p) => (flip ? p.a : p.b)));
  const rivals = more.filter(
    (p) => !used.has(p) && matched.some((m) => (flip ? m.b : m.a).kind === p.kind && unitAgreement(flip ? m.b : m.a, p) === 'same' && !figuresAgree(flip ? m.b : m.a, p)),
  );
  return { matched, conflicts, rivals, compared, score: compared ? total / compared : 0 };
}
