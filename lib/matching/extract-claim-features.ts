/**
 * Everything the matcher compares, read off one claim's text: entities (canonical ids), figures,
 * years, the content words (stemmed, synonyms folded into concepts), and the cues that flip a
 * claim's meaning (a negation; a direction such as "rose" or "fell").
 */
import { ENTITY_TABLE, type EntityTable } from './entity-variants';
import { findEventStates, type EventStates } from './find-event-states';
import { findDescribedBodies, findKnownEntities, findUnknownNames, type EntityMention } from './find-entities';
import { findMeasures, type Measures } from './find-measures';
import { findPhraseConcepts } from './find-phrase-concepts';
import { findQuantities, type Quantity } from './find-quantities';
import { findRoles, type EventRole } from './find-roles';
import { foldText } from './fold-text';
import { MATCHING_LEXICON, stemWord, type MatchingLexicon } from './matching-lexicon';
import { tokenizeClaim, type Token } from './tokenize-claim';

export type Direction = 'up' | 'down' | null;

export type ClaimFeatures = {
  entities: EntityMention[];
  /** Distinct entity ids, in order of first mention. */
  entityIds: string[];
  quantities: Quantity[];
  /** Lengths of time ("nine years", "a 12-year term"): compared only when both claims state one. */
  durations: Quantity[];
  /** Lengths of time dating the claim against another event ("four hours after the first call"): compared only with another offset. */
  offsets?: Quantity[];
  /** Distinct years mentioned (a span such as 2024-25 lists each year). */
  years: number[];
  /** Content terms: concept names ("militant") or stems ("sanction"), distinct. */
  terms: string[];
  /** The negation words found ("not", "denied"), empty when the claim is affirmative. */
  negations: string[];
  direction: Direction;
  /** The words behind `direction`, for reasons. */
  directionWords: string[];
  /** Entity id → whether the claim has it do the deed or suffer it, where the syntax says so plainly. */
  roles: Record<string, EventRole>;
  /** Events the claim reports in one of two opposite states (agreed / collapsed), by axis. */
  states: EventStates;
  /** Months the claim names (1..12), read only from capitalised words inside a sentence ("in October"; not "May" opening one). */
  months: number[];
  /** The word that makes the claim a forecast ("expects", "had forecast"), or null for an outcome. */
  forecast: string | null;
  /** What its figures measure and of what ("water tariffs" → price: [water]). */
  measures: Measures;
  /** Years it counts from ("since 2024"): they date a start, not the event the claim reports. */
  startYears: number[];
  /**
   * Whether its figure is a running total ("have detained 37 people since the trial opened") or one
   * event told in the past ("police detained 37 people after clashes"); null when the text does not say.
   */
  tally?: 'running' | 'event' | null;
  /** The claim opens with a personal pronoun ("She was acquitted"): it speaks of someone it does not name. */
  pronoun?: boolean;
  /** The people a share is told of ("among voters under 30, the CRP won 18%"): a sub-group, not the whole. */
  subgroup?: string | null;
  /**
   * A year told relative to the article's date: 0 for "this year" ("so far this year"), -1 for "last
   * year"; null when the claim says neither. It dates an undated claim exactly, not "about then".
   */
  relativeYear?: 0 | -1 | null;
  /** Entity ids named right after "in" ("police in Vessany", "detained in Port Selby"): where the event took place. */
  places?: string[];
  /**
   * The year of the article the claim is in, where the caller knows it: an undated claim speaks of
   * about then. Not read from the text, not stored with the features.
   */
  articleYear?: number | null;
};

export type FeatureOptions = { lexicon?: MatchingLexicon; entities?: EntityTable };

// Set phrases whose "not"/"no" does not negate the claim.
const NOT_NEGATING: string[][] = [
  ['not', 'only'],
  ['not', 'just'],
  ['not', 'least'],
  ['no', 'doubt'],
  ['no', 'longer'],
  ['without', 'doubt'],
  ['no', 'less'],
  ['no', 'fewer'],
  ['no', 'more'],
  ['not', 'more'],
  // "not less than 30 homes" is a bound (at least 30), not a denial.
  ['not', 'less'],
  ['not', 'fewer'],
];

