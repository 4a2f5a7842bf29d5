/**
 * Whom a passage attributes what it says to, when that is not the source's own voice: "One Member State
 * assessed that …", "One former detainee alleged that …", "The Government stated that …", "…, according to
 * two former members of the group", "OHCHR received information that …". A report that relays one party's
 * statement without adopting it supports an article that states it as fact, or as the report's finding, only
 * in part: the analyst should read it before linking.
 *
 * What does not count: many parties ("Member States reported", "Humanitarian organizations reported" — a
 * monitoring report's ordinary evidence), the source's own regular voices (a name opening three or more of
 * its sentences: "The Panel", "OHCHR", or "The Government" in the Government's own communiqué), and a named
 * body cited for a figure ("according to the National Civil Protection Agency"), which an article may state
 * as the source does.
 */

import { stemWord } from '@/lib/matching/matching-lexicon';

const SAYING = String.raw`(?:said|says|told|found|finds|admits|admitted|accused|warned|alleged|claimed|argued|insisted|reported|concluded|urged|called|added)`;
const LEADING_SPEAKER = new RegExp(String.raw`^([^,;:"“”]{1,60}?)\s+(?:now\s+|also\s+)?${SAYING}\b`, 'iu');
const TRAILING_SPEAKER = new RegExp(String.raw`,\s*([^,;:"“”]{1,60}?)\s+${SAYING}\s*[.!?]?["”]?\s*$`, 'iu');
/** Who the claim says said it: the few words before its verb of saying, at its head ("Lindqvist said …") or its tail ("…, the group said"); null when none. */
export function claimSpeaker(claim: string): string | null {
  const text = claim.trim();
  const m = LEADING_SPEAKER.exec(text) ?? TRAILING_SPEAKER.exec(text);
  return m && m[1]!.trim().split(/\s+/).length <= 6 ? m[1]! : null;
}
/** A speaker's words as stems, without determiners: "the Dockers Union" → dock, union. */
export const speakerTerms = (text: string) => new Set([...text.matchAll(/\p{L}[\p{L}'’-]*/gu)].map((m) => stemWord(m[0].toLowerCase().replace(/['’]s?$/u, ''))).filter((w) => w.length > 2 && !['the', 'some', 'one', 'two', 'several', 'many', 'its', 'his', 'her', 'their', 'now', 'also'].includes(w)));

/** Verbs by which a source relays what a party said or judged. */
const RELAYING =
  'assessed|assesses|estimated|estimates|reported|reports|stated|states|said|says|alleged|alleges|claimed|claims|asserted|asserts|maintained|maintains|indicated|indicates|informed|told|contended|insisted|noted|testified|believed|believes|considered|considers|credited|described|suggested|suggests|warned|accused';
/** Who is told, between the verb and "that": "informed the Panel", "told OHCHR", "told us". */
const ADDRESSEE = String.raw`(?:\s+(?:us|me|the\s+[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,2}|[\p{Lu}][\p{L}]*(?:\s+[\p{Lu}][\p{L}]*){0,2}))?`;
/** A speaker phrase: up to eight words before the verb, from the sentence's start or a clause break. */
const SPEAKER = String.raw`((?:[\p{L}\p{M}'’()-]+\s+){0,7}?[\p{L}\p{M}'’()-]+)`;
const FRAME = new RegExp(String.raw`(?:^|[;:]\s+|,\s+(?:and|but|while)\s+)${SPEAKER}\s+(?:has\s+|had\s+|have\s+|also\s+|further\s+)?(?:${RELAYING})\b${ADDRESSEE}(\s+that\b)?\s*(.*)$`, 'u');
const ACCORDING_LEADING = /^according\s+to\s+([^,]{2,90}),\s*(.+)$/iu;
const ACCORDING_TRAILING = /^(.+?),\s*according\s+to\s+([^,;]{2,90}?)\s*[.;]?\s*$/iu;
const RECEIVED = /\b(?:received|obtained)\s+(?:credible\s+|unconfirmed\s+|further\s+)?(?:information|reports|allegations|accounts)\s+(?:\w+\s+){0,3}?that\s+(.+)$/iu;

const INDEFINITE = /^(?:one|a|an|another|a\s+single|two|three|four|2|3|4)\s/iu;
/** Document words: "the report states that", "our analysis indicates that" are the source speaking. */
const DOCUMENT = new Set(['report', 'study', 'paper', 'analysis', 'data', 'review', 'assessment', 'survey', 'evidence', 'figures', 'statistics', 'findings', 'record', 'records']);

export type Attribution = { speaker: string; complement: string };

