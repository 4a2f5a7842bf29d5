/**
 * Which of a claim's keys the database looks candidates up by. Common keys ("e:pakistan",
 * "t:attack") would each match a large share of the library, so the rarest keys are chosen until
 * the rows they can return reach a budget; every key still weighs in the ranking by its rarity
 * (IDF), so a candidate sharing a rare figure and a rare name comes before one sharing two common words.
 */
export type KeyFrequencies = { total: number; df: ReadonlyMap<string, number> };

export type KeyQuery = {
  /** Keys a candidate must share at least one of (`keys && lookup`). */
  lookup: string[];
  /** Every key of the claim, with its weight for ranking. */
  keys: string[];
  weights: number[];
};

export type KeySelection = {
  budget?: number;
  maxLookup?: number;
  /**
   * The claim is itself in the library the counts were taken on (an annotation's matches, not a new
   * article's sentence): a key counted once is then most likely its own, finds no other claim, and
   * is looked up without using one of the `maxLookup` slots — a claim naming many people once would
   * otherwise spend every lookup on them and never reach the figure its restatements share.
   */
  selfIncluded?: boolean;
};

export function selectQueryKeys(keys: string[], freq: KeyFrequencies, { budget = 300, maxLookup = 8, selfIncluded = false }: KeySelection = {}): KeyQuery {
  // A key the counts do not know is newer than them: rare, so looked up first.
  const present = keys
    .map((key) => ({ key, df: Math.max(1, freq.df.get(key) ?? 1) }))
    .sort((a, b) => a.df - b.df || (a.key < b.key ? -1 : 1));
  const lookup: string[] = [];
  let slots = 0;
  let rows = 0;
  for (const k of present) {
    const own = selfIncluded && k.df <= 1;
    if (lookup.length >= 2 * maxLookup || (!own && (slots >= maxLookup || (lookup.length > 0 && rows + k.df > budget)))) break;
    lookup.push(k.key);
    rows += k.df;
    if (!own) slots += 1;
  }
  const idf = (df: number) => Math.log(1 + freq.total / df);
  return { lookup, keys: present.map((k) => k.key), weights: present.map((k) => Math.round(idf(k.df) * 1000) / 1000) };
}