const FAILING = new Set(['fail', 'fails', 'failed', 'failing']);
// "asked for $5m" and "asked the court to" are demands; "asked about" or "asked whether" is a question put.
const ASKING = new Set(['asked', 'asks', 'asking']);
const QUESTIONS = new Set(['about', 'whether', 'if', 'why', 'how', 'what', 'when']);
// A demand or a party's own claim read with the word after it: "appealed for $45m" and "called for" are
// demands, "claims to hold" and "claimed to have" a claim, but "appealed the verdict" is a deed, "claims"
// alone attribution or a noun, and "claimed responsibility" the deed done.
const UNREALISED_BEFORE = new Map([
  ...['appeal', 'appeals', 'appealed', 'appealing', 'call', 'calls', 'called', 'calling'].map((w) => [w, 'for'] as const),
  ...['claim', 'claims', 'claimed'].map((w) => [w, 'to'] as const),
]);
// Words before "call" that make it a telephone call ("an emergency call for help"), not a call for something.
const PHONE_CALLS = new Set(['emergency', 'distress', 'phone', 'telephone', 'mayday', 'radio', 'first', '999', '911', '112']);
// Verbs that would make ", not …" a clause of its own ("…, not all of which were paid").
const CLAUSE_VERBS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'will', 'would', 'can', 'could']);

/**
 * A corrective "not" after a comma, closing the sentence with a short phrase: "the deal bought patrol
 * boats, not safety", "6,000 fighters, not 4,000". It sets the claim against another, and asserts it.
 */
function contrastive(tokens: Token[], at: number): boolean {
  if (tokens[at].lower !== 'not' || tokens[at - 1]?.text !== ',') return false;
  const rest: Token[] = [];
  for (let k = at + 1; k < tokens.length && !(tokens[k].kind === 'sym' && /^[.,;:!?]$/.test(tokens[k].text)); k += 1) rest.push(tokens[k]);
  return rest.length > 0 && rest.length <= 4 && !rest.some((t) => CLAUSE_VERBS.has(t.lower));
}

/** "so far this year", "earlier this year" → 0; "last year", "last year's" → -1; else null. */
function relativeYearOf(tokens: Token[]): 0 | -1 | null {
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const next = tokens[i + 1].lower;
    if (next !== 'year' && next !== "year's") continue;
    if (tokens[i].lower === 'this') return 0;
    if (tokens[i].lower === 'last') return -1;
  }
  return null;
}

// Words that make a figure a total to date, like a "since" span.
const TO_DATE = new Set(['has', 'have', "'ve", 'far', 'altogether', 'cumulative', 'cumulatively', 'overall', 'total']);
const SIMPLE_PAST = new Set(['was', 'were']);
const OPENING_PRONOUNS = new Set(['she', 'he', 'they', 'her', 'his', 'their']);
const SPANS = new Set(['between', 'during', 'throughout', 'over', 'annual', 'annually', 'monthly', 'weekly', 'per', 'every']);
const AMONG_SKIP = new Set(['the', 'a', 'an', 'all', 'its', 'their', 'those', 'these']);

/**
 * A running total opens a span with "since" outside a relative clause ("37 detained since the trial
 * opened"); one event is told in the simple past with no span, perfect or total ("detained 37 after
 * clashes", "37 protesters were detained"). A claim without a figure tells neither.
 */
function tallyOf(tokens: Token[], consumed: Set<number>, hasFigure: boolean, dated: boolean, lexicon: MatchingLexicon): 'running' | 'event' | null {
  if (!hasFigure) return null;
  const since = tokens.findIndex((t, i) => t.lower === 'since' && !inRelativeClause(tokens, i));
  if (since >= 0) return 'running';
  // A year, a month or a span ("in 2023", "between January and March") makes a figure a period's total, not one event's.
  if (dated || tokens.some((t) => t.lower === 'since' || SPANS.has(t.lower) || TO_DATE.has(t.lower) || (t.lower === 'date' && tokens[t.index - 1]?.lower === 'to'))) return null;
  const past = tokens.some(
    (t, i) => t.kind === 'word' && !consumed.has(i) && !lexicon.reportingWords.has(t.lower) && (SIMPLE_PAST.has(t.lower) || (/^[a-z]{3,}ed$/.test(t.lower) && !t.sentenceStart)),
  );
  return past ? 'event' : null;
}

