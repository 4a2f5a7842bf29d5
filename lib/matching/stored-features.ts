/**
 * A claim's features as the database keeps them next to its keys (ClaimKey.features), so that
 * re-ranking candidates never re-reads or re-parses their text: only what the scorer compares and
 * what its reason names, without offsets.
 */
import type { ClaimFeatures } from './extract-claim-features';

export type StoredFeatures = Omit<ClaimFeatures, 'entities' | 'quantities' | 'durations' | 'offsets' | 'articleYear'> & {
  durations?: Omit<ClaimFeatures['durations'][number], 'start' | 'end'>[];
  offsets?: Omit<ClaimFeatures['durations'][number], 'start' | 'end'>[];
  entities: { id: string; text: string; known: boolean; alias?: string; tentative?: boolean; opening?: boolean; initials?: boolean }[];
  quantities: Omit<ClaimFeatures['quantities'][number], 'start' | 'end'>[];
};

export function toStoredFeatures(f: ClaimFeatures): StoredFeatures {
  const seen = new Set<string>();
  const sure = new Set(f.entities.filter((e) => !e.tentative).map((e) => e.id));
  const { articleYear: _year, ...rest } = f;
  return {
    ...rest,
    entities: f.entities.filter((e) => !seen.has(e.id) && seen.add(e.id)).map((e) => ({ id: e.id, text: e.text, known: e.known, ...(e.alias ? { alias: e.alias } : {}), ...(e.tentative && !sure.has(e.id) ? { tentative: true, ...(e.opening ? { opening: true } : {}) } : {}), ...(e.initials ? { initials: true } : {}) })),
    quantities: f.quantities.map(({ start: _s, end: _e, ...q }) => q),
    durations: f.durations.map(({ start: _s, end: _e, ...q }) => q),
    offsets: (f.offsets ?? []).map(({ start: _s, end: _e, ...q }) => q),
  };
}

/** Back to the shape the scorer takes (offsets are not compared: they come back as 0). */
export function fromStoredFeatures(s: Partial<StoredFeatures>): ClaimFeatures {
  return {
    entityIds: s.entityIds ?? [],
    years: s.years ?? [],
    terms: s.terms ?? [],
    negations: s.negations ?? [],
    direction: s.direction ?? null,
    directionWords: s.directionWords ?? [],
    roles: s.roles ?? {},
    states: s.states ?? {},
    forecast: s.forecast ?? null,
    months: s.months ?? [],
    measures: s.measures ?? {},
    startYears: s.startYears ?? [],
    tally: s.tally ?? null,
    subgroup: s.subgroup ?? null,
    pronoun: s.pronoun ?? false,
    relativeYear: s.relativeYear ?? null,
    places: s.places ?? [],
    entities: (s.entities ?? []).map((e) => ({ ...e, start: 0, end: 0 })),
    quantities: (s.quantities ?? []).map((q) => ({ ...q, start: 0, end: 0 })),
    durations: (s.durations ?? []).map((q) => ({ ...q, start: 0, end: 0 })),
    offsets: (s.offsets ?? []).map((q) => ({ ...q, start: 0, end: 0 })),
  };
}
