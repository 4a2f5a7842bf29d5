/**
 * The text a passage's features are read from, as opposed to the text it quotes. A source defines
 * a short form once ("the Alliance for the Liberation of Talvora (ALT)") and then writes "the ALT"
 * for forty pages, while an article may use either: both sides are read with the source's own
 * short forms, so the claim's "Alliance for the Liberation of Talvora" meets the source's "ALT".
 * A footnote marker glued to a full stop ("…Mbanti.2", "…in 2018.5") or set apart ("…Mbanti.[2]") is no figure.
 */

export type DocumentAliases = {
  /** Long form → the acronym the source defines for it. */
  acronyms: Array<{ long: RegExp; short: string }>;
};

const CAPITALISED = String.raw`\p{Lu}[\p{L}’'\-]*`;
const LINKING = String.raw`(?:of|for|the|and|on|in|de|du|des|la|le|et|al)`;
// "Alliance for the Liberation of Talvora (ALT)": capitalised words (with linking words) before a bracketed acronym.
const DEFINITION = new RegExp(String.raw`((?:${CAPITALISED})(?:\s+(?:${LINKING}\s+)*${CAPITALISED}){1,8})\s+\((\p{Lu}[\p{Lu}\d&\-]{1,9})\)`, 'gu');
const FOOTNOTE = /((?:\p{L}|[)\]”"’%]|\b(?:1[89]|20)\d\d)[.!?]["”’)]?)\d{1,2}(?=\s|$)/gu;

// A marker as the importers set it apart ("fighters[12]", "in 2024.[3]", a note's own "[3] …"): no figure either.
const NOTE_REFERENCE = /\[\d{1,3}\]/g;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The shortest run of the words ending the long form whose initials hold every letter of the acronym. */
function longFormFor(words: string[], acronym: string): string | null {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  if (letters.length < 2) return null;
  for (let from = words.length - 1; from >= 0; from -= 1) {
    const run = words.slice(from);
    if (!/^\p{Lu}/u.test(run[0]!)) continue;
    const initials = run.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]!);
    const pool = [...initials];
    const covered = [...letters].every((l) => {
      const at = pool.indexOf(l);
      if (at === -1) return false;
      pool.splice(at, 1);
      return true;
    });
    if (covered && initials.length >= 2) return run.join(' ');
  }
  return null;
}

export function documentAliases(sourceText: string): DocumentAliases {
  const acronyms = new Map<string, string>();
  for (const m of sourceText.matchAll(DEFINITION)) {
    const long = longFormFor(m[1]!.split(/\s+/), m[2]!);
    if (long && !acronyms.has(long.toLowerCase())) acronyms.set(long.toLowerCase(), m[2]!);
  }
  return {
    acronyms: [...acronyms].sort((a, b) => b[0].length - a[0].length).map(([long, short]) => ({ long: new RegExp(String.raw`\b${escape(long).replace(/\s+/g, '\\s+')}\b`, 'giu'), short })),
  };
}

export const NO_ALIASES: DocumentAliases = { acronyms: [] };

// "2pm", "2.30 p.m.", "11 am"; "14:00", "09:45" (a 24-hour time needs its colon: "2.30" alone may be a decimal).
const TWELVE_HOUR = /\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?/giu;
const TWENTY_FOUR_HOUR = /\b([01]?\d|2[0-3]):([0-5]\d)\b(?:\s*(?:hrs|hours|h)\b)?/gu;

/**
 * A clock time as one word of letters ("clockbeaa" for 14:00): the matcher reads "13:30" as the
 * figure 30 and "14:00" as 0, so a report's "by 14:00" differed from an article's "by 2pm" and two
 * times looked like two figures in conflict. As a word, the same time on both sides is a shared term.
 */
