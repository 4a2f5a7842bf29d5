/**
 * Block and sentence segmentation of an article's canonical text (blocks joined by "\n").
 * Offsets always index the original string; nothing is normalised in place.
 */

/** A standfirst is the summary line under the headline: a claim, unlike the headline and section headings. */
export type BlockKind = 'headline' | 'standfirst' | 'heading' | 'body';

export type Block = { index: number; start: number; end: number; kind: BlockKind };

export type Sentence = {
  start: number;
  end: number;
  text: string;
  /** Index of the block ("\n"-separated line) the sentence is in; block 0 is the headline. */
  block: number;
  blockKind: BlockKind;
};

const HEADING_MAX_WORDS = 14;
const STANDFIRST_MIN_WORDS = 6;
const TERMINAL = '.!?…';
const CLOSERS = '"”’\')]»';
const OPEN_QUOTES = '“"‘«';
const FOOTNOTE_MARKER = /^\[(?:\d{1,3}|[a-z])\]/;

// Titles before a name: the period never ends a sentence.
const TITLES = new Set(
  'mr mrs ms messrs dr prof gen col lt maj capt sgt cpl adm brig cmdr sen rep gov rev hon pres supt fr st mt ft no nos vol fig figs approx dept est insp det ret retd'.split(' '),
);
// Abbreviations that may end a sentence: break only when a typical sentence opener follows.
const SOFT_ABBREVIATIONS = new Set(
  'jr sr inc ltd corp co bros etc vs al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun'.split(' '),
);
// Words that, capitalised after an ambiguous period ("U.S.", "a.m.", "etc."), signal a new sentence.
const OPENERS = new Set(
  'the a an it he she they we i you but and or so yet in on at for this that these those there its their his her our after before when while as if however meanwhile still no some many most one two three since during although though despite according officials analysts experts'.split(' '),
);

export function segmentBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    blocks.push({ index, start, end, kind: classifyBlock(text.slice(start, end), index) });
    if (nl === -1) break;
    start = nl + 1;
    index += 1;
  }
  return blocks;
}

// A byline, with the writer's post after it: "By Leona Varga, senior fellow for Gulf security, Ashgrove Institute".
const BYLINE = /^By\s+\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|al|van|von|bin|el))*\s+\p{Lu}[\p{L}'’-]+(?:,\s+[^.!?;:"“”]{1,160})?$/u;

function classifyBlock(raw: string, index: number): BlockKind {
  if (index === 0) return 'headline';
  const s = raw.trim();
  if (s === '') return 'body';
  if (BYLINE.test(s)) return 'heading';
  const words = s.split(/\s+/).length;
  // A short block without closing punctuation reads as a section heading (fixture convention).
  if (words <= HEADING_MAX_WORDS && !/[.!:;,"”’)…]$/.test(s)) return index === 1 && words >= STANDFIRST_MIN_WORDS ? 'standfirst' : 'heading';
  return 'body';
}

export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const block of segmentBlocks(text)) {
    for (const [s, e] of splitBlock(text, block.start, block.end)) {
      out.push({ start: s, end: e, text: text.slice(s, e), block: block.index, blockKind: block.kind });
    }
  }
  return out;
}

/** Sentence spans [start, end) inside one block, trimmed of whitespace. */
export function splitBlock(text: string, from: number, to: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let sentStart = from;
  let inQuote = false;
  let i = from;
  while (i < to) {
    const c = text[i];
    if (c === '“') inQuote = true;
    else if (c === '”') inQuote = false;
    else if (c === '"') inQuote = !inQuote;
    if (!TERMINAL.includes(c)) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < to && TERMINAL.includes(text[j])) j += 1;
    const run = text.slice(i, j);
    while (j < to && CLOSERS.includes(text[j])) {
      if (text[j] === '"' || text[j] === '”') inQuote = false;
      j += 1;
    }
    // A footnote marker as the importers write it ("…in 2024.[14] The…") stays with its sentence.
    const marker = FOOTNOTE_MARKER.exec(text.slice(j, Math.min(to, j + 8)));
    if (marker) j += marker[0].length;
    if (j >= to) break;
    if (!/\s/.test(text[j])) {
      i = j; // "3.5", "U.S.-led", "a.m.," — not a boundary
      continue;
    }
    let k = j;
    while (k < to && /\s/.test(text[k])) k += 1;
    if (k >= to) break;
    if (isBoundary(text, i, run, k, to, inQuote)) {
      pushTrimmed(text, sentStart, j, spans);
      sentStart = k;
    }
    i = k;
  }
  pushTrimmed(text, sentStart, to, spans);
  return spans;
}

function isBoundary(text: string, dot: number, run: string, next: number, to: number, inQuote: boolean): boolean {
  const first = text[next];
  // A lowercase continuation ("..." and, ?" he asked) never starts a sentence.
  if (!(/[\p{Lu}\p{N}]/u.test(first) || OPEN_QUOTES.includes(first) || first === '(' || first === '[')) return false;
  const nextWord = wordAt(text, next, to);
  // Ellipses inside a quotation mark an omission, not the end of the quoted sentence.
  if (run === '...' || run === '…') return !inQuote;
  if (run !== '.') return true;
  const token = tokenBefore(text, dot);
  if (token === '') return true;
  const lower = token.toLowerCase();
  if (TITLES.has(lower)) return false;
  const initialism = /^(?:\p{L}\.)+\p{L}$/u.test(token); // U.S, a.m, e.g, i.e
  const singleInitial = /^\p{Lu}$/u.test(token); // John F. Kennedy
  if (initialism || singleInitial || SOFT_ABBREVIATIONS.has(lower)) return OPENERS.has(nextWord.toLowerCase());
  return true;
}

/** The letters-and-dots token ending right before position `dot`. */
function tokenBefore(text: string, dot: number): string {
  let s = dot;
  while (s > 0 && /[\p{L}.]/u.test(text[s - 1])) s -= 1;
  return text.slice(s, dot).replace(/^\.+/, '');
}

function wordAt(text: string, at: number, to: number): string {
  let s = at;
  while (s < to && OPEN_QUOTES.includes(text[s])) s += 1;
  let e = s;
  while (e < to && /[\p{L}\p{N}’'-]/u.test(text[e])) e += 1;
  return text.slice(s, e);
}

function pushTrimmed(text: string, s: number, e: number, out: Array<[number, number]>): void {
  while (s < e && /\s/.test(text[s])) s += 1;
  while (e > s && /\s/.test(text[e - 1])) e -= 1;
  if (e > s) out.push([s, e]);
}
