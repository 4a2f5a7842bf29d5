/**
 * Word, number and symbol tokens of a folded claim text, with offsets. Hyphenated words split at
 * the hyphen ("twenty-five" → twenty, -, five) so number words and ranges parse the same way
 * whether an outlet hyphenates or not.
 */
export type TokenKind = 'word' | 'num' | 'sym';

export type Token = {
  text: string;
  lower: string;
  kind: TokenKind;
  start: number;
  end: number;
  /** Index of the token in its list. */
  index: number;
  /** The token starts a sentence (first token, or after . ! ? or a line break). */
  sentenceStart: boolean;
};

// Numbers keep their thousands separators and decimals ("6,000", "2.5"); a unit suffix such as
// "bn" or "m" directly after the digits is its own token.
const TOKEN = /(\d+(?:[.,]\d+)*)|(\p{L}+(?:'\p{L}+)*)|([^\s\p{L}\p{N}])/gu;

export function tokenizeClaim(folded: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const m of folded.matchAll(TOKEN)) {
    const text = m[0];
    const start = m.index;
    const kind: TokenKind = m[1] ? 'num' : m[2] ? 'word' : 'sym';
    const gap = tokens.length ? folded.slice(tokens[tokens.length - 1].end, start) : '';
    if (gap.includes('\n')) sentenceStart = true;
    tokens.push({ text, lower: text.toLowerCase(), kind, start, end: start + text.length, index: tokens.length, sentenceStart });
    sentenceStart = kind === 'sym' && (text === '.' || text === '!' || text === '?');
  }
  return tokens;
}
