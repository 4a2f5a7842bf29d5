/**
 * The counts a sentence writes, read straight from its words ("Nine journalists …, and two of them remain",
 * "a tax of 10 per cent", "rose from 38 … to 61 in the first half of 2026"): for telling that a claim changed
 * one figure while keeping the others, which the matcher's pairing of figures by what they count can miss
 * (it pairs the claim's "four" with the passage's "Nine", and leaves a percentage with no unit unpaired).
 * Years, days of a month, clock times and identifiers ("Building 7", "resolution 60/14") are no counts.
 */
export type WrittenFigure = {
  text: string;
  value: number;
  kind: 'percent' | 'money' | 'plain';
  hedged: boolean;
  /** Half the last written digit, at its scale: "6%" holds 5.5–6.5. */
  tolerance: number;
  /** The word written after it ("villages", "of", "are"): what it counts, when a noun. */
  next: string | null;
};

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14,
  fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100,
};
const DURATIONS = /^(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)$/u;
const SCALES: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
/** Words before a number that name it rather than count: "resolution 2719", "paragraph 3", "No. 12". */
const IDENTIFIER_NOUNS = new Set(['resolution', 'paragraph', 'paragraphs', 'article', 'articles', 'section', 'annex', 'page', 'pages', 'chapter', 'rule', 'no', 'number', 'item', 'table', 'figure', 'flight', 'case', 'decision', 'law', 'act', 'room', 'cell', 'block', 'route', 'level', 'phase', 'grade', 'category', 'tier', 'stage']);
/** Words before a number that number a document or its parts. */
const DOCUMENT_NUMBERS = new Set(['resolution', 'resolutions', 'paragraph', 'paragraphs', 'article', 'articles', 'section', 'sections', 'annex', 'page', 'pages', 'chapter', 'no', 'decision', 'rule']);
/** Words before a number that say it is approximate or a bound. */
const HEDGING = /(?:about|around|some|nearly|almost|roughly|approximately|approx|over|more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|under|below|above|close\s+to|an\s+estimated|estimated|as\s+many\s+as|as\s+few\s+as|no\s+more\s+than|no\s+fewer\s+than|not\s+more\s+than|upwards\s+of|just\s+over|just\s+under|some\s+)\s*$/iu;

const FIGURE = new RegExp(
  String.raw`([$£€]\s?)?(\d[\d,]*(?:\.\d+)?|\b(?:${Object.keys(NUMBER_WORDS).join('|')})\b)(?:\s*(thousand|million|billion|trillion|bn|mn|m|k)\b)?(\s*(?:%|per\s*cent\b|percent\b))?`,
  'giu',
);

export function writtenFigures(text: string): WrittenFigure[] {
  const out: WrittenFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const at = m.index;
    const end = at + m[0].length;
    const [, currency, digits, scaleWord, percent] = m;
    const before = text.slice(0, at);
    const after = text.slice(end);
    // "two-fifths", "7-year-old", "60/14", "14:30", "1st", "A4": part of another word or a code.
    if (/[\p{L}\d/:.-]$/u.test(before) || /^(?:[\p{L}\d/:-]|\.\d)/u.test(after)) continue;
    const isWord = /^\p{L}/u.test(digits!);
    const base = isWord ? NUMBER_WORDS[digits!.toLowerCase()]! : Number(digits!.replace(/,/g, ''));
    const previous = /([\p{L}.]+)\s*$/u.exec(before)?.[1] ?? '';
    if (!currency && !percent && !scaleWord && !isWord) {
      if (/^\d{4}$/.test(digits!) && base >= 1800 && base <= 2099) continue;
      if (new RegExp(String.raw`^\s*(?:${MONTHS})\b`, 'iu').test(after) || new RegExp(String.raw`\b(?:${MONTHS})\s*$`, 'iu').test(before)) continue;
      // "Building 7", "Resolution 2741": a capitalised word not opening the sentence names what the number is.
      if (IDENTIFIER_NOUNS.has(previous.toLowerCase().replace(/\.$/, '')) || (/^\p{Lu}/u.test(previous) && before.trim().length > previous.length)) continue;
    }
    const next = /^\s*(\p{L}[\p{L}'’-]*)/u.exec(after)?.[1]?.toLowerCase() ?? null;
    // "60 days", "three months": a length of time, which the matcher compares as one.
    if (!percent && next && DURATIONS.test(next)) continue;
    const scale = scaleWord ? SCALES[scaleWord.toLowerCase()]! : 1;
    const decimals = /\.(\d+)$/.exec(digits!)?.[1]?.length ?? 0;
    out.push({
      text: m[0].trim(),
      value: base * scale,
      kind: percent ? 'percent' : currency ? 'money' : 'plain',
      hedged: HEDGING.test(before.replace(/[$£€]\s*$/u, '')),
      tolerance: (0.5 * scale) / 10 ** decimals,
      next,
    });
  }
  return out;
}

/** Whether the claim's figure writes the passage's, as written or rounded to the claim's precision ("6%" for 6.1 %). */
export const writesFigure = (claim: WrittenFigure, passage: WrittenFigure) => claim.kind === passage.kind && Math.abs(claim.value - passage.value) <= claim.tolerance + 1e-9 * Math.abs(claim.value);

/**
 * Whether the figure at `start`–`end` of `text` names something rather than counting it: a resolution or
 * paragraph number ("resolution 60/14", "paragraph 3"), half of a numbered pair, an ordinal spelled out
 * ("Sixty-third session"). A report's front matter is full of them, and an article's count meets them.
 */
export function namesRatherThanCounts(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 20), start);
  const after = text.slice(end, end + 12);
  if (/\d\s*\/\s*$/u.test(before) || /^\s*\/\s*\d/u.test(after)) return true;
  if (/^-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/iu.test(after) || /^(?:st|nd|rd|th)\b/iu.test(after)) return true;
  const previous = /([\p{L}.]+)\s*$/u.exec(before)?.[1]?.toLowerCase().replace(/\.$/, '') ?? '';
  return DOCUMENT_NUMBERS.has(previous);
}
