/**
 * Claim matching's lexicon widened by data/passage-lexicon.json: a passage proposal is a candidate
 * to check, not a finding, so it folds paraphrases claim matching would not ("pastoralists" and
 * "herders"; "designation" and "sanctions"). Each list joins the matching concept one of its words
 * already belongs to, so a source's "firearms" meets the matcher's "weapon" without a second name.
 * A few words the matcher reads as attribution ("sanctions", as in "the sanctions Monitoring Team")
 * are content here: a source's "designation" is what an article calls "sanctions".
 */
import raw from '@/lib/matching/data/matching-lexicon.json';
import { compileLexicon, type MatchingLexicon } from '@/lib/matching';
import extra from '@/lib/provenance/data/passage-lexicon.json';

export function widenConcepts(base: string[][], additions: string[][]): string[][] {
  const merged = base.map((group) => [...group]);
  for (const list of additions) {
    const words = list.map((w) => w.toLowerCase());
    const home = merged.find((group) => group.some((w) => words.includes(w.toLowerCase())));
    if (home) home.push(...words.filter((w) => !home.includes(w)));
    else merged.push(words);
  }
  return merged;
}

const kept = new Set(extra.contentWords);

export const PASSAGE_LEXICON: MatchingLexicon = compileLexicon({
  ...raw,
  reportingWords: raw.reportingWords.filter((w) => !kept.has(w)),
  concepts: widenConcepts(raw.concepts, extra.concepts),
});
