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

// A figure's interval is keyed by consecutive buckets ("p:44" … "p:55" for "doubled", about 100%).
const BUCKET = /^(p:|n:[a-z]+:)(\d+)$/;

/** The key is a bucket next to one already looked up: the same figure's interval, not another clue. */
function extendsBucket(key: string, lookup: ReadonlySet<string>): boolean {
  const m = BUCKET.exec(key);
  if (!m) return false;
  const b = Number(m[2]);
  return lookup.has(`${m[1]}${b - 1}`) || lookup.has(`${m[1]}${b + 1}`);
}

export function selectQueryKeys(keys: string[], freq: KeyFrequencies, { budget = 300, maxLookup = 8, selfIncluded = false }: KeySelection = {}): KeyQuery {
  // A key the counts do not know is newer than them: rare, so looked up first.
  const present = keys
    .map((key) => ({ key, df: Math.max(1, freq.df.get(key) ?? 1) }))
    .sort((a, b) => a.df - b.df || (a.key < b.key ? -1 : 1));
  const lookup: string[] = [];
  let slots = 0;
  let rows = 0;
  const looked = new Set<string>();
  for (const k of present) {
    const own = selfIncluded && k.df <= 1;
    // One figure's buckets share one slot: an approximate figure's dozen buckets would otherwise
    // spend every slot on the buckets no restatement falls in and never reach the one they share.
    const free = own || extendsBucket(k.key, looked);
    if (lookup.length >= 3 * maxLookup || (!free && (slots >= maxLookup || (lookup.length > 0 && rows + k.df > budget)))) break;
    if (free && lookup.length > 0 && rows + k.df > budget) continue;
    lookup.push(k.key);
    looked.add(k.key);
    rows += k.df;
    if (!free) slots += 1;
  }
  const idf = (df: number) => Math.log(1 + freq.total / df);
  return { lookup, keys: present.map((k) => k.key), weights: present.map((k) => Math.round(idf(k.df) * 1000) / 1000) };
}
