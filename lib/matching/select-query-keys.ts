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

export function selectQueryKeys(keys: string[], freq: KeyFrequencies, { budget = 300, maxLookup = 8 }: { budget?: number; maxLookup?: number } = {}): KeyQuery {
  // A key the counts do not know is newer than them: rare, so looked up first.
  const present = keys
    .map((key) => ({ key, df: Math.max(1, freq.df.get(key) ?? 1) }))
    .sort((a, b) => a.df - b.df || (a.key < b.key ? -1 : 1));
  const lookup: string[] = [];
  let rows = 0;
  for (const k of present) {
    if (lookup.length >= maxLookup || (lookup.length > 0 && rows + k.df > budget)) break;
    lookup.push(k.key);
    rows += k.df;
  }
  const idf = (df: number) => Math.log(1 + freq.total / df);
  return { lookup, keys: present.map((k) => k.key), weights: present.map((k) => Math.round(idf(k.df) * 1000) / 1000) };
}
