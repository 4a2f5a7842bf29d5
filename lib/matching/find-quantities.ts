/**
 * Figures in a claim, normalised: "6,000" = "6000" = "six thousand"; "6,000-6,500", "between 6,000
 * and 6,500" and "6,000 to 6,500" are one range; "more than 600", "nearly 2,000", "around 20" keep
 * their qualifier (it widens the interval a figure may match); years, percentages, money and
 * ordinals are kinds of their own so "2021" never matches "2,021 attacks". Dates ("14 July") and
 * clock times are not figures of a claim and are skipped.
 */
import { MATCHING_LEXICON, stemWord, type MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

/** 'data' is an amount of data in bytes ("700GB" = "700 gigabytes"; "1.2 terabytes" = "1,200 gigabytes"), never a count. */
/** 'duration' is a length of time ("nine years", "a 12-year term"), compared only with another duration. */
/**
 * 'measure' is a physical amount in a unit of measure, converted to one base unit per dimension (unit
 * 'mass' in kilograms, 'length' in metres, 'area' in square metres, 'speed' in km/h, 'volume' in litres):
 * "8,600 hectares" = "86 square kilometres", "70 km/h" = "70 kilometres an hour"; never a count of things
 * ("40 tonnes of retardant" is not "at least 30 sorties") nor another dimension (a 70 km perimeter is no 70 km/h).
 */
export type QuantityKind = 'count' | 'percent' | 'money' | 'year' | 'ordinal' | 'duration' | 'data' | 'measure';
/** How the text states the figure: exactly, rounded, approximately, as a bound, or vaguely ("hundreds"). */
export type Qualifier = 'exact' | 'approx' | 'atLeast' | 'atMost' | 'nearly' | 'vague';

export type Quantity = {
  kind: QuantityKind;
  /** The stated interval (a single figure has lo = hi). */
  lo: number;
  hi: number;
  qualifier: Qualifier;
  /** Unit class of what is counted ("fighters", "attacks"), or the stem of an unknown noun prefixed "?". */
  unit: string | null;
  /** A rate per period ("14,000 appointments a week", "1,500 arrivals a week"): compared only with a rate of the same period. */
  per?: string;
  /** A capacity ("built for 1,500 people", "can take up to 450"): compared only with another capacity. */
  capacity?: boolean;
  /** What a share is a share of, as terms ("20 per cent of schools" → school), when the words after "of" say it. */
  of?: string[];
  /** What befell the people a count of soldiers, fighters or civilians counts, when the claim tells one fate ("killed 13 policemen" → killed). */
  fate?: string;
  text: string;
  start: number;
  end: number;
};

const ONES: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7 };
const SUFFIX_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, bn: 1e9, b: 1e9, tn: 1e12 };
const ORDINAL_SUFFIX = new Set(['st', 'nd', 'rd', 'th']);
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
// Unit words that also modify another unit noun ("terrorist groups", "security personnel").
const MODIFIER_UNITS = new Set(['terrorist', 'militant', 'insurgent', 'jihadist', 'extremist', 'civilian', 'police', 'army', 'military', 'security', 'suicide', 'fighter', 'rebel']);
const DURATIONS = new Set(['year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'decade', 'decades', 'hours', 'hour', 'minutes', 'decades']);
// Words around a length of time that make it the claim's date rather than its figure.
const BACKGROUND_BEFORE = new Set(['after', 'in', 'within', 'over', 'during', 'past', 'last', 'next', 'first', 'recent', 'previous', 'coming', 'than', 'ago']);
// An offset in hours, whatever unit it is told in: "a week after" is "seven days after", and not "three days after".
const HOURS: Record<string, number> = { minute: 1 / 60, hour: 1, day: 24, week: 168, month: 730, year: 8766 };
function asOffset(q: Omit<Quantity, 'unit'>, unit: string): Quantity {
  const h = HOURS[unit] ?? 1;
  return { ...q, lo: q.lo * h, hi: q.hi * h, unit: 'offset' };
}

// After "a week", "an hour": the words that make it the time since another event.
const DATING_ONE = new Set(['after', 'later', 'before', 'earlier', 'ago']);
// "took four hours", "taking two days": the time something took, between two events.
const TOOK = new Set(['took', 'take', 'takes', 'taking', 'taken']);
const BACKGROUND_AFTER = new Set(['after', 'ago', 'later', 'before', 'of', 'earlier', 'since', 'old']);
// Each duration word → its unit and how many of it one word stands for ("two decades" is 20 years).
const DURATION_UNIT: Record<string, [string, number]> = {
  year: ['year', 1], years: ['year', 1], decade: ['year', 10], decades: ['year', 10], month: ['month', 1], months: ['month', 1],
  week: ['week', 1], weeks: ['week', 1], day: ['day', 1], days: ['day', 1], hour: ['hour', 1], hours: ['hour', 1], minutes: ['minute', 1],
};
// Currency word → the unit a money figure counts: $5bn and Rs5bn are different sums. "Rs" and
// "rupees" do not say whose rupees, so every rupee is one unit.
const CURRENCY_BEFORE: Record<string, string> = { $: 'usd', usd: 'usd', '£': 'gbp', gbp: 'gbp', '€': 'eur', eur: 'eur', rs: 'rupee', pkr: 'rupee', inr: 'rupee', afn: 'afn' };
const CURRENCY_AFTER: Record<string, string> = {
  dollars: 'usd', dollar: 'usd', usd: 'usd', pounds: 'gbp', euros: 'eur', euro: 'eur', rupees: 'rupee', rupee: 'rupee', afghanis: 'afn',
};
// Data sizes, after the figure ("700GB", "700 gigabytes", "1.2 TB"): bytes, so units of another size agree.
const DATA_UNITS: Record<string, number> = {
  kb: 1e3, kilobytes: 1e3, kilobyte: 1e3, mb: 1e6, megabytes: 1e6, megabyte: 1e6, gb: 1e9, gigabytes: 1e9, gigabyte: 1e9,
  tb: 1e12, terabytes: 1e12, terabyte: 1e12, pb: 1e15, petabytes: 1e15, petabyte: 1e15,
};
// Units of measure after the figure, by dimension and size in the dimension's base unit.
const MEASURE_UNITS: Record<string, [string, number]> = {
  tonnes: ['mass', 1e3], tonne: ['mass', 1e3], tons: ['mass', 1e3], ton: ['mass', 1e3], t: ['mass', 1e3], kg: ['mass', 1], kilograms: ['mass', 1], kilogram: ['mass', 1], kilos: ['mass', 1],
  km: ['length', 1e3], kilometres: ['length', 1e3], kilometre: ['length', 1e3], kilometers: ['length', 1e3], kilometer: ['length', 1e3],
  metres: ['length', 1], metre: ['length', 1], meters: ['length', 1], meter: ['length', 1], miles: ['length', 1609.344], mile: ['length', 1609.344],
  hectares: ['area', 1e4], hectare: ['area', 1e4], ha: ['area', 1e4], acres: ['area', 4046.86], acre: ['area', 4046.86],
  litres: ['volume', 1], litre: ['volume', 1], liters: ['volume', 1], liter: ['volume', 1], kph: ['speed', 1], mph: ['speed', 1.609344],
};
// "square kilometres", "sq km": a length unit after one of these is an area.
const SQUARE = new Set(['square', 'sq']);
const HOUR = new Set(['hour', 'hr', 'h']);

/**
 * A unit of measure right after a figure (token k on): its dimension, its size in the base unit and
 * the token after it. "70 km/h", "70 kilometres an hour" and "per hour" are speeds; "86 square
 * kilometres", "86 sq km" areas. "5m" never gets here: a scale suffix is read with the number.
 */
function measureUnitAt(tokens: Token[], k: number): { dimension: string; size: number; next: number } | null {
  const at = (j: number) => tokens[j]?.lower ?? '';
  // "a 40-tonne lorry", "a 90-kilometre pipeline": the unit after a hyphen.
  if (at(k) === '-' && at(k + 1).length > 1) k += 1;
  const square = SQUARE.has(at(k));
  const j = square ? k + 1 : k;
  if (!Object.hasOwn(MEASURE_UNITS, at(j))) return null;
  // A one-letter unit ("40t") only written straight after the digits: "3 t" with a space is rarely tonnes in prose.
  if (at(j).length === 1 && !(tokens[j].start === tokens[j - 1]?.end)) return null;
  const [dimension, size] = MEASURE_UNITS[at(j)];
  // "86 km2" (or "km²", folded to a 2): a square unit written after the length.
  const squared = dimension === 'length' && tokens[j + 1]?.text === '2' && tokens[j + 1].start === tokens[j].end;
  if (squared) return { dimension: 'area', size: size * size, next: j + 2 };
  if (square) return dimension === 'length' ? { dimension: 'area', size: size * size, next: j + 1 } : null;
  if (dimension === 'length') {
    if (at(j + 1) === '/' && HOUR.has(at(j + 2))) return { dimension: 'speed', size: size / 1e3, next: j + 3 };
    if ((at(j + 1) === 'an' || at(j + 1) === 'per' || at(j + 1) === 'a') && HOUR.has(at(j + 2))) return { dimension: 'speed', size: size / 1e3, next: j + 3 };
  }
  return { dimension, size, next: j + 1 };
}

const dataUnit = (t: Token | undefined) => (t && t.kind === 'word' && Object.hasOwn(DATA_UNITS, t.lower) ? DATA_UNITS[t.lower] : undefined);
// "five million US dollars", "a 4 billion US dollar deal": a country's name between the figure and its currency.
const CURRENCY_COUNTRIES = new Set(['us', 'u.s', 'american']);
const currencyBefore = (t: Token | undefined) => (t && Object.hasOwn(CURRENCY_BEFORE, t.lower) ? CURRENCY_BEFORE[t.lower] : undefined);
const currencyAfter = (t: Token | undefined) => (t && Object.hasOwn(CURRENCY_AFTER, t.lower) ? CURRENCY_AFTER[t.lower] : undefined);

type Vague = { words: string[]; lo: number; hi: number };
// Longest first: "tens of thousands" before "thousands".
const VAGUE: Vague[] = [
  { words: ['hundreds', 'of', 'thousands'], lo: 1e5, hi: 999_999 },
  { words: ['tens', 'of', 'thousands'], lo: 1e4, hi: 99_999 },
  { words: ['tens', 'of', 'millions'], lo: 1e7, hi: 99_999_999 },
  { words: ['a', 'few', 'hundred'], lo: 200, hi: 500 },
  { words: ['a', 'few', 'thousand'], lo: 2000, hi: 5000 },
  { words: ['several', 'hundred'], lo: 200, hi: 900 },
  { words: ['several', 'thousand'], lo: 2000, hi: 9000 },
  { words: ['several', 'dozen'], lo: 30, hi: 100 },
  { words: ['a', 'couple', 'of', 'hundred'], lo: 150, hi: 300 },
  { words: ['hundreds'], lo: 100, hi: 999 },
  { words: ['thousands'], lo: 1000, hi: 9999 },
  { words: ['millions'], lo: 1e6, hi: 9_999_999 },
  { words: ['dozens'], lo: 24, hi: 99 },
  { words: ['scores'], lo: 40, hi: 200 },
];

// Shares of a whole: "a third of", "two-fifths of", "half the" are percentages, not counts; "by a
// third" is a change. Denominators by word, numerators "a"/"one" or a number word.
const DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fifth: 5, fifths: 5, sixth: 6, sixths: 6,
  seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9, tenth: 10, tenths: 10,
};

// Words after a number that make it a percentage ("per cent", "percent", "%").
const PERCENT_WORDS = new Set(['per', 'percent', 'pc', '%']);

// A verb that states a change as a multiple: "doubled" is "rose 100%", "halved" is "fell 50%". The
// word stays a direction and a concept too; the figure is what "rose 100%" is compared with.
const MULTIPLIERS: Record<string, number> = {
  doubled: 100, doubles: 100, doubling: 100, tripled: 200, triples: 200, trebled: 200, quadrupled: 300, halved: 50, halves: 50, halving: 50,
};

// What a currency or an asset loses "a fifth of": its own value, so the share is a change ("lost a
// fifth of its value" is "down 20%"). Stems.
const OWN_VALUE = new Set(['valu', 'worth']);

type Phrase = { words: string[]; qualifier: Qualifier };
const BEFORE: Phrase[] = [
  ...['more than', 'over', 'at least', 'upwards of', 'in excess of', 'exceeding', 'above', 'no fewer than', 'no less than', 'not fewer than', 'not less than', 'north of', 'beyond', 'well over', 'more then'].map((p) => ({ words: p.split(' '), qualifier: 'atLeast' as const })),
  ...['up to', 'as many as', 'fewer than', 'less than', 'under', 'below', 'at most', 'no more than', 'not more than', 'a maximum of'].map((p) => ({ words: p.split(' '), qualifier: 'atMost' as const })),
  ...['nearly', 'almost', 'just under', 'just below', 'slightly less than', 'slightly under', 'close to', 'approaching', 'just shy of', 'nearing', 'just short of'].map((p) => ({ words: p.split(' '), qualifier: 'nearly' as const })),
  ...['around', 'about', 'approximately', 'approx', 'some', 'roughly', 'an estimated', 'estimated', 'circa', '~', 'an approximate', 'in the region of', 'an average of', 'on average', 'nearly', 'a reported'].map((p) => ({ words: p.split(' '), qualifier: 'approx' as const })),
].sort((a, b) => b.words.length - a.words.length);

export type QuantityScan = {
  quantities: Quantity[];
  /** Lengths of time ("sentenced to nine years", "a 12-year term", "10 to 15 years"), unit year, month, week, day or hour. */
  durations: Quantity[];
  /**
   * Lengths of time that date the claim against another event ("four hours after the first call",
   * "within two hours of it", "took four hours from the call"), unit "offset", in hours: compared
   * only with another offset, where "four hours after" and "within two hours of" one call are two facts.
   */
  offsets: Quantity[];
  /** Token indexes that belong to a figure or its qualifier. */
  consumed: Set<number>;
};

type Parsed = {
  value: number;
  next: number;
  vague?: { lo: number; hi: number };
  words: boolean;
  /** A share such as "half of" or "one in two", or a change such as "by a third", read as a percentage. */
  fraction?: 'share' | 'change';
};

const smallNumber = (t: Token | undefined): number | undefined =>
  t === undefined ? undefined : t.kind === 'num' && /^\d{1,3}$/.test(t.text) ? Number(t.text) : t.lower === 'one' ? 1 : (ONES[t.lower] ?? TENS[t.lower]);

/**
 * "a third of", "two-fifths of", "half the", "by a quarter" (shares and changes), and "three-quarters
 * of a billion" (a fraction of a scale, which is a plain amount).
 */
function parseFraction(tokens: Token[], i: number): Parsed | null {
  const w = tokens[i]?.lower;
  let numerator = 1;
  let j = i;
  if (w === 'a' || w === 'an' || w === 'one') j = i + 1;
  else if (ONES[w ?? ''] !== undefined && ONES[w!] >= 2) {
    numerator = ONES[w!];
    j = i + 1;
  } else if (w !== 'half' || ['first', 'second', 'latter', 'former'].includes(tokens[i - 1]?.lower ?? '')) return null; // "the first half of 2024" is a period
  const hyphenated = j > i && tokens[j]?.text === '-';
  if (hyphenated) j += 1;
  const denominator = DENOMINATORS[tokens[j]?.lower ?? ''];
  if (!denominator || (j === i && denominator !== 2) || numerator >= denominator) return null;
  const k = j + 1;
  const after = tokens[k]?.lower;
  const scale = SCALES[tokens[k + 2]?.lower ?? ''];
  if (after === 'of' && (tokens[k + 1]?.lower === 'a' || tokens[k + 1]?.lower === 'an') && scale >= 1e3) {
    return { value: (numerator / denominator) * scale, next: k + 3, words: true };
  }
  const percent = Math.round((numerator / denominator) * 1000) / 10;
  if (after === 'of' || (after === 'the' && denominator === 2)) return { value: percent, next: k, words: true, fraction: 'share' };
  // "by a third", "by more than a third"
  const before = qualifierBefore(tokens, i)?.from ?? i;
  if (tokens[before - 1]?.lower === 'by') return { value: percent, next: k, words: true, fraction: 'change' };
  // "a two-thirds majority", "one-fifth": written as one word it is a fraction wherever it stands.
  if (hyphenated) return { value: percent, next: k, words: true, fraction: 'share' };
  return null;
}

/** "one in two", "1 in 4", "three out of ten": a share. Not "3 in 10 days" nor "5 in 2023". */
function parseRatio(tokens: Token[], i: number): Parsed | null {
  const numerator = smallNumber(tokens[i]);
  if (numerator === undefined) return null;
  let j = i + 1;
  if (tokens[j]?.lower === 'in') j += tokens[j + 1]?.lower === 'every' ? 2 : 1;
  else if (tokens[j]?.lower === 'out' && tokens[j + 1]?.lower === 'of') j += 2;
  else return null;
  const denominator = smallNumber(tokens[j]);
  if (denominator === undefined || denominator <= numerator || denominator > 1000 || DURATIONS.has(tokens[j + 1]?.lower ?? '')) return null;
  return { value: Math.round((numerator / denominator) * 1000) / 10, next: j + 1, words: true, fraction: 'share' };
}

function wordsAt(tokens: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k += 1) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

function parseDigits(text: string): number {
  // "6,000" and "6,000.5"; a lone comma group like "1,2" is not a thousands separator but reads the same way.
  return Number(text.replace(/,(?=\d{3}(?:\D|$))/g, '').replace(/,/g, '.'));
}

/** A number at token i: digits (with a scale word or suffix), number words, or a vague amount. */
function parseNumber(tokens: Token[], i: number): Parsed | null {
  const t = tokens[i];
  if (!t) return null;
  const share = parseRatio(tokens, i) ?? parseFraction(tokens, i);
  if (share) return share;
  if (t.kind === 'num') {
    let value = parseDigits(t.text);
    if (!Number.isFinite(value)) return null;
    let next = i + 1;
    const after = tokens[next];
    if (after && after.start === t.end && after.kind === 'word' && SUFFIX_SCALES[after.lower] !== undefined) {
      value *= SUFFIX_SCALES[after.lower];
      next += 1;
    } else if (after && SCALES[after.lower] !== undefined && after.lower !== 'hundred') {
      value *= SCALES[after.lower];
      next += 1;
    } else if (after && after.lower === 'hundred') {
      value *= 100;
      next += 1;
      if (tokens[next] && SCALES[tokens[next].lower] > 100) {
        value *= SCALES[tokens[next].lower];
        next += 1;
      }
    }
    return { value, next, words: false };
  }
  for (const v of VAGUE) if (wordsAt(tokens, i, v.words)) return { value: v.lo, next: i + v.words.length, vague: { lo: v.lo, hi: v.hi }, words: true };
  if (t.lower === 'half' && wordsAt(tokens, i + 1, ['a']) && SCALES[tokens[i + 2]?.lower] >= 1e3) {
    return { value: SCALES[tokens[i + 2].lower] / 2, next: i + 3, words: true };
  }
  return parseNumberWords(tokens, i);
}

function parseNumberWords(tokens: Token[], i: number): Parsed | null {
  let total = 0;
  let current = 0;
  let j = i;
  let used = 0;
  let sawScaleOrCompound = false;
  if ((tokens[j]?.lower === 'a' || tokens[j]?.lower === 'one') && (SCALES[tokens[j + 1]?.lower] !== undefined || tokens[j + 1]?.lower === 'dozen')) {
    current = 1;
    j += 1;
  }
  for (;;) {
    const w = tokens[j]?.lower;
    if (w === undefined) break;
    if (ONES[w] !== undefined || TENS[w] !== undefined) {
      current += ONES[w] ?? TENS[w];
      used += 1;
      j += 1;
      if (TENS[w] !== undefined && tokens[j]?.text === '-' && ONES[tokens[j + 1]?.lower] !== undefined && ONES[tokens[j + 1].lower] < 10) {
        current += ONES[tokens[j + 1].lower];
        sawScaleOrCompound = true;
        j += 2;
      }
      // "six and a half thousand", "two and a half million", "twelve and a half per cent"
      if (wordsAt(tokens, j, ['and', 'a', 'half']) && (SCALES[tokens[j + 3]?.lower] !== undefined || PERCENT_WORDS.has(tokens[j + 3]?.lower ?? ''))) {
        current += 0.5;
        j += 3;
      }
      continue;
    }
    if (w === 'dozen' && (used > 0 || current > 0)) {
      current = (current || 1) * 12;
      used += 1;
      sawScaleOrCompound = true;
      j += 1;
      continue;
    }
    if (SCALES[w] !== undefined && (used > 0 || current > 0)) {
      const scale = SCALES[w];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      used += 1;
      sawScaleOrCompound = true;
      j += 1;
      continue;
    }
    // "five hundred and twenty" (not "six thousand and six and a half thousand": that is a range)
    if (w === 'and' && tokens[j - 1]?.lower === 'hundred' && (ONES[tokens[j + 1]?.lower] !== undefined || TENS[tokens[j + 1]?.lower] !== undefined)) {
      j += 1;
      continue;
    }
    break;
  }
  if (used === 0) return null;
  const value = total + current;
  // A bare "one" is an article more often than a figure ("one of the groups").
  if (value <= 1 && !sawScaleOrCompound) return null;
  return { value, next: j, words: true };
}

function isYear(t: Token, value: number): boolean {
  return t.kind === 'num' && /^\d{4}$/.test(t.text) && value >= 1900 && value <= 2099;
}

function isDateNumber(tokens: Token[], i: number, next: number, value: number): boolean {
  if (!Number.isInteger(value) || value < 1 || value > 31) return false;
  // "Feb. 8": an abbreviated month keeps its full stop.
  const before = tokens[i - 1]?.text === '.' ? tokens[i - 2]?.lower : tokens[i - 1]?.lower;
  let k = next;
  if (tokens[k] && ORDINAL_SUFFIX.has(tokens[k].lower) && tokens[k].start === tokens[k - 1].end) k += 1;
  if (tokens[k]?.lower === 'of') k += 1;
  const after = tokens[k]?.lower;
  const clock = after === 'am' || after === 'pm' || (after === 'a' && tokens[k + 1]?.text === '.') || tokens[next]?.text === ':';
  return MONTHS.has(before ?? '') || MONTHS.has(after ?? '') || clock;
}

/**
 * An age, not a figure of the claim: "aged 15", "under the age of five", "children under five",
 * "a five-year-old".
 */
function isAge(tokens: Token[], i: number, next: number, lexicon: MatchingLexicon): boolean {
  const w = (k: number) => tokens[k]?.lower;
  if (w(next) === '-' && DURATIONS.has(w(next + 1) ?? '') && w(next + 2) === '-' && w(next + 3) === 'old') return true;
  if (w(i - 1) === 'aged' || w(i - 1) === 'ages' || (w(i - 1) === 'of' && (w(i - 2) === 'age' || w(i - 2) === 'ages'))) return true;
  // "two men, aged 22 and 29": the second age of a pair is no count of arrests either.
  if ((w(i - 1) === 'and' || w(i - 1) === 'or') && (w(i - 3) === 'aged' || w(i - 3) === 'ages') && /^\d+$/.test(w(i - 2) ?? '')) return true;
  // "children under five are malnourished": a bound right after the people it qualifies, counting nothing itself.
  const bound = w(i - 1) === 'under' || w(i - 1) === 'over' || w(i - 1) === 'below' || w(i - 1) === 'above';
  const after = w(next);
  return bound && lexicon.units.get(w(i - 2) ?? '') === 'civilians' && !(after && lexicon.units.has(after));
}

/** A unit word, or a compound ending in one ("cyberattacks", "airstrikes" → attacks, strikes). */
function unitOf(word: string, lexicon: MatchingLexicon): string | undefined {
  const unit = lexicon.units.get(word);
  // "noncombatants" are not combatants.
  if (unit || word.length < 8 || word.startsWith('non')) return unit;
  for (let cut = 3; word.length - cut >= 5; cut += 1) {
    const tail = lexicon.units.get(word.slice(cut));
    if (tail) return tail;
  }
  return undefined;
}

// Unit classes that say what befell people, and the nouns that count people without saying it.
/** What befell the people a figure counts; a figure of plain people may be any of them. */
export const FATE_UNITS: ReadonlySet<string> = new Set(['killed', 'wounded', 'arrests']);
// "Three men", "two women", "three smugglers" say who they are, not what befell them: "police arrested
// three men" counts arrests, like "three people were arrested", and no fighters.
export const PEOPLE_UNITS: ReadonlySet<string> = new Set(['?peopl', '?person', '?protest', '?demonstr', '?marcher', '?support', '?men', '?women', '?smuggler']);

/** Unit classes of who people are (soldiers, fighters, civilians): a fate may befall any of them. */
export const CATEGORY_UNITS: ReadonlySet<string> = new Set(['soldiers', 'fighters', 'civilians']);

// Prepositions that end the noun phrase a figure counts ("people" in "38,000 people from their homes"); not "of" or "and".
const UNIT_BREAKS = new Set(['from', 'in', 'at', 'on', 'to', 'by', 'with', 'into', 'across', 'near', 'after', 'since', 'during', 'against', 'through', 'inside', 'outside']);

/** What the figure counts: the first unit noun shortly after it, or a unit word shortly before ("killed 23", "strength of 6,000"). */
function findUnit(tokens: Token[], from: number, before: number, covered: (t: Token) => boolean, lexicon: MatchingLexicon): string | null {
  let fallback: string | null = null;
  for (let k = from, seen = 0; k < tokens.length && seen < 5; k += 1) {
    const t = tokens[k];
    // A second figure, in digits or in words ("rose to 13 on Wednesday after four wounded officers died"), has its own noun.
    if (t.kind === 'num' || (k > from && (ONES[t.lower] !== undefined || TENS[t.lower] !== undefined))) break;
    if (t.kind === 'sym') {
      if (t.text === '-' || t.text === "'") continue;
      break;
    }
    seen += 1;
    const unit = unitOf(t.lower, lexicon);
    if (unit) {
      // "600 terrorist attacks", "20 militant groups": a modifier gives way to the noun it modifies.
      const head = tokens[k + 1];
      const headUnit = head?.kind === 'word' ? lexicon.units.get(head.lower) : undefined;
      return MODIFIER_UNITS.has(t.lower) && headUnit ? headUnit : unit;
    }
    // "38,000 people from their homes": past a preposition after the figure's own noun, a unit word counts something else.
    if (fallback !== null && UNIT_BREAKS.has(t.lower)) break;
    if (covered(t) || lexicon.stopwords.has(t.lower)) continue;
    if (fallback === null && seen <= 2 && !/^\p{Lu}/u.test(t.text)) fallback = `?${stemWord(t.lower)}`;
  }
  for (let k = before - 1, seen = 0; k >= 0 && seen < 4; k -= 1) {
    const t = tokens[k];
    if (t.kind !== 'word') {
      if (t.text === '-' || t.text === "'") continue;
      break;
    }
    seen += 1;
    const unit = lexicon.units.get(t.lower);
    if (unit) return unit;
    // Only a unit word the figure is attached to ("killed 23", "strength of 6,000"): past a content word
    // ("militants blocked 24 convoys", "aid workers said 24 ...") the noun before counts something else.
    if (!lexicon.stopwords.has(t.lower)) break;
  }
  return fallback;
}

// Words between "of" and what a share counts ("of all the", "of its").
const SHARE_FILLERS = new Set(['the', 'all', 'its', 'their', 'this', 'these', 'those', 'our', 'his', 'her', 'a', 'an']);

/**
 * What a share counts: the words after "of", up to a verb or a preposition ("20 per cent of schools
 * in Karsh" → school; "a fifth of Karsh's water wells were" → water, well), as concepts where the
 * lexicon has them. "20% of schools" and "a fifth of the wells" are different facts.
 */
function shareOf(tokens: Token[], next: number, covered: (t: Token) => boolean, lexicon: MatchingLexicon): string[] {
  if (tokens[next]?.lower !== 'of') return [];
  let k = next + 1;
  while (tokens[k]?.kind === 'word' && SHARE_FILLERS.has(tokens[k].lower)) k += 1;
  const out: string[] = [];
  for (let n = 0; n < 3 && tokens[k]; k += 1) {
    const t = tokens[k];
    if (t.kind === 'sym' && (t.text === '-' || t.text === "'")) continue;
    if (t.kind !== 'word' || lexicon.stopwords.has(t.lower) || lexicon.reportingWords.has(t.lower)) break;
    n += 1;
    if (covered(t)) continue;
    const stem = stemWord(t.lower);
    out.push(lexicon.concepts.get(t.lower) ?? lexicon.concepts.get(stem) ?? stem);
  }
  return [...new Set(out)];
}

/**
 * A percentage is either a change ("rose by 70%", "a 70 per cent increase") or a share ("62% of
 * all attacks"); the two never state the same fact.
 */
function percentRole(tokens: Token[], from: number, next: number, lexicon: MatchingLexicon): string | null {
  const after = tokens[next]?.lower;
  if (after === 'of' || tokens[from - 1]?.lower === 'for') return 'share';
  if (after && (lexicon.up.has(after) || lexicon.down.has(after))) return 'change';
  for (let k = from - 1; k >= Math.max(0, from - 3); k -= 1) {
    const w = tokens[k].lower;
    if (lexicon.up.has(w) || lexicon.down.has(w)) return 'change';
  }
  return null;
}

// "a week", "per day", "each month" after a figure's noun phrase make it a rate ("14,000 appointments a week").
const RATE_WORDS = new Set(['a', 'an', 'per', 'each', 'every']);
const RATE_PERIODS: Record<string, string> = { hour: 'hour', day: 'day', night: 'day', week: 'week', fortnight: 'fortnight', month: 'month', year: 'year' };
const RATE_ADVERBS: Record<string, string> = { hourly: 'hour', daily: 'day', nightly: 'day', weekly: 'week', monthly: 'month', annually: 'year', yearly: 'year' };

// "a week after the storm", "a day later": a date, not a rate.
const DATING_AFTER = new Set(['after', 'before', 'ago', 'later', 'earlier', 'since', 'of']);
const SPAN_BEFORE = new Set(['in', 'within', 'for', 'over', 'during', 'than', 'single', 'one']);

/** The period a figure is told per, read in the words after it, up to the end of the clause. */
function ratePeriod(tokens: Token[], next: number): string | undefined {
  for (let k = next; k < Math.min(tokens.length, next + 8); k += 1) {
    const t = tokens[k];
    if (t.kind !== 'word') return undefined;
    if (Object.hasOwn(RATE_ADVERBS, t.lower)) return RATE_ADVERBS[t.lower];
    // "in a day", "for a week", "over a month": a span the figure happened in, not a rate.
    const span = (t.lower === 'a' || t.lower === 'an') && SPAN_BEFORE.has(tokens[k - 1]?.lower ?? '');
    if (RATE_WORDS.has(t.lower) && !span && Object.hasOwn(RATE_PERIODS, tokens[k + 1]?.lower ?? '') && !DATING_AFTER.has(tokens[k + 2]?.lower ?? '')) return RATE_PERIODS[tokens[k + 1].lower];
  }
  return undefined;
}

// What a place or a vessel can hold, not what it holds: "built for 1,500 people", "can take up to 450".
const CAPACITY_FOR = new Set(['built', 'designed', 'meant', 'intended', 'capacity', 'room', 'space', 'places', 'beds']);
const CAPACITY_MODALS = new Set(['can', 'could']);
const CAPACITY_VERBS = new Set(['take', 'hold', 'carry', 'accommodate', 'house', 'seat', 'fit']);

function isCapacity(tokens: Token[], startTok: number): boolean {
  const w = (k: number) => tokens[k]?.lower ?? '';
  if ((w(startTok - 1) === 'for' || w(startTok - 1) === 'of') && CAPACITY_FOR.has(w(startTok - 2))) return true;
  return CAPACITY_VERBS.has(w(startTok - 1)) && CAPACITY_MODALS.has(w(startTok - 2));
}

function qualifierBefore(tokens: Token[], i: number): { qualifier: Qualifier; from: number } | null {
  for (const p of BEFORE) {
    const from = i - p.words.length;
    if (from >= 0 && wordsAt(tokens, from, p.words)) return { qualifier: p.qualifier, from };
  }
  return null;
}

/**
 * A length of time starting at token i: "nine years", "a 9-year term" (the unit after a hyphen),
 * "10 to 15 years", "between two and five years". Null when the number is no duration ("2,000
 * fighters"; "five-year-old" is an age, read before).
 */
function durationAt(tokens: Token[], i: number, first: Parsed): { lo: number; hi: number; unit: string; end: number } | null {
  const unitAt = (k: number): { unit: [string, number]; end: number } | null => {
    const t = tokens[k];
    if (t && Object.hasOwn(DURATION_UNIT, t.lower) && !(tokens[k - 1]?.text === '-' && tokens[k + 1]?.text === '-')) return { unit: DURATION_UNIT[t.lower], end: k + 1 };
    if (t?.text === '-' && tokens[k + 1] && Object.hasOwn(DURATION_UNIT, tokens[k + 1].lower) && tokens[k + 2]?.text !== '-') return { unit: DURATION_UNIT[tokens[k + 1].lower], end: k + 2 };
    return null;
  };
  const single = unitAt(first.next);
  if (single) return { lo: first.value * single.unit[1], hi: first.value * single.unit[1], unit: single.unit[0], end: single.end };
  const joiner = tokens[first.next]?.lower;
  const between = tokens[i - 1]?.lower === 'between';
  if (!(joiner === 'to' || joiner === '-' || (between && joiner === 'and'))) return null;
  const second = parseNumber(tokens, first.next + 1);
  if (!second || second.vague || second.fraction || second.value < first.value) return null;
  const end = unitAt(second.next);
  if (!end) return null;
  return { lo: first.value * end.unit[1], hi: second.value * end.unit[1], unit: end.unit[0], end: end.end };
}

export function findQuantities(folded: string, tokens: Token[], covered: (t: Token) => boolean = () => false, lexicon: MatchingLexicon = MATCHING_LEXICON): QuantityScan {
  const quantities: Quantity[] = [];
  const durations: Quantity[] = [];
  const offsets: Quantity[] = [];
  const consumed = new Set<number>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (covered(t) || consumed.has(i)) {
      i += 1;
      continue;
    }
    const first = parseNumber(tokens, i);
    // "a week after the quake", "an hour later": one unit of time dating the claim, an offset like "three days after".
    const one = !first && (t.lower === 'a' || t.lower === 'an') && Object.hasOwn(DURATION_UNIT, tokens[i + 1]?.lower ?? '') && DATING_ONE.has(tokens[i + 2]?.lower ?? '');
    if (one) {
      const [unit, size] = DURATION_UNIT[tokens[i + 1].lower];
      offsets.push(asOffset({ kind: 'duration', lo: size, hi: size, qualifier: 'exact', text: folded.slice(t.start, tokens[i + 1].end), start: t.start, end: tokens[i + 1].end }, unit));
      consumed.add(i).add(i + 1);
      i += 2;
      continue;
    }
    if (!first) {
      // "costs twice what it did", "twice as high as a year ago": a doubling. "Twice the national average"
      // compares with another quantity, not with an earlier time, and "visited twice" is no figure.
      const twice = t.lower === 'twice' && ['what', 'as'].includes(tokens[i + 1]?.lower ?? '') ? 100 : undefined;
      const multiple = t.kind === 'word' ? (MULTIPLIERS[t.lower] ?? twice) : undefined;
      if (multiple !== undefined) quantities.push({ kind: 'percent', lo: multiple, hi: multiple, qualifier: 'approx', unit: 'change', text: t.text, start: t.start, end: t.end });
      i += 1;
      continue;
    }
    let startTok = i;
    let next = first.next;
    if ((!first.words && isDateNumber(tokens, i, next, first.value)) || (!first.fraction && isAge(tokens, i, next, lexicon))) {
      for (let k = i; k < next; k += 1) consumed.add(k);
      i = next;
      continue;
    }
    // Ordinal: "36th report" (digits written together with the suffix).
    if (!first.words && tokens[next] && ORDINAL_SUFFIX.has(tokens[next].lower) && tokens[next].start === tokens[next - 1].end) {
      quantities.push({ kind: 'ordinal', lo: first.value, hi: first.value, qualifier: 'exact', unit: null, text: folded.slice(t.start, tokens[next].end), start: t.start, end: tokens[next].end });
      for (let k = i; k <= next; k += 1) consumed.add(k);
      i = next + 1;
      continue;
    }
    // Durations ("nine years in prison", "a 12-year term", "10 to 15 years") are no counts of anything:
    // kept apart, they only ever meet another duration ("jailed for nine years" = "a 9-year prison term").
    const duration = first.vague || first.fraction ? null : durationAt(tokens, i, first);
    if (duration) {
      const q = qualifierBefore(tokens, i);
      const from = q?.from ?? i;
      // "after three days of talks", "nearly four years after", "within weeks": time that dates the
      // claim, not a length it reports (a sentence, a ban, a term).
      const background = BACKGROUND_BEFORE.has(tokens[from - 1]?.lower ?? '') || BACKGROUND_AFTER.has(tokens[duration.end]?.lower ?? '');
      // "took four hours from the first call": how long it took between two events, an offset like "four hours after".
      // "It took the coastguard four hours": who took it may stand between the verb and the time.
      const took = [1, 2, 3].some((back) => TOOK.has(tokens[from - back]?.lower ?? '') && tokens.slice(from - back + 1, from).every((t) => t.kind === 'word'));
      const within = tokens[from - 1]?.lower === 'within';
      const stated = { kind: 'duration' as const, lo: duration.lo, hi: duration.hi, qualifier: within ? ('atMost' as const) : (q?.qualifier ?? 'exact'), text: folded.slice(tokens[from].start, tokens[duration.end - 1].end), start: tokens[from].start, end: tokens[duration.end - 1].end };
      if (background || took) offsets.push(asOffset(stated, duration.unit));
      else durations.push({ ...stated, unit: duration.unit });
      for (let k = from; k < duration.end; k += 1) consumed.add(k);
      i = duration.end;
      continue;
    }
    let lo = first.value;
    let hi = first.value;
    // A fraction is a rounded statement: "a third" is said of 31% or 35%.
    let qualifier: Qualifier = first.vague ? 'vague' : first.fraction ? 'approx' : 'exact';
    if (first.vague) hi = first.vague.hi;
    let kind: QuantityKind = first.fraction ? 'percent' : !first.words && isYear(t, first.value) ? 'year' : 'count';

    // Currency before the number: "$1.2 million", "Rs 5 billion", "US$ 20m".
    const prev = tokens[i - 1];
    let currency = currencyBefore(prev);
    if (currency) {
      kind = 'money';
      startTok = i - 1;
      if (tokens[i - 2]?.lower === 'us' && prev.text === '$') startTok = i - 2;
    }

    // Ranges: "6,000-6,500", "6,000 to 6,500", "between 6,000 and 6,500"; not "from 573 ... to 1,203".
    const between = tokens[startTok - 1]?.lower === 'between';
    const joiner = tokens[next]?.lower;
    const fromTo = tokens[startTok - 1]?.lower === 'from';
    if (!first.vague && ((joiner === '-' || joiner === 'to' || joiner === 'or') && !fromTo || (between && joiner === 'and'))) {
      let k = next + 1;
      if (kind === 'money' && currencyBefore(tokens[k])) k += 1;
      const second = parseNumber(tokens, k);
      if (second && !second.vague && (joiner !== 'or' || kind === 'count')) {
        let a = first.value;
        const b = second.value;
        if (kind === 'year' && !second.words && /^\d{2}$/.test(tokens[k].text)) {
          // "2024-25": a fiscal or two-year span.
          hi = Math.floor(a / 100) * 100 + b;
          if (hi < a) hi += 100;
          next = second.next;
        } else {
          // "6 to 6.5 million": the scale written once applies to both ends.
          // "four to six thousand" likewise, in words.
          if (b >= a * 100 && ((!first.words && !second.words) || (first.words && second.words && a < 1000))) {
            const scale = [1e12, 1e9, 1e6, 1e3].find((s) => b >= s && a * s <= b * 1.5 && a * s >= b / 3);
            if (scale) a *= scale;
          }
          if (b >= a && (kind !== 'year' || isYear(tokens[k], b))) {
            lo = a;
            hi = b;
            next = second.next;
            if (between) startTok -= 1;
          }
        }
      }
    }

    // Percentages, money, data sizes and units of measure named after the figure.
    const n0 = tokens[next];
    let measure: string | null = null;
    if (n0?.text === '%') {
      kind = 'percent';
      next += 1;
    } else if (n0?.lower === 'percent' || n0?.lower === 'pc' || (n0?.lower === 'per' && tokens[next + 1]?.lower === 'cent')) {
      kind = 'percent';
      next += n0.lower === 'per' ? 2 : 1;
      if (tokens[next]?.lower === 'points') next += 1;
    } else if (n0?.lower === 'percentage' && tokens[next + 1]?.lower === 'points') {
      kind = 'percent';
      next += 2;
    } else if (currencyAfter(n0)) {
      kind = 'money';
      currency = currencyAfter(n0);
      next += 1;
    } else if (n0 && CURRENCY_COUNTRIES.has(n0.lower) && currencyAfter(tokens[next + 1])) {
      kind = 'money';
      currency = currencyAfter(tokens[next + 1]);
      next += 2;
    } else if (dataUnit(n0) && kind === 'count') {
      const bytes = dataUnit(n0)!;
      kind = 'data';
      lo *= bytes;
      hi *= bytes;
      next += 1;
    } else if (kind === 'count' && measureUnitAt(tokens, next)) {
      const unit = measureUnitAt(tokens, next)!;
      kind = 'measure';
      measure = unit.dimension;
      lo *= unit.size;
      hi *= unit.size;
      next = unit.next;
    } else if (n0?.text === '-' && currencyAfter(tokens[next + 1])) {
      // "a 1.2bn-dollar package"
      kind = 'money';
      currency = currencyAfter(tokens[next + 1]);
      next += 2;
    }
    if (kind === 'year' && lo === hi) {
      // A four-digit figure directly followed by what it counts is a count ("2000 fighters").
      const after = tokens[next];
      if (after?.kind === 'word' && !/^\p{Lu}/u.test(after.text) && lexicon.units.has(after.lower)) kind = 'count';
    }

    // Qualifiers: before ("more than", "nearly", "an estimated") and after ("or more", "-plus", "+").
    const q = qualifierBefore(tokens, startTok);
    if (q && kind !== 'year') {
      if (qualifier !== 'vague') qualifier = q.qualifier;
      startTok = q.from;
    }
    if (kind !== 'year') {
      const a0 = tokens[next];
      if (a0?.text === '+' || (a0?.text === '-' && tokens[next + 1]?.lower === 'plus') || a0?.lower === 'plus') {
        qualifier = 'atLeast';
        next += a0.text === '-' ? 2 : 1;
      } else if (a0?.lower === 'or' && (tokens[next + 1]?.lower === 'more' || tokens[next + 1]?.lower === 'above')) {
        qualifier = 'atLeast';
        next += 2;
      }
    }
    if (qualifier === 'exact' && lo !== hi) qualifier = 'exact';
    for (let k = startTok; k < next; k += 1) consumed.add(k);
    let unit =
      kind === 'data'
        ? 'bytes'
        : kind === 'measure'
        ? measure
        : kind === 'money'
        ? (currency ?? findUnit(tokens, next, startTok, covered, lexicon))
        : kind === 'count'
          ? findUnit(tokens, next, startTok, covered, lexicon)
        : kind === 'percent'
          ? (percentRole(tokens, startTok, next, lexicon) ?? first.fraction ?? null)
          : null;
    const startAt = tokens[startTok].start;
    const endAt = tokens[next - 1].end;
    let of = kind === 'percent' && unit === 'share' ? shareOf(tokens, next, covered, lexicon) : [];
    if (of.some((w) => OWN_VALUE.has(w))) {
      unit = 'change';
      of = [];
    }
    // A speed is its own dimension, no rate of a length ("70 kilometres an hour" reads its hour in the unit).
    const per = kind === 'count' || kind === 'money' || kind === 'data' || kind === 'measure' ? ratePeriod(tokens, next) : undefined;
    const capacity = kind === 'count' && isCapacity(tokens, startTok);
    quantities.push({ kind, lo, hi, qualifier, unit, ...(per ? { per } : {}), ...(capacity ? { capacity } : {}), ...(of.length ? { of } : {}), text: folded.slice(startAt, endAt), start: startAt, end: endAt });
    i = next;
  }
  // "37 people, among them 11 police officers, were treated for injuries": a figure of people counts
  // what the claim says befell them when it tells one fate only (killed, injured, detained), so 37
  // injured and 37 detained are two facts, not one figure of "people".
  const fates = new Set(tokens.filter((t, k) => t.kind === 'word' && !consumed.has(k) && !covered(t)).map((t) => lexicon.units.get(t.lower)).filter((u): u is string => !!u && FATE_UNITS.has(u)));
  if (fates.size === 1) {
    const [fate] = fates;
    for (const q of quantities) {
      if (q.kind === 'count' && (q.unit === null || PEOPLE_UNITS.has(q.unit))) q.unit = fate;
      // "killed 13 policemen" counts the dead as a toll of 13 does, and keeps saying whose dead they are.
      else if (q.kind === 'count' && q.unit !== null && CATEGORY_UNITS.has(q.unit)) q.fate = fate;
    }
  }
  // "93 of the 266 seats": the part counts what the whole counts; the whole is another quantity
  // ("266 seats" is not a rival of "93 seats").
  for (let k = 0; k + 1 < quantities.length; k += 1) {
    const [part, whole] = [quantities[k], quantities[k + 1]];
    if (part.kind !== 'count' || whole.kind !== 'count' || !/^\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?$/.test(folded.slice(part.end, whole.start))) continue;
    if (!part.unit || part.unit.startsWith('?')) part.unit = whole.unit;
    if (whole.unit) whole.unit = `whole:${whole.unit}`;
  }
  return { quantities, durations, offsets, consumed };
}
