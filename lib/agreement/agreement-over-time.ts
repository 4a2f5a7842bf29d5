// The desk's agreement over time (#17 "go beyond: … over time"): every completed double annotation
// (an article with two or more submitted assignees) as a point, and the points pooled per week or
// month. Pooling is done on the units, not by averaging articles' coefficients: Krippendorff's α
// takes any number of coders per unit and missing values, so the units of several articles (each
// with its own analysts) form one reliability table, and a short article weighs what it holds.
// Pure; the server decides which articles count (lib/review/server/compute-desk-agreement.ts).
import { computeUnitAgreement, type AgreementAnnotation, type Analyst } from '@/lib/agreement/article-agreement';
import { krippendorffAlphaNominal } from '@/lib/agreement/coefficients';
import { formUnits } from '@/lib/agreement/units';

export const AGREEMENT_PERIODS = ['week', 'month'] as const;
export type AgreementPeriod = (typeof AGREEMENT_PERIODS)[number];

/** One article whose assigned analysts (two or more) have submitted. */
export type CompletedDoubleAnnotation = {
  articleId: string;
  title: string;
  /** When the last of the compared analysts submitted: the moment the double annotation was complete. */
  completedAt: Date;
  /** Done blind: only these points are pooled (open work measures copying as much as agreement). */
  blind: boolean;
  analysts: readonly Analyst[];
  annotations: readonly AgreementAnnotation[];
  textLength: number;
  tagKeys: readonly string[];
};

export type AgreementPoint = {
  articleId: string;
  title: string;
  completedAt: string;
  blind: boolean;
  /** Whether the point is part of its period's pooled figures (blind work only). */
  pooled: boolean;
  period: string;
  analysts: Analyst[];
  units: number;
  sharedUnits: number;
  cohenKappa: number | null;
  fleissKappa: number | null;
  krippendorffAlpha: { nominal: number | null; unitizing: number | null };
  boundaries: { exactF1: number | null; overlapF1: number | null };
  disagreements: number;
};

export type PeriodAgreement = {
  /** "2026-11" for a month, "2026-W48" for an ISO week. */
  period: string;
  /** First and last day of the period (UTC, yyyy-mm-dd). */
  from: string;
  to: string;
  articles: number;
  units: number;
  sharedUnits: number;
  /** Nominal α on the pooled units of the period's blind articles. */
  alphaNominal: number | null;
  /** The mean of the articles' boundary F1 (a span figure has no pooled form across texts). */
  overlapF1: number | null;
  exactF1: number | null;
  /** Specific agreement per tag on the pooled units: of the times an analyst used the tag where another analyst marked the same claim, how often that analyst used it too. */
  perTag: Record<string, { agreement: number | null; uses: number }>;
};

export type AnalystAgreement = {
  analyst: Analyst;
  articles: number;
  /** Units this analyst shared with at least one colleague. */
  sharedUnits: number;
  /** Of this analyst's pairings with a colleague on a shared unit, the share with the same tag. */
  agreement: number | null;
};

export type AgreementOverTime = {
  period: AgreementPeriod;
  points: AgreementPoint[];
  periods: PeriodAgreement[];
  byAnalyst: AnalystAgreement[];
  reason: string | null;
};

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The period a moment falls in, with its first and last day (UTC; ISO 8601 weeks start on Monday). */
export function periodOf(date: Date, period: AgreementPeriod): { key: string; from: string; to: string } {
  if (period === 'month') {
    const y = date.getUTCFullYear();
    const m = date.getUTCMonth();
    return { key: `${y}-${String(m + 1).padStart(2, '0')}`, from: day(new Date(Date.UTC(y, m, 1))), to: day(new Date(Date.UTC(y, m + 1, 0))) };
  }
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(midnight).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = midnight - weekday * 86_400_000;
  // The ISO week-year is the year of the week's Thursday.
  const thursday = new Date(monday + 3 * 86_400_000);
  const isoYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(isoYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return { key: `${isoYear}-W${String(week).padStart(2, '0')}`, from: day(new Date(monday)), to: day(new Date(monday + 6 * 86_400_000)) };
}

const mean = (values: Array<number | null>) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
};