/** The word after "among" in a claim stating a share ("among voters under 30" → voter), skipping "among them". */
function subgroupOf(tokens: Token[], hasShare: boolean, lexicon: MatchingLexicon): string | null {
  if (!hasShare) return null;
  for (let i = 0; i < tokens.length; i += 1) {
    if (tokens[i].lower !== 'among' && tokens[i].lower !== 'amongst') continue;
    let k = i + 1;
    while (tokens[k] && AMONG_SKIP.has(tokens[k].lower)) k += 1;
    const t = tokens[k];
    if (!t || t.kind !== 'word' || ['them', 'us', 'others', 'other'].includes(t.lower)) continue;
    return lexicon.concepts.get(t.lower) ?? stemWord(t.lower);
  }
  return null;
}

// "a 12% rise on the same period of 2025", "compared with 2025", "higher than in 2025": the year an
// event is measured against, not the year it happened in.
// Not "more than 2,000 fighters in 2023": the words must lead straight to the year.
function comparisonBase(tokens: Token[], at: number): boolean {
  const w = (k: number) => tokens[at - k]?.lower ?? '';
  const skip = w(1) === 'in' || w(1) === 'of' ? 1 : 0;
  const lead = [w(1 + skip), w(2 + skip), w(3 + skip)];
  if (lead[0] === 'than') return true;
  if ((lead[0] === 'with' || lead[0] === 'to') && lead[1] === 'compared') return true;
  return w(1) === 'of' && lead[0] === 'period' && lead[1] === 'same';
}

/** Is token `at` inside ", who … ," or ", which … ," (a relative clause between commas, or to the end)? */
function inRelativeClause(tokens: Token[], at: number): boolean {
  for (let k = at - 1; k > 0; k -= 1) {
    if (tokens[k].text === ',') return false;
    if ((tokens[k].lower === 'who' || tokens[k].lower === 'which') && tokens[k - 1].text === ',') return true;
  }
  return false;
}

// "Police are holding three men", "is holding a 34-year-old woman": custody, the arrest step, told by
// "holding" with people as its object ("are holding talks" holds no one).
const HOLDING = new Set(['holding', 'hold', 'holds']);
const HOLDING_BEFORE = new Set(['are', 'is', 'were', 'was', 'still', 'now', 'police', 'authorities']);
const HELD_PEOPLE = new Set(['man', 'men', 'woman', 'women', 'suspect', 'suspects', 'people', 'person', 'persons', 'boy', 'boys', 'girl', 'girls', 'brothers', 'teenager', 'teenagers', 'youths', 'hostage', 'hostages']);

/** The token index of "holding" when it holds people in custody, else null. */
function holdingPeople(tokens: Token[]): number | null {
  for (let i = 1; i < tokens.length; i += 1) {
    if (!HOLDING.has(tokens[i].lower) || !HOLDING_BEFORE.has(tokens[i - 1].lower)) continue;
    for (let k = i + 1; k < Math.min(tokens.length, i + 8); k += 1) {
      if (HELD_PEOPLE.has(tokens[k].lower)) return i;
      if (tokens[k].kind === 'sym' && tokens[k].text !== '-') break;
    }
  }
  return null;
}

// People a possessive name stands in a relation to: "Haskett's deputy resigned" is not "Haskett resigned".
// (A body — "Kader's party", "Khan's government" — speaks for its leader, and stays the leader's name.)
const RELATIVES = new Set([
  'deputy', 'deputies', 'wife', 'husband', 'widow', 'son', 'sons', 'daughter', 'daughters', 'brother', 'brothers', 'sister', 'sisters',
  'father', 'mother', 'parents', 'nephew', 'niece', 'cousin', 'predecessor', 'successor', 'aide', 'aides', 'adviser', 'advisers',
  'advisor', 'advisors', 'assistant', 'bodyguard', 'bodyguards', 'driver', 'rival', 'rivals', 'opponent', 'opponents', 'challenger',
]);
const RELATIVE_FILLERS = new Set(['former', 'own', 'top', 'senior', 'chief', 'then', 'late', 'eldest', 'youngest', 'elder', 'younger']);

// Who speaks for a person or a body: "Morrow's spokesman said the review had begun" is Morrow's word, but
// "Morrow's spokesman resigned" is the spokesman's own deed, another person's.
const SPEAKERS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'spokespeople', 'spokespersons']);

/** The word after a speaker ("Morrow's spokesman, Adrian Solk, said"), past a name between commas. */
function speakerVerb(tokens: Token[], at: number): Token | undefined {
  let k = at;
  if (tokens[k]?.text === ',') {
    const close = tokens.findIndex((t, j) => j > k && j <= k + 6 && t.text === ',');
    if (close < 0) return undefined;
    k = close + 1;
  }
  return tokens[k];
}

