// The agreement report of one article (GET /api/articles/:id/agreement, the agreement page): forms
// the units from the compared analysts' annotations and computes every coefficient on them. Pure;
// the server decides whose annotations are compared (submitted blind work when the article is blind).
import { boundaryF1 } from '@/lib/agreement/boundaries';
import { cohensKappa, fleissKappa, krippendorffAlphaNominal } from '@/lib/agreement/coefficients';
import { formUnits, unitAgreement, type UnitAgreement } from '@/lib/agreement/units';
import { unitizingAlpha } from '@/lib/agreement/unitizing';
import type { TaggedSpan } from '@/lib/review/overlap';

export type Analyst = { id: string; name: string };
export type AgreementAnnotation = TaggedSpan & { exact: string; note?: string | null };

export type DisagreementDto = {
  key: string;
  start: number;
  end: number;
  agreement: Exclude<UnitAgreement, 'all'>;
  annotations: Array<{ id: string; tag: string; start: number; end: number; exact: string; note: string | null; author: Analyst }>;
  /** Analysts who marked nothing here. */
  missing: Analyst[];
};

export type PairConfusion = { a: Analyst; b: Analyst; units: number; table: Record<string, Record<string, number>> };

export type UnitAgreementReport = {
  analysts: Analyst[];
  units: number;
  /** Units marked by at least two of the compared analysts: what κ and nominal α are computed on. */
  sharedUnits: number;
  cohenKappa: number | null;
  fleissKappa: number | null;
  krippendorffAlpha: { nominal: number | null; unitizing: number | null };
  perTag: Record<string, { kappa: number | null; agreement: number | null; unitizing: number | null }>;
  boundaries: { exactF1: number | null; overlapF1: number | null };
  confusionByPair: PairConfusion[];
  disagreements: DisagreementDto[];
  /** Why figures are null, in a sentence; null when every figure could be computed. */
  reason: string | null;
};

export function computeUnitAgreement(input: {
  annotations: readonly AgreementAnnotation[];
  analysts: readonly Analyst[];
  textLength: number;
  tagKeys: readonly string[];
}): UnitAgreementReport {
  const analysts = [...input.analysts];
  const ids = analysts.map((a) => a.id);
  const byId = new Map(analysts.map((a) => [a.id, a]));
  const annotations = input.annotations.filter((a) => byId.has(a.authorId));
  const units = formUnits(annotations);
  const shared = units.filter((u) => ids.filter((id) => u.byAuthor.has(id)).length >= 2);

  const rows = units.map((u) => ids.map((id) => u.byAuthor.get(id)?.tag ?? null));
  const nominal = krippendorffAlphaNominal(rows).alpha;

  let cohen: number | null = null;
  if (ids.length === 2) {
    cohen = cohensKappa(shared.map((u) => [u.byAuthor.get(ids[0])!.tag, u.byAuthor.get(ids[1])!.tag] as const));
  }
  const complete = units.filter((u) => ids.every((id) => u.byAuthor.has(id)));
  const countsOf = (u: (typeof units)[number]) => {
    const row: Record<string, number> = {};
    for (const id of ids) {
      const tag = u.byAuthor.get(id)!.tag;
      row[tag] = (row[tag] ?? 0) + 1;
    }
    return row;
  };
  const fleiss = ids.length >= 2 ? fleissKappa(complete.map(countsOf)) : null;

  const observers = ids.map((id) => annotations.filter((a) => a.authorId === id).map((a) => ({ start: a.start, end: a.end, category: a.tag })));
  const unitizing = ids.length >= 2 ? unitizingAlpha(observers, { begin: 0, length: input.textLength }) : null;

  const tags = [...new Set([...input.tagKeys, ...annotations.map((a) => a.tag)])];
  const perTag: UnitAgreementReport['perTag'] = {};
  for (const tag of tags) {
    // Specific agreement: of the times an analyst used the tag on a complete unit, how often another did too.
    let same = 0;
    let used = 0;
    for (const u of complete) {
      const n = countsOf(u)[tag] ?? 0;
      same += n * (n - 1);
      used += n * (ids.length - 1);
    }
    perTag[tag] = {
      kappa: fleiss?.perCategory[tag] ?? null,
      agreement: used === 0 ? null : same / used,
      unitizing: unitizing?.perCategory[tag]?.alpha ?? null,
    };
  }

  const pairs: Array<[Analyst, Analyst]> = [];
  for (let i = 0; i < analysts.length; i++) for (let j = i + 1; j < analysts.length; j++) pairs.push([analysts[i], analysts[j]]);
  const mean = (values: Array<number | null>) => {
    const known = values.filter((v): v is number => v !== null);
    return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
  };
  const spansOf = (id: string) => annotations.filter((a) => a.authorId === id);
  const boundaries = {
    exactF1: mean(pairs.map(([a, b]) => boundaryF1(spansOf(a.id), spansOf(b.id), 'exact'))),
    overlapF1: mean(pairs.map(([a, b]) => boundaryF1(spansOf(a.id), spansOf(b.id), 'overlap'))),
  };

  const confusionByPair = pairs.map(([a, b]): PairConfusion => {
    const table: Record<string, Record<string, number>> = {};
    for (const r of tags) {
      table[r] = {};
      for (const c of tags) table[r][c] = 0;
    }
    let count = 0;
    for (const u of units) {
      const x = u.byAuthor.get(a.id);
      const y = u.byAuthor.get(b.id);
      if (!x || !y) continue;
      table[x.tag][y.tag] += 1;
      count += 1;
    }
    return { a, b, units: count, table };
  });

  const disagreements: DisagreementDto[] = [];
  for (const u of units) {
    const agreement = unitAgreement(u, ids);
    if (agreement === 'all') continue;
    disagreements.push({
      key: u.key,
      start: u.start,
      end: u.end,
      agreement,
      annotations: u.annotations.map((a) => ({ id: a.id, tag: a.tag, start: a.start, end: a.end, exact: a.exact, note: a.note ?? null, author: byId.get(a.authorId)! })),
      missing: analysts.filter((x) => !u.byAuthor.has(x.id)),
    });
  }

  let reason: string | null = null;
  if (ids.length < 2) reason = 'Agreement needs at least two analysts’ work to compare.';
  else if (shared.length === 0) reason = 'No data for κ and nominal α: the analysts share no unit (no claim was marked by two of them). uα and the boundary figures still say how far apart their markings are.';
  else if (ids.length === 2) reason = 'Fleiss’ κ is for three or more analysts; with two, read Cohen’s κ.';

  return {
    analysts,
    units: units.length,
    sharedUnits: shared.length,
    cohenKappa: cohen,
    fleissKappa: ids.length >= 3 ? (fleiss?.kappa ?? null) : null,
    krippendorffAlpha: { nominal: shared.length === 0 ? null : nominal, unitizing: unitizing?.alpha ?? null },
    perTag,
    boundaries,
    confusionByPair,
    disagreements,
    reason,
  };
}
