/**
 * The claim matcher's verdict on two claims: a score in 0..1 and the reason a person can check
 * ("same figures 6,000–6,500; same actors TTP, Afghanistan; paraphrase"). Agreement in figures,
 * actors and wording raises the score; a different figure, year or actor, an opposite direction
 * (rose / fell) or a negation on one side only pulls it down hard, because two claims that share
 * every word but one figure assert different facts.
 */
import { alignEntities } from './align-entities';
import { compareEntities, entityLabel } from './compare-entities';
import { compareFigures, type FigureComparison } from './compare-figures';
import { describedNames, describedPlaces } from './described-names';
import type { ClaimFeatures } from './extract-claim-features';
import { compareEventStates } from './find-event-states';
import { compareMeasures } from './find-measures';
import { compareRoles } from './find-roles';
import type { Quantity } from './find-quantities';
import { formatQuantity } from './format-quantity';
import { similarNameConflict } from './similar-names';

export type MatchSignals = {
  wording: number;
  entities: number;
  figures: number | null;
  yearConflict: boolean;
  figureConflict: boolean;
  actorConflict: boolean;
  negationMismatch: boolean;
  oppositeDirection: boolean;
  /** A shared entity does the deed in one claim and suffers it (or watches another do it) in the other. */
  roleConflict: boolean;
  /** One event reported in opposite states: a ceasefire agreed vs collapsed, a journalist arrested vs released. */
  stateConflict: boolean;
  /** One claim forecasts ("expects inflation at 12.5%"), the other reports what happened. */
  forecastMismatch: boolean;
  /** Both name months, none in common ("in August" vs "in October"). */
  monthConflict: boolean;
  /** Both say where it happened ("in Vessany" vs "in Port Selby") and neither names the other's place at all. */
  placeConflict?: boolean;
  /** Agreeing figures of different quantities ("potash prices doubled" vs "potash exports doubled"). */
  measureConflict: boolean;
  /** One claim dates its event in a year far from the other's article, which gives none ("in 2019" vs an undated claim in a 2025 article). */
  undatedYearConflict: boolean;
  /** Agreeing figures, one a running total ("since the trial opened"), the other one event ("after clashes on Tuesday"). */
  tallyConflict: boolean;
  /** Agreeing shares, one told of a sub-group only ("among voters under 30"). */
  subgroupMismatch: boolean;
  /** One claim names a person, the other only someone related to them ("Varga's deputy resigned" vs "Varga resigned"). */
  relativeConflict?: boolean;
  /** Names of one shape that differ in one part ("Liwa al-Ansar" vs "Liwa al-Anbar", "Pavel" vs "Ilya Belyavtsev"): two actors or places. */
  similarNameConflict?: boolean;
};

export type ClaimMatchScore = { score: number; reason: string; signals: MatchSignals };

/** Below this a pair is not reported as the same claim. */
export const MATCH_THRESHOLD = 0.5;

export type TermWeight = (term: string) => number;

/** Share of content terms two claims have in common: half cosine, half containment of the shorter. */
export function wordingSimilarity(left: string[], right: string[], weight: TermWeight = () => 1): { similarity: number; shared: string[] } {
  if (!left.length || !right.length) return { similarity: 0, shared: [] };
  const R = new Set(right);
  const shared = left.filter((t) => R.has(t));
  const sum = (ts: string[]) => ts.reduce((s, t) => s + weight(t), 0);
  const wl = sum(left);
  const wr = sum(right);
  const ws = sum(shared);
  const cosine = ws / Math.sqrt(wl * wr);
  const shorter = Math.min(wl, wr);
  // Containment of a two-word claim says little: damp it until the shorter side has a few terms.
  const containment = (ws / shorter) * Math.min(1, Math.min(left.length, right.length) / 4);
  return { similarity: Math.min(1, 0.5 * cosine + 0.5 * containment), shared };
}

/** Years that date the event (not the start of a span: "since 2024"). */
const eventYears = (f: ClaimFeatures) => f.years.filter((y) => !(f.startYears ?? []).includes(y));

/**
 * A claim without a year speaks of about the time of its article (that year or the end of the one
 * before); a claim dated well away from it ("last reached 12.5% in 2019") reports another event.
 * Returns the dated side's years when they conflict so, else null.
 */
function undatedYearConflict(dated: ClaimFeatures, undated: ClaimFeatures): number[] | null {
  const at = undated.articleYear;
  if (undated.years.length || !at) return null;
  const ys = eventYears(dated);
  // "so far this year" is the article's year itself, no longer "about then". "Last year" keeps the
  // window: it would exclude the article's year only, and a stored date a little late (an import date,
  // a report dated by its coverage) would then set a claim against the very year it speaks of.
  const [from, to] = undated.relativeYear === 0 ? [at, at] : [at - 1, at];
  return ys.length && !ys.some((y) => y >= from && y <= to) ? ys : null;
}

