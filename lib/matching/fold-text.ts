/**
 * Length-preserving folding for matching: diacritics dropped, curly quotes, dashes and odd spaces
 * made plain. Every offset into the folded string is an offset into the original, so spans found
 * on the folded text can be shown on the original.
 */
const REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201b': "'",
  '\u02bc': "'",
  '\u00b4': "'",
  '\u0060': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
};

export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const mapped = REPLACEMENTS[ch];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    if (ch.charCodeAt(0) < 0x80) {
      out += ch;
      continue;
    }
    const bare = ch.normalize('NFKD').replace(/\p{M}/gu, '');
    // Only a one-for-one replacement keeps offsets; ligatures and the like stay as they are.
    out += bare.length === ch.length ? bare : ch;
  }
  return out;
}
