/**
 * What the database stores per annotation so candidates can be found by index instead of by
 * reading every claim: `keys` (entity ids, figure buckets, years, words) for a GIN array index,
 * and `terms` (the normalised wording, kept for inspection). Two figures that can agree always
 * share a bucket: a figure's bucket range covers the whole interval it may stand for.
 */
import { figureInterval } from './compare-figures';
import type { ClaimFeatures } from './extract-claim-features';
import type { Quantity } from './find-quantities';

export type MatchKeys = { keys: string[]; terms: string };

const LOG_STEP = Math.log(1.15);
const MAX_BUCKETS = 12;

function figureKeys(q: Quantity): string[] {
  const [lo, hi] = figureInterval(q);
  const out: string[] = [];
  if (q.kind === 'ordinal') return [`o:${q.lo}`];
  if (q.kind === 'percent') {
    for (let b = Math.floor(Math.max(0, lo) / 2); b <= Math.floor(hi / 2) && out.length < MAX_BUCKETS; b += 1) out.push(`p:${b}`);
    return out;
  }
  if (hi <= 0) return out;
  const from = Math.floor(Math.log(Math.max(lo, 1)) / LOG_STEP);
  const to = Math.floor(Math.log(Math.max(hi, 1)) / LOG_STEP);
  if (to - from < MAX_BUCKETS) for (let b = from; b <= to; b += 1) out.push(`n:${q.kind}:${b}`);
  else {
    // A vague amount ("hundreds", "tens of thousands") keys by order of magnitude only.
    for (let m = Math.floor(Math.log10(Math.max(lo, 1))); m <= Math.floor(Math.log10(Math.max(hi, 1))); m += 1) out.push(`m:${q.kind}:${m}`);
  }
  return out;
}

/** Figure and year keys: selective, so the database can look candidates up by them alone. */
export function figureKeysOf(f: ClaimFeatures): string[] {
  // A length of time is keyed like a count of its own kind ("n:duration:…"), so "a 12-year term" finds "twelve years in prison".
  return [...new Set([...f.quantities.flatMap(figureKeys), ...(f.durations ?? []).flatMap(figureKeys), ...(f.offsets ?? []).flatMap(figureKeys), ...f.years.map((y) => `y:${y}`)])];
}

export function matchKeysOf(f: ClaimFeatures): MatchKeys {
  // Words are keys too ("t:sanctuary"): with entities and figures they are what a candidate is looked up by.
  // A full name is also looked up by its last word, which a second reference gives alone ("Castell").
  const aliases = f.entities.flatMap((e) => (e.alias ? [e.alias] : []));
  const keys = [...new Set([...[...f.entityIds, ...aliases].map((id) => `e:${id}`), ...figureKeysOf(f), ...f.terms.map((t) => `t:${t}`)])];
  // Entity ids join the wording so "Tehrik-i-Taliban" and "TTP" read the same to the trigram index.
  const terms = [...f.entityIds.map((id) => id.replace(/^name:/, '').replace(/-/g, '')), ...f.terms].join(' ');
  return { keys, terms };
}