/** Each side says where ("in X"), and neither names the other's place anywhere, even as a parent. */
function placesConflict(left: ClaimFeatures, right: ClaimFeatures): boolean {
  const l = left.places ?? [];
  const r = right.places ?? [];
  if (!l.length || !r.length) return false;
  const named = (ids: string[], other: string[]) => compareEntities(ids, other).shared.length > 0;
  return !named(l, right.entityIds) && !named(r, left.entityIds);
}

/**
 * A relative or deputy on one side ("Varga's deputy", `rel:deputi:name:vrg`) whose owner the other
 * side names (by id or surname) without the relative: two people, however alike the sentences.
 * Returns [the relative's id, the owner's] or null.
 */
function relativeConflict(side: ClaimFeatures, other: ClaimFeatures): [string, string] | null {
  const named = new Set([...other.entityIds, ...other.entities.flatMap((e) => (e.alias ? [e.alias] : []))]);
  for (const id of side.entityIds) {
    if (!id.startsWith('rel:') || other.entityIds.includes(id)) continue;
    const owner = id.split(':').slice(2).join(':');
    if (named.has(owner)) return [id, owner];
  }
  return null;
}

function yearsOverlap(a: number[], b: number[]): 'same' | 'different' | 'n/a' {
  if (!a.length || !b.length) return 'n/a';
  return a.some((y) => b.includes(y)) ? 'same' : 'different';
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const monthName = (m: number) => MONTHS[m - 1] ?? String(m);

const list = (xs: string[]) => [...new Set(xs)].join(', ');

function figureText(qs: Quantity[]): string {
  return list(qs.map(formatQuantity));
}

export function scoreClaimMatch(left: ClaimFeatures, right: ClaimFeatures, options: { termWeight?: TermWeight } = {}): ClaimMatchScore {
  // Two claims telling one state of an event in different words ("the evacuation order was lifted", "residents were
  // allowed back") share that state as a word; a state told on one side only adds nothing to either.
  const sharedStates = Object.entries(left.states ?? {}).filter(([axis, st]) => right.states?.[axis]?.state === st.state).map(([axis, st]) => `state:${axis}:${st.state}`);
  const wording = wordingSimilarity([...left.terms, ...sharedStates], [...right.terms, ...sharedStates], options.termWeight);
  const aligned = alignEntities(left, right);
  // "the national park" on one side names the other's "Corran Forest National Park".
  aligned.left.entityIds = [...aligned.left.entityIds, ...describedNames(left, right), ...describedPlaces(left, right)];
  aligned.right.entityIds = [...aligned.right.entityIds, ...describedNames(right, left), ...describedPlaces(right, left)];
  const entities = compareEntities(aligned.left.entityIds, aligned.right.entityIds);
  // Lengths of time count only when both claims give one ("jailed for nine years" vs "a 12-year
  // term"): a duration on one side only is background more often than the fact.
  const timed = (left.durations?.length ?? 0) > 0 && (right.durations?.length ?? 0) > 0;
  // So do offsets ("four hours after the first call" vs "within two hours of it"): only against another offset.
  const offset = (left.offsets?.length ?? 0) > 0 && (right.offsets?.length ?? 0) > 0;
  const figuresOf = (f: ClaimFeatures) => [...f.quantities, ...(timed ? f.durations : []), ...(offset ? (f.offsets ?? []) : [])];
  const figures: FigureComparison = compareFigures(figuresOf(left), figuresOf(right));
  const years = yearsOverlap(left.years, right.years);
  // A length of time the claim reports ("sentenced to 12 years"; not "after three days of talks", which
  // is read as no figure) is a figure too: "jailed for nine years" and "police led Dovan away" are two facts.
  const figureCount = (f: ClaimFeatures) => f.quantities.length + (f.durations?.length ?? 0);
  const oneSidedFigures = (figureCount(left) > 0) !== (figureCount(right) > 0);

  // A weighted mean over the evidence there is: wording always, actors when either side names
  // any, figures when both state comparable ones, years when both give one.
  const evidence: [number, number][] = [[0.35, wording.similarity]];
  // A claim that names no one but opens with "she" or "they" speaks of someone: it neither shares nor
  // contradicts the other's actors.
  const unnamed = (a: typeof aligned.left, f: ClaimFeatures) => !a.entityIds.length && !!f.pronoun;
  const actorsKnown = !unnamed(aligned.left, left) && !unnamed(aligned.right, right);
  if (actorsKnown && (aligned.left.entityIds.length || aligned.right.entityIds.length)) evidence.push([0.25, entities.similarity]);
  // Two or more independent figures agreeing (a $4.5bn fund *and* its 12% paid out) corroborate each
  // other: the chance that both agree by accident is the product of each doing so, and together they
  // outweigh a speaker named on one side only or wording that differs.
  const corroborated = figures.conflicts.length === 0 && figures.matched.length >= 2;
  const figureEvidence = corroborated ? 1 - figures.matched.reduce((p, m) => p * (1 - m.strength), 1) : Math.max(0, figures.score);
  if (figures.compared > 0) evidence.push([corroborated ? 0.55 : 0.4, figureEvidence]);
  if (years === 'same') evidence.push([0.1, 1]);
  const totalWeight = evidence.reduce((s, [w]) => s + w, 0);
  let raw = evidence.reduce((s, [w, v]) => s + w * v, 0) / totalWeight;
  // Without figures to agree on, wording and actors alone rarely prove the same fact.
  if (figures.compared === 0) raw *= 0.85;

  const figureConflict = figures.conflicts.length > 0 && figures.score <= 0;
  // The same share of different things ("20% of schools" vs "a fifth of the wells"): agreeing figures
  // by coincidence, unless either claim also speaks of what the other's share counts.
  const apart = (of: string[] | undefined, other: string[] | undefined, terms: string[]) => !!of?.length && !!other?.length && !of.some((w) => other.includes(w) || terms.includes(w));
  const sharesApart = figures.matched.filter((p) => apart(p.a.of, p.b.of, right.terms) && apart(p.b.of, p.a.of, left.terms));
  const roles = compareRoles(aligned.left, aligned.right);
  const states = compareEventStates(left.states, right.states);
  const negL = left.negations.length > 0;
  const negR = right.negations.length > 0;
  const signals: MatchSignals = {
    wording: wording.similarity,
    entities: entities.similarity,
    figures: figures.compared ? figures.score : null,
    yearConflict: years === 'different',
    figureConflict,
    actorConflict: entities.actorConflict !== null,
    negationMismatch: negL !== negR,
    oppositeDirection: left.direction !== null && right.direction !== null && left.direction !== right.direction,
    roleConflict: roles !== null,
    stateConflict: states !== null,
    forecastMismatch: (left.forecast === null) !== (right.forecast === null),
    monthConflict: yearsOverlap(left.months, right.months) === 'different',
    placeConflict: placesConflict(left, right),
    measureConflict: false,
    undatedYearConflict: false,
    tallyConflict: figures.matched.length > 0 && !!left.tally && !!right.tally && left.tally !== right.tally,
    subgroupMismatch: figures.matched.some((p) => p.a.kind === 'percent') && (left.subgroup ?? null) !== (right.subgroup ?? null),
  };
  const measures = figures.matched.length ? compareMeasures(left.measures ?? {}, right.measures ?? {}, left.terms, right.terms) : null;
  signals.measureConflict = measures !== null;
  const relatives = relativeConflict(left, right) ?? relativeConflict(right, left);
  signals.relativeConflict = relatives !== null;
  const similar = similarNameConflict(left.entities, right.entities, aligned.left.entityIds, aligned.right.entityIds);
  signals.similarNameConflict = similar !== null;
  const undated = undatedYearConflict(left, right) ?? undatedYearConflict(right, left);
  signals.undatedYearConflict = undated !== null;
  let factor = 1;
  if (figureConflict) factor *= 0.25;
  else if (figures.conflicts.length) factor *= 0.7;
  if (figures.rivals.length) factor *= 0.6;
  if (sharesApart.length) factor *= 0.4;
  // Both state figures, but of different things (12 militants killed, 12 soldiers killed): a different fact more often than not.
  const figuresApart = figures.compared === 0 && figureCount(left) > 0 && figureCount(right) > 0;
  if (figuresApart) factor *= 0.5;
  if (oneSidedFigures) factor *= 0.75;
  if (signals.yearConflict) factor *= 0.35;
  if (signals.actorConflict) factor *= 0.4;
  if (signals.negationMismatch) factor *= 0.35;
  if (signals.oppositeDirection) factor *= 0.35;
  // The same figure and the same actor, but the thief in one is the one robbed in the other: as
  // different a fact as a different actor, and the shared words make it look like the same one.
  if (signals.roleConflict) factor *= 0.3;
  if (signals.stateConflict) factor *= 0.35;
  // A forecast that came true and the outcome are still two statements: the same figure, year and
  // actor make a forecast look like the outcome it predicted.
  if (signals.forecastMismatch) factor *= 0.45;
  // Milder than a year: "since January" and "in the year to October" can state one figure.
  if (signals.monthConflict) factor *= 0.5;
  // Two places told each on its own side are two events more often than one: a bit stronger than
  // months, since one event may be reported in two months but happens in one place.
  if (signals.placeConflict) factor *= 0.4;
  // The same figure of another quantity is a coincidence, like a share of different things.
  if (signals.measureConflict) factor *= 0.4;
  if (signals.undatedYearConflict) factor *= 0.4;
  // "37 detained since the trial opened" is a total that one day's 37 detentions only happen to equal.
  if (signals.tallyConflict) factor *= 0.4;
  // The same share of a sub-group and of the whole is a coincidence, like a share of different things.
  if (signals.subgroupMismatch) factor *= 0.4;
  // Varga's deputy is not Varga: as different an actor as another name, though the name is shared.
  if (signals.relativeConflict) factor *= 0.4;
  // "Liwa al-Ansar" is not "Liwa al-Anbar": as different an actor as another name, though half of it is shared.
  if (signals.similarNameConflict) factor *= 0.4;
  // Scaled so that 0.5 is the line between "the same claim" and "related": the raw mean rarely
  // reaches 1 even for two wordings of one fact, because outlets never share all their words.
  const score = Math.max(0, Math.min(1, 1.25 * raw * factor));

  const labels = new Map<string, string>();
  for (const e of [...left.entities, ...right.entities]) if (!labels.has(e.id)) labels.set(e.id, e.known ? entityLabel(e.id) : e.text);
  for (const e of [...left.entities, ...right.entities]) if (e.alias && !labels.has(e.alias)) labels.set(e.alias, e.text);
  const label = (id: string) => labels.get(id) ?? entityLabel(id);
  const parts: string[] = [];
  if (figures.matched.length) parts.push(`same figures ${figureText(figures.matched.map((p) => p.a))}`);
  if (years === 'same') parts.push(`same year ${list(left.years.filter((y) => right.years.includes(y)).map(String))}`);
  if (entities.shared.length) parts.push(`same actors ${list(entities.shared.map(label))}`);
  if (figures.conflicts.length) {
    parts.push(`different figures ${figures.conflicts.map((p) => `${formatQuantity(p.a)} vs ${formatQuantity(p.b)}`).join(', ')}`);
  }
  if (figures.rivals.length) parts.push(`a rival figure ${figureText(figures.rivals)}`);
  if (figuresApart) parts.push('figures count different things');
  if (sharesApart.length) parts.push(`shares of different things (${sharesApart[0].a.of!.join(' ')} vs ${sharesApart[0].b.of!.join(' ')})`);
  if (measures) parts.push(`different quantities (${measures.left} vs ${measures.right})`);
  if (undated) parts.push(`a year on one side only (${list(undated.map(String))}; the other's article is from ${(left.years.length ? right : left).articleYear})`);
  if (signals.tallyConflict) parts.push(`a running total vs one event (${left.tally === 'running' ? 'left' : 'right'} counts since a start)`);
  if (signals.subgroupMismatch) parts.push(`a sub-group on one side only (among ${left.subgroup ?? right.subgroup})`);
  if (relatives) parts.push(`different people (${label(relatives[0])} vs ${label(relatives[1])})`);
  if (similar) parts.push(`different names (${label(similar[0])} vs ${label(similar[1])})`);
  if (signals.yearConflict) parts.push(`different years ${list(left.years.map(String))} vs ${list(right.years.map(String))}`);
  if (entities.actorConflict) parts.push(`different actors ${list(entities.actorConflict.left.map(label))} vs ${list(entities.actorConflict.right.map(label))}`);
  if (signals.oppositeDirection) parts.push(`opposite direction (${left.directionWords[0]} vs ${right.directionWords[0]})`);
  if (roles?.kind === 'opposite') parts.push(`opposite roles (${label(roles.entity)} does it in one, has it done to it in the other)`);
  if (roles?.kind === 'doer') parts.push(`different doers ${label(roles.left)} vs ${label(roles.right)}`);
  if (states) parts.push(`opposite states (${states.left} vs ${states.right})`);
  if (signals.placeConflict) parts.push(`different places ${list((left.places ?? []).map(label))} vs ${list((right.places ?? []).map(label))}`);
  if (signals.monthConflict) parts.push(`different months ${list(left.months.map(monthName))} vs ${list(right.months.map(monthName))}`);
  if (signals.forecastMismatch) parts.push(`a forecast on one side only ("${left.forecast ?? right.forecast}")`);
  if (signals.negationMismatch) parts.push(`negated on one side only ("${(negL ? left : right).negations[0]}")`);
  if (oneSidedFigures && figures.compared === 0) parts.push('figures on one side only');
  if (wording.similarity >= 0.8) parts.push('same wording');
  else if (wording.similarity >= 0.45) parts.push(`shared wording (${wording.shared.slice(0, 4).join(', ')})`);
  else if (score >= MATCH_THRESHOLD) parts.push('paraphrase');
  else if (!parts.length) parts.push('little in common');
  return { score, reason: parts.join('; '), signals };
}
