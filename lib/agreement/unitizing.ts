// Krippendorff's α for unitizing a continuum (uα; Krippendorff 2004, Content Analysis, 2nd ed., §12.5):
// how well observers agree on where units of a category begin and end, on positions (here: characters
// of the article's text). Each observer's sections along the continuum are units of category c or gaps
// (anything else, other categories included); disagreement is the squared misplacement of boundaries.

export type Section = { begin: number; length: number; isUnit: boolean };
export type ObservedUnit = { start: number; end: number; category: string };
export type Continuum = { begin: number; length: number };

/**
 * δ² between section g of one observer and section h of another: overlapping units of c count the
 * squared shift of both boundaries; a unit lying wholly inside the other's gap counts its length
 * squared; everything else (gap/gap, non-overlapping) is 0.
 */
export function sectionDistance(g: Section, h: Section): number {
  const shift = g.begin - h.begin;
  if (g.isUnit && h.isUnit) {
    if (-g.length < shift && shift < h.length) return shift ** 2 + (g.begin + g.length - h.begin - h.length) ** 2;
    return 0;
  }
  if (g.isUnit && !h.isUnit) return h.length - g.length >= shift && shift >= 0 ? g.length ** 2 : 0;
  if (!g.isUnit && h.isUnit) return g.length - h.length >= -shift && -shift >= 0 ? h.length ** 2 : 0;
  return 0;
}

/**
 * One observer's partition of the continuum for one category: its units of c (overlapping or touching
 * units of c by the same observer merged, since a continuum position is either in a unit or not) and
 * the gaps between them.
 */
export function sectionsOf(units: readonly ObservedUnit[], category: string, continuum: Continuum): Section[] {
  const end = continuum.begin + continuum.length;
  const spans = units
    .filter((u) => u.category === category)
    .map((u) => ({ start: Math.max(continuum.begin, u.start), end: Math.min(end, u.end) }))
    .filter((u) => u.end > u.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Array<{ start: number; end: number }> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  const out: Section[] = [];
  let at = continuum.begin;
  for (const u of merged) {
    if (u.start > at) out.push({ begin: at, length: u.start - at, isUnit: false });
    out.push({ begin: u.start, length: u.end - u.start, isUnit: true });
    at = u.end;
  }
  if (end > at) out.push({ begin: at, length: end - at, isUnit: false });
  return out;
}

export type CategoryUnitizing = { alpha: number | null; observed: number; expected: number; units: number };

/**
 * uα for one category c: 1 − uD_o / uD_e with
 *   uD_o = Σ_i Σ_g Σ_{j≠i} Σ_h δ²(ig, jh) / (m (m − 1) L²)
 *   uD_e = (2 / L) Σ_i Σ_g w_ig [ (N_c − 1)/3 · (2 l³ − 3 l² + l) + l² Σ_j Σ_h (1 − w_jh) max(0, l_jh − l + 1) ]
 *          / [ m L (m L − 1) − Σ_i Σ_g w_ig l (l − 1) ]
 * (l = l_ig, N_c = units of c over all observers). Null when no observer marked c, or uD_e = 0.
 */
export function unitizingAlphaForCategory(observers: ReadonlyArray<readonly ObservedUnit[]>, category: string, continuum: Continuum): CategoryUnitizing {
  const m = observers.length;
  const L = continuum.length;
  const sections = observers.map((units) => sectionsOf(units, category, continuum));
  const unitCount = sections.reduce((sum, s) => sum + s.filter((x) => x.isUnit).length, 0);
  if (m < 2 || L <= 0 || unitCount === 0) return { alpha: null, observed: 0, expected: 0, units: unitCount };

  let distance = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i === j) continue;
      for (const g of sections[i]) for (const h of sections[j]) distance += sectionDistance(g, h);
    }
  }
  const observed = distance / (m * (m - 1) * L * L);

  const gaps = sections.flat().filter((s) => !s.isUnit);
  let numerator = 0;
  let withinUnits = 0;
  for (const g of sections.flat()) {
    if (!g.isUnit) continue;
    const l = g.length;
    let fits = 0;
    for (const h of gaps) if (h.length >= l) fits += h.length - l + 1;
    numerator += ((unitCount - 1) / 3) * (2 * l ** 3 - 3 * l ** 2 + l) + l ** 2 * fits;
    withinUnits += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - withinUnits;
  const expected = denominator > 0 ? ((2 / L) * numerator) / denominator : 0;
  return { alpha: expected === 0 ? null : 1 - observed / expected, observed, expected, units: unitCount };
}

export type UnitizingResult = { alpha: number | null; perCategory: Record<string, CategoryUnitizing> };

/** uα per category and over all categories (1 − Σ_c uD_o(c) / Σ_c uD_e(c)). */
export function unitizingAlpha(observers: ReadonlyArray<readonly ObservedUnit[]>, continuum: Continuum): UnitizingResult {
  const categories = [...new Set(observers.flatMap((units) => units.map((u) => u.category)))].sort();
  const perCategory: Record<string, CategoryUnitizing> = {};
  let observed = 0;
  let expected = 0;
  for (const c of categories) {
    const r = unitizingAlphaForCategory(observers, c, continuum);
    perCategory[c] = r;
    observed += r.observed;
    expected += r.expected;
  }
  return { alpha: expected === 0 ? null : 1 - observed / expected, perCategory };
}
