// Chance-corrected agreement coefficients on nominal data. Pure: the article's report
// (article-agreement.ts) forms the units and calls these. Every function answers null when the data
// cannot support the figure (no pairable values, or no variation at all) instead of a misleading 1.0.

/** One value per rater for one unit; null = that rater did not code the unit. */
export type ReliabilityRow = ReadonlyArray<string | null>;

/**
 * Cohen's κ for two raters over the units both coded: (p_o − p_e) / (1 − p_e), p_e from each rater's own
 * marginals. Null without a shared unit, or when p_e = 1 (both raters used one and the same value throughout).
 */
export function cohensKappa(pairs: ReadonlyArray<readonly [string, string]>): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const [a, b] of pairs) {
    first.set(a, (first.get(a) ?? 0) + 1);
    second.set(b, (second.get(b) ?? 0) + 1);
    if (a === b) agreed += 1;
  }
  // Integer sums so the p_e = 1 test is exact.
  let chance = 0;
  for (const [value, c] of first) chance += c * (second.get(value) ?? 0);
  if (chance === n * n) return null;
  return (agreed / n - chance / (n * n)) / (1 - chance / (n * n));
}

export type FleissResult = {
  kappa: number | null;
  observed: number;
  expected: number;
  /** Category-specific κ_j (Fleiss 1971, eq. 9); null where p_j q_j = 0. */
  perCategory: Record<string, number | null>;
};

/**
 * Fleiss' κ for a fixed number of raters per unit. `counts[i][category]` is how many raters put unit i
 * in that category; every unit must have the same total n ≥ 2. Null without units.
 */
export function fleissKappa(counts: ReadonlyArray<Readonly<Record<string, number>>>): FleissResult | null {
  const N = counts.length;
  if (N === 0) return null;
  const n = total(counts[0]);
  if (n < 2) return null;
  for (const row of counts) if (total(row) !== n) throw new Error(`Fleiss' κ needs the same number of raters per unit (${n} ≠ ${total(row)})`);
  const categories = [...new Set(counts.flatMap((row) => Object.keys(row)))];
  let observedSum = 0;
  for (const row of counts) {
    let s = 0;
    for (const c of categories) s += (row[c] ?? 0) * ((row[c] ?? 0) - 1);
    observedSum += s / (n * (n - 1));
  }
  const observed = observedSum / N;
  const p = new Map(categories.map((c) => [c, counts.reduce((sum, row) => sum + (row[c] ?? 0), 0) / (N * n)]));
  let expected = 0;
  for (const pj of p.values()) expected += pj * pj;
  const perCategory: Record<string, number | null> = {};
  for (const c of categories) {
    const pj = p.get(c)!;
    const pq = pj * (1 - pj);
    if (pq === 0) {
      perCategory[c] = null;
      continue;
    }
    let disagree = 0;
    for (const row of counts) disagree += (row[c] ?? 0) * (n - (row[c] ?? 0));
    perCategory[c] = 1 - disagree / (N * n * (n - 1) * pq);
  }
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), observed, expected, perCategory };
}

export type AlphaResult = {
  alpha: number | null;
  /** Pairable values (n..): values in units coded by ≥ 2 raters. */
  pairable: number;
  /** The coincidence matrix o_ck (Krippendorff 2011, step B). */
  coincidences: Record<string, Record<string, number>>;
};

/**
 * Krippendorff's α for nominal data, any number of raters, missing values allowed (Krippendorff 2011,
 * "Computing Krippendorff's Alpha-Reliability", section C): α = 1 − (n − 1) Σ_{c≠k} o_ck / Σ_{c≠k} n_c n_k.
 * Null when fewer than two values are pairable or all pairable values are one value (D_e = 0).
 */
export function krippendorffAlphaNominal(rows: readonly ReliabilityRow[]): AlphaResult {
  const coincidences: Record<string, Record<string, number>> = {};
  let pairable = 0;
  for (const row of rows) {
    const values = row.filter((v): v is string => v !== null);
    const m = values.length;
    if (m < 2) continue; // an unpairable unit carries no information about agreement
    pairable += m;
    const inUnit = new Map<string, number>();
    for (const v of values) inUnit.set(v, (inUnit.get(v) ?? 0) + 1);
    for (const [c, nc] of inUnit) {
      for (const [k, nk] of inUnit) {
        coincidences[c] ??= {};
        coincidences[c][k] = (coincidences[c][k] ?? 0) + (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  if (pairable < 2) return { alpha: null, pairable, coincidences };
  const marginals = new Map<string, number>();
  for (const [c, row] of Object.entries(coincidences)) marginals.set(c, Object.values(row).reduce((a, b) => a + b, 0));
  let observedOff = 0;
  for (const [c, row] of Object.entries(coincidences)) for (const [k, o] of Object.entries(row)) if (c !== k) observedOff += o;
  let expectedOff = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expectedOff += nc * nk;
  if (expectedOff === 0) return { alpha: null, pairable, coincidences };
  return { alpha: 1 - ((pairable - 1) * observedOff) / expectedOff, pairable, coincidences };
}

function total(row: Readonly<Record<string, number>>): number {
  return Object.values(row).reduce((a, b) => a + b, 0);
}