export function clockTimes(text: string): Array<{ start: number; end: number; text: string; word: string }> {
  const word = (h: number, m: number) => `clock${String(h * 100 + m).padStart(4, '0').replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`;
  const out: Array<{ start: number; end: number; text: string; word: string }> = [];
  for (const m of text.matchAll(TWELVE_HOUR)) {
    const h = (Number(m[1]) % 12) + (m[3]!.toLowerCase() === 'p' ? 12 : 0);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], word: word(h, Number(m[2] ?? 0)) });
  }
  for (const m of text.matchAll(TWENTY_FOUR_HOUR)) {
    if (out.some((t) => m.index < t.end && t.start < m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], word: word(Number(m[1]), Number(m[2])) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * One measure said two ways, as one: a central bank's "25 basis points" is a paper's "a quarter of a
 * percentage point" (a basis point is a hundredth of one), a judgment's "25 years" an article's "a
 * quarter of a century". The matcher reads "a quarter" as a share (25 %) and "basis" as the unit, so
 * the two never met; both sides are written as percentage points and years.
 */
const FRACTIONS: Record<string, number> = { 'a quarter': 0.25, quarter: 0.25, half: 0.5, 'a half': 0.5, 'three quarters': 0.75, 'three-quarters': 0.75 };
const FRACTION_OF = String.raw`(a quarter|quarter|a half|half|three[ -]quarters)\s+(?:of\s+)?(?:a|one)\s+`;
const BASIS_POINTS = /\b(\d+(?:\.\d+)?)\s*(?:basis points?|bps?|bp)\b/giu;
const FRACTION_OF_POINT = new RegExp(String.raw`\b${FRACTION_OF}(?:percentage\s+)?point\b`, 'giu');
const FRACTION_OF_CENTURY = new RegExp(String.raw`\b${FRACTION_OF}century\b`, 'giu');
const A_DECADE = /\b(?:a|one)\s+decade\b/giu;
const trimmed = (n: number) => String(Math.round(n * 10000) / 10000);

export function sameMeasures(text: string): string {
  return text
    .replace(BASIS_POINTS, (_, n: string) => `${trimmed(Number(n) / 100)} percentage points`)
    .replace(FRACTION_OF_POINT, (_, f: string) => `${trimmed(FRACTIONS[f.toLowerCase().replace('-', ' ')]!)} percentage points`)
    .replace(FRACTION_OF_CENTURY, (_, f: string) => `${trimmed(100 * FRACTIONS[f.toLowerCase().replace('-', ' ')]!)} years`)
    .replace(A_DECADE, '10 years');
}

/**
 * Phrasal verbs of rising and falling as their one-word verbs ("shot up" / "soared", "went down" /
 * "fell"): the matcher reads "shot" as a shooting and "up" as nothing, so "Demand … shot up" met no
 * "marked increase".
 */
const PHRASAL_RISE = /\b(?:shot|shoots|shooting|shoot|went|goes|going|gone)\s+up\b/giu;
const PHRASAL_FALL = /\b(?:went|goes|going|gone|came|comes|coming)\s+down\b/giu;
/** "a year of two halves", "both halves of the year": the noun, which the matcher read as the verb "halves" (a fall) and a 50 % share. */
const COUNTED_HALVES = /\b(two|both)\s+halves\b/giu;
export const phrasalMovements = (text: string) => text.replace(PHRASAL_RISE, 'rose').replace(PHRASAL_FALL, 'fell').replace(COUNTED_HALVES, '$1 parts');

/** `text` as its features are read: footnote markers dropped, clock times as words, measures said one way, the source's short forms for its long ones. */
export function featureText(text: string, aliases: DocumentAliases = NO_ALIASES): string {
  let out = phrasalMovements(sameMeasures(text.replace(FOOTNOTE, '$1').replace(NOTE_REFERENCE, '')));
  const times = clockTimes(out);
  for (let i = times.length - 1; i >= 0; i -= 1) out = `${out.slice(0, times[i]!.start)}${times[i]!.word}${out.slice(times[i]!.end)}`;
  for (const { long, short } of aliases.acronyms) out = out.replace(long, short);
  return out;
}