/** The source's regular voices: the opening names ("OHCHR", "the Panel", "the Government") of three or more of its sentences, lower-cased, without "the". */
export function sourceVoices(sentences: string[]): Set<string> {
  const counts = new Map<string, number>();
  for (const s of sentences) {
    const opening = voiceOf(s.trim());
    if (opening) counts.set(opening, (counts.get(opening) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= 3).map(([name]) => name));
}

/** "The Monitoring Team received …" → "monitoring team"; null when the sentence opens with no name. */
function voiceOf(text: string): string | null {
  const m = /^(?:[Tt]he\s+)?((?:[\p{Lu}][\p{L}\p{M}'’-]*\s+)*?[\p{Lu}][\p{L}\p{M}'’-]*)(?=\s+\p{Ll}|\s*$)/u.exec(text);
  return m && !/^the$/iu.test(m[1]!) ? m[1]!.toLowerCase() : null;
}

/**
 * The party `passage` attributes its statement to and what it attributes, when that is one party (or a
 * handful) other than the source's regular voices; "information" when the source only received it; null
 * otherwise.
 */
export function attribution(passage: string, voices: ReadonlySet<string> = new Set()): Attribution | null {
  const text = passage.trim();
  const received = RECEIVED.exec(text);
  if (received) return { speaker: 'information', complement: received[1]! };
  const leading = ACCORDING_LEADING.exec(text);
  if (leading) return fewSpeakers(leading[1]!) ? { speaker: speakerOf(leading[1]!), complement: leading[2]! } : null;
  const trailing = ACCORDING_TRAILING.exec(text);
  if (trailing) return fewSpeakers(trailing[2]!) ? { speaker: speakerOf(trailing[2]!), complement: trailing[1]! } : null;
  const frame = FRAME.exec(text);
  if (!frame) return null;
  const [, speaker, that, rest] = frame;
  // "One Member State reported shared facilities", "One Member State credited Pakistan with": one party's say-so, "that" or not.
  if (fewSpeakers(speaker!)) return { speaker: speakerOf(speaker!), complement: rest! };
  if (!that || !/^[Tt]he\s+\p{Lu}/u.test(speaker!)) return null;
  const words = speaker!.split(/\s+/);
  const head = words[words.length - 1]!.toLowerCase();
  if (DOCUMENT.has(head) || /[^s]s$/u.test(head) || voices.has(voiceOf(speaker!) ?? '')) return null;
  return { speaker: speakerOf(speaker!), complement: rest! };
}

/** One party or a handful, named as such: "one Member State", "a local organization", "two former members", "information received from a local NGO". */
function fewSpeakers(speaker: string): boolean {
  const s = speaker.trim();
  if (INDEFINITE.test(s)) return !DOCUMENT.has(s.split(/\s+/)[1]?.toLowerCase() ?? '');
  return /\bfrom\s+(?:one|a|an|a\s+single|two|three)\s/iu.test(s);
}

/** The speaker as a caution names it: "one Member State", "a local human rights organization", "the Government". */
function speakerOf(speaker: string): string {
  const s = speaker.trim().replace(/^.*?\bfrom\s+(?=(?:one|a|an|two|three)\s)/iu, '');
  return s.replace(/^(One|A|An|Another|Two|Three|Four|The)\b/u, (w) => w.toLowerCase());
}

/** People who give a report its testimony, in the plural: what they told the source is their account, not its finding. */
const WITNESS_WORDS = 'witnesses|eyewitnesses|residents|survivors|victims|detainees|villagers|herders|interviewees|relatives|families|refugees|inhabitants';
const WITNESSES = new RegExp(
  String.raw`^((?:(?:several|many|some|most|all|other|\d+|two|three|four|five|six|seven|eight|nine|ten)\s+)?(?:[\p{L}-]+\s+)?(?:${WITNESS_WORDS}))\b(?:\s+(?:of|from|in|interviewed\s+by)\s+[^,;]{1,50}?)?\s+(?:\p{L}+ly\s+)?(?:stated|said|told|reported|described|alleged|testified|recounted|claimed)\b[^;]{0,40}?\bthat\s+(.+)$`,
  'iu',
);
/**
 * "Witnesses interviewed by OHCHR consistently stated that …", "Residents of Selna told OCHA staff that …": the source
 * relays what several people told it. Not one party's say-so (attribution() leaves it), but an article that gives it as the
 * source's own finding ("The UN found that …") puts words in the source's mouth; null otherwise.
 */
export function witnessAccount(passage: string): Attribution | null {
  const m = WITNESSES.exec(passage.trim());
  return m ? { speaker: m[1]!.toLowerCase(), complement: m[2]! } : null;
}

/** Whether the claim itself says who said it, and that is the passage's speaker ("One Member State said …", "…, the Government said", "according to the Department"). */
export function claimNamesSpeaker(claim: string, speaker: string): boolean {
  const given = [claimSpeaker(claim), /\baccording\s+to\s+([^,.;]{2,60})/iu.exec(claim)?.[1] ?? null].filter((s): s is string => s !== null);
  const theirs = speakerTerms(speaker);
  return given.some((s) => [...speakerTerms(s)].some((w) => theirs.has(w)));
}