/**
 * "Haskett's deputy": a mention of the deputy (`rel:deputy:<Haskett's id>`), another person than Haskett.
 * A spokesman is another person only when the sentence tells his own deed, not what he said.
 */
function relativeOf(e: EntityMention, tokens: Token[], lexicon: MatchingLexicon): EntityMention {
  const last = tokens.find((t) => t.start < e.end && t.end >= e.end);
  if (!last || !/'s$/i.test(last.text) || e.id.startsWith('desc:')) return e;
  let k = last.index + 1;
  while (tokens[k]?.kind === 'word' && RELATIVE_FILLERS.has(tokens[k].lower)) k += 1;
  const noun = tokens[k];
  if (!noun || noun.kind !== 'word') return e;
  if (SPEAKERS.has(noun.lower)) {
    const verb = speakerVerb(tokens, noun.index + 1);
    if (!verb || lexicon.reportingWords.has(verb.lower)) return e;
  } else if (!RELATIVES.has(noun.lower)) return e;
  const role = stemWord(noun.lower);
  return { id: `rel:${role}:${e.id}`, start: e.start, end: noun.end, text: `${e.text.replace(/'s$/i, '')}'s ${noun.text}`, known: false };
}

export function extractClaimFeatures(text: string, options: FeatureOptions = {}): ClaimFeatures {
  const lexicon = options.lexicon ?? MATCHING_LEXICON;
  const folded = foldText(text);
  const tokens = tokenizeClaim(folded);
  const known = findKnownEntities(folded, options.entities ?? ENTITY_TABLE);
  const inKnown = (t: { start: number; end: number }) => known.some((e) => t.start < e.end && t.end > e.start);
  const names = findUnknownNames(tokens, inKnown, lexicon);
  // A tentative name ("Velk had fallen") keeps its word for the wording and the figures too.
  const sure = [...known, ...names.filter((n) => !n.tentative)];
  const inEntity = (t: { start: number; end: number }) => sure.some((e) => t.start < e.end && t.end > e.start);
  const { quantities, durations, offsets, consumed } = findQuantities(folded, tokens, inEntity, lexicon);
  const inFigure = (e: EntityMention) => tokens.some((t) => consumed.has(t.index) && t.start < e.end && t.end > e.start);
  // A country's name inside a figure ("five million US dollars", "US$20m") is its currency, not an actor.
  const currencyCountry = (e: EntityMention) => e.known && inFigure(e);
  const entities = [...sure.filter((e) => !currencyCountry(e)), ...names.filter((n) => n.tentative && !inFigure(n)), ...findDescribedBodies(tokens, lexicon)]
    .map((e) => relativeOf(e, tokens, lexicon))
    .sort((a, b) => a.start - b.start);

  const years = new Set<number>();
  const startYears = new Set<number>();
  for (const q of quantities) {
    if (q.kind !== 'year') continue;
    const at = tokens.findIndex((t) => t.start === q.start);
    // "since 2024" dates a start; "Dovan, who ran the ministry from 2019 to 2023, was jailed" dates
    // the person's past, told in a relative clause, not the event the claim reports.
    const since = at > 0 && (tokens[at - 1].lower === 'since' || inRelativeClause(tokens, at) || comparisonBase(tokens, at));
    for (let y = q.lo; y <= q.hi && y - q.lo < 20; y += 1) {
      years.add(y);
      if (since) startYears.add(y);
    }
  }

  const phrases = findPhraseConcepts(tokens, lexicon);
  const holding = holdingPeople(tokens);
  if (holding !== null) {
    phrases.concepts.push('arrest');
    phrases.tokens.add(holding);
  }

  const months = new Set<number>();
  for (const t of tokens) {
    const month = t.kind === 'word' && !t.sentenceStart && /^\p{Lu}/u.test(t.text) ? lexicon.months.get(t.lower) : undefined;
    if (month) months.add(month);
  }
  const negations: string[] = [];
  let forecast: string | null = null;
  const cues: { word: string; polarity: 'up' | 'down'; at: number }[] = [];
  const terms = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.kind !== 'word' || consumed.has(i) || phrases.tokens.has(i)) return;
    const lower = t.lower;
    if (!forecast && lexicon.forecasts.has(lower) && !(ASKING.has(lower) && QUESTIONS.has(tokens[i + 1]?.lower ?? ''))) forecast = lower;
    // "are to be released", "is to open": a plan, like "will".
    if (!forecast && (lower === 'is' || lower === 'are') && tokens[i + 1]?.lower === 'to' && tokens[i + 2]?.kind === 'word') forecast = `${lower} to`;
    // "appealed for $45m", "claims to hold": a demand or a party's claim, not the deed itself.
    // "the first emergency call for the evacuation" is a telephone call, no demand.
    const phoneCall = PHONE_CALLS.has(tokens[i - 1]?.lower ?? '');
    if (!forecast && !phoneCall && UNREALISED_BEFORE.get(lower) === tokens[i + 1]?.lower && tokens[i + 2] !== undefined) forecast = `${lower} ${tokens[i + 1]?.lower}`;
    // "failed to reach" negates; "the failed rains" does not.
    const failing = FAILING.has(lower) && tokens[i + 1]?.lower !== 'to';
    const negating = !failing && (lexicon.negations.has(lower) || lower.endsWith("n't"));
    if (negating && !contrastive(tokens, i) && !NOT_NEGATING.some((p) => p[0] === lower && tokens[i + 1]?.lower === p[1]) && !NOT_NEGATING.some((p) => p[1] === lower && tokens[i - 1]?.lower === p[0])) {
      negations.push(lower);
    }
    // "driven down", "up 12%" are directions; "dried up", "shut down", "set up" are other verbs.
    const particle = (lower === 'up' || lower === 'down') && lexicon.phrasalVerbs.has(tokens[i - 1]?.lower ?? '');
    if (!particle && lexicon.up.has(lower)) cues.push({ word: lower, polarity: 'up', at: t.start });
    else if (!particle && lexicon.down.has(lower)) cues.push({ word: lower, polarity: 'down', at: t.start });
    if (inEntity(t) || lower.length < 2 || lexicon.stopwords.has(lower) || lexicon.reportingWords.has(lower)) return;
    const stem = stemWord(lower);
    const concept = lexicon.concepts.get(lower) ?? lexicon.concepts.get(stem);
    // "not" and "never" only flip the claim; "denied" and "rejected" also say what happened.
    if (negating && !concept) return;
    terms.add(concept ?? stem);
    const also = lexicon.alsoConcepts.get(lower);
    if (also) terms.add(also);
  });
  for (const c of phrases.concepts) terms.add(c);
  // The claim's direction is the cue nearest its first figure ("deaths fell by 12%, even as attacks
  // rose" is about a fall), or the first cue when it states no figure.
  const figure = quantities.find((q) => q.kind !== 'year');
  const lead = figure
    ? cues.reduce<(typeof cues)[number] | null>((best, c) => (!best || Math.abs(c.at - figure.start) < Math.abs(best.at - figure.start) ? c : best), null)
    : (cues[0] ?? null);
  const direction: Direction = lead?.polarity ?? null;
  return {
    entities,
    entityIds: [...new Set(entities.map((e) => e.id))],
    quantities: quantities.filter((q) => q.kind !== 'year'),
    durations,
    offsets,
    years: [...years].sort((a, b) => a - b),
    terms: [...terms],
    negations,
    direction,
    directionWords: lead ? [lead.word] : [],
    roles: findRoles(tokens, entities, lexicon),
    states: findEventStates(tokens, (t) => consumed.has(t.index) || phrases.tokens.has(t.index) || inEntity(t), lexicon, phrases.concepts),
    months: [...months].sort((a, b) => a - b),
    forecast,
    measures: findMeasures(tokens, (t) => consumed.has(t.index) || phrases.tokens.has(t.index) || inEntity(t), lexicon, phrases.concepts),
    startYears: [...startYears].sort((a, b) => a - b),
    tally: tallyOf(tokens, consumed, quantities.some((q) => q.kind === 'count' || q.kind === 'money'), years.size > 0 || months.size > 0, lexicon),
    pronoun: OPENING_PRONOUNS.has(tokens.find((t) => t.kind === 'word')?.lower ?? ''),
    subgroup: subgroupOf(tokens, quantities.some((q) => q.kind === 'percent'), lexicon),
    relativeYear: relativeYearOf(tokens),
    places: [...new Set(entities.filter((e) => tokens[tokens.findIndex((t) => t.start === e.start) - 1]?.lower === 'in').map((e) => e.id))],
  };
}