export function computeAgreementOverTime(input: { items: readonly CompletedDoubleAnnotation[]; period: AgreementPeriod }): AgreementOverTime {
  const items = [...input.items].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || (a.articleId < b.articleId ? -1 : 1));
  const points: AgreementPoint[] = [];
  type Pool = { from: string; to: string; articles: number; units: number; shared: number; rows: Array<Array<string | null>>; overlap: Array<number | null>; exact: Array<number | null>; tag: Map<string, { same: number; used: number; uses: number }> };
  const pools = new Map<string, Pool>();
  const analysts = new Map<string, { analyst: Analyst; articles: number; shared: number; same: number; pairings: number }>();

  for (const item of items) {
    const report = computeUnitAgreement({ annotations: item.annotations, analysts: item.analysts, textLength: item.textLength, tagKeys: item.tagKeys });
    const { key, from, to } = periodOf(item.completedAt, input.period);
    const pooled = item.blind && report.analysts.length >= 2;
    points.push({
      articleId: item.articleId,
      title: item.title,
      completedAt: item.completedAt.toISOString(),
      blind: item.blind,
      pooled,
      period: key,
      analysts: report.analysts,
      units: report.units,
      sharedUnits: report.sharedUnits,
      cohenKappa: report.cohenKappa,
      fleissKappa: report.fleissKappa,
      krippendorffAlpha: report.krippendorffAlpha,
      boundaries: report.boundaries,
      disagreements: report.disagreements.length,
    });
    if (!pooled) continue;

    const pool: Pool = pools.get(key) ?? { from, to, articles: 0, units: 0, shared: 0, rows: [], overlap: [], exact: [], tag: new Map() };
    pools.set(key, pool);
    pool.articles += 1;
    pool.units += report.units;
    pool.shared += report.sharedUnits;
    pool.overlap.push(report.boundaries.overlapF1);
    pool.exact.push(report.boundaries.exactF1);
    for (const tag of item.tagKeys) if (!pool.tag.has(tag)) pool.tag.set(tag, { same: 0, used: 0, uses: 0 });

    const ids = new Set(report.analysts.map((a) => a.id));
    for (const a of report.analysts) {
      const entry = analysts.get(a.id) ?? { analyst: a, articles: 0, shared: 0, same: 0, pairings: 0 };
      entry.articles += 1;
      analysts.set(a.id, entry);
    }
    for (const unit of formUnits(item.annotations.filter((a) => ids.has(a.authorId)))) {
      const values = [...unit.byAuthor.entries()].map(([authorId, a]) => ({ authorId, tag: a.tag }));
      pool.rows.push(values.map((v) => v.tag));
      if (values.length < 2) continue;
      const counts = new Map<string, number>();
      for (const v of values) counts.set(v.tag, (counts.get(v.tag) ?? 0) + 1);
      for (const [tag, n] of counts) {
        const t = pool.tag.get(tag) ?? { same: 0, used: 0, uses: 0 };
        t.same += n * (n - 1);
        t.used += n * (values.length - 1);
        t.uses += n;
        pool.tag.set(tag, t);
      }
      for (const v of values) {
        const entry = analysts.get(v.authorId)!;
        entry.shared += 1;
        entry.pairings += values.length - 1;
        entry.same += counts.get(v.tag)! - 1;
      }
    }
  }

  const periods: PeriodAgreement[] = [...pools.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([period, pool]) => ({
      period,
      from: pool.from,
      to: pool.to,
      articles: pool.articles,
      units: pool.units,
      sharedUnits: pool.shared,
      alphaNominal: pool.shared === 0 ? null : krippendorffAlphaNominal(pool.rows).alpha,
      overlapF1: mean(pool.overlap),
      exactF1: mean(pool.exact),
      perTag: Object.fromEntries([...pool.tag].map(([tag, t]) => [tag, { agreement: t.used === 0 ? null : t.same / t.used, uses: t.uses }])),
    }));

  const byAnalyst = [...analysts.values()]
    .map((e) => ({ analyst: e.analyst, articles: e.articles, sharedUnits: e.shared, agreement: e.pairings === 0 ? null : e.same / e.pairings }))
    .sort((a, b) => a.analyst.name.localeCompare(b.analyst.name, 'en') || (a.analyst.id < b.analyst.id ? -1 : 1));

  let reason: string | null = null;
  if (points.length === 0) reason = 'No double annotation is complete yet: assign an article blind to two or more analysts and let them submit.';
  else if (periods.length === 0) reason = 'No completed double annotation was done blind: the figures of open work are listed but not pooled.';
  return { period: input.period, points, periods, byAnalyst, reason };
}
