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

/** `text` as its features are read: footnote markers dropped, the source's short forms for its long ones. */
export function featureText(text: string, aliases: DocumentAliases = NO_ALIASES): string {
  let out = text.replace(FOOTNOTE, '$1').replace(NOTE_REFERENCE, '');
  for (const { long, short } of aliases.acronyms) out = out.replace(long, short);
  return out;
}
