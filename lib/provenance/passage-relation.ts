/**
 * What a proposed passage's wording hints about its relation to the claim, beyond sharing words with
 * it: the analyst's finding is *what the source says*, and three things an article drops or turns are
 * visible in the words themselves.
 * - **Weaker** (`partial`): the source hedges what the claim states flatly — an epistemic modal or an
 *   evidential ("may have contributed", "suggests that", "preliminary estimates", "suspected cases")
 *   or a ceiling on the figure ("up to 1,200 households") — and the hedge sits next to what the two
 *   share. A claim that hedges too ("may", "according to preliminary findings") gets no hint.
 * - **The opposite** (`contradicts`): one side negates something both name ("does not expect further
 *   increases" / "further rate rises are likely"), the other does not. Only a plain negator counts,
 *   its scope read to the end of its clause; a negated negative ("nothing prevents", "no reason to
 *   doubt") is affirmative, and a negation under a modal of obligation ("cannot keep hiding") asserts
 *   nothing about the fact.
 * - **A changed figure** (`misquoted`): the claim's exact figure, the passage's differs, none agrees.
 * A hint is a reason to read, shown with the proposal; telling the relation stays the analyst's.
 */
import type { ClaimFeatures, Quantity } from '@/lib/matching';
import { formatQuantity } from '@/lib/matching';
import { stemWord } from '@/lib/matching/matching-lexicon';
import { PASSAGE_LEXICON } from '@/lib/provenance/passage-lexicon';
import type { EvidenceRelation } from '@/lib/provenance/relations';
import { attribution, claimNamesSpeaker, claimSpeaker, witnessAccount } from '@/lib/provenance/source-attribution';
import { writesFigure, writtenFigures } from '@/lib/provenance/written-figures';

export type RelationHint = { suggests: Exclude<EvidenceRelation, 'supports' | 'not_found'>; caution: string };

/** Epistemic modals and evidentials: the writer does not assert the proposition as fact. Phrases are matched as word runs. */
const HEDGES = [
  'may', 'might', 'could', 'possibly', 'possible', 'perhaps', 'probably', 'likely', 'apparently', 'appears to', 'appear to', 'seems to', 'seem to',
  'suggest', 'suggests', 'suggested', 'suggesting', 'preliminary', 'provisional', 'provisionally', 'tentative', 'tentatively', 'unconfirmed', 'unverified',
  'alleged', 'allegedly', 'reportedly', 'suspected', 'believed to', 'thought to', 'not yet confirmed', 'not yet established',
  'expected to', 'is expected', 'are expected', 'is estimated', 'are estimated', 'was estimated', 'were estimated',
].map((h) => h.split(' '));
/**
 * Raising hedges ("appear to have been unable to see new arrivals", "is expected to deliver annual savings"):
 * the hedge governs the whole verb phrase after it, to the end of its clause, however long.
 */
const RAISING = new Set(['appears to', 'appear to', 'seems to', 'seem to', 'believed to', 'thought to', 'expected to']);
const RAISING_REACH = 12;
/** "subject to shareholder approval": a decision conditional on another's assent is not yet taken. */
const CONDITIONS = new Set(['approval', 'confirmation', 'ratification', 'consent', 'agreement', 'authorisation', 'authorization']);
/** Hedges that qualify only the noun phrase they stand in ("1,284 suspected cases, including 23 deaths"): they reach two words on, one back. */
const ATTRIBUTIVE = new Set(['suspected', 'alleged', 'unconfirmed', 'unverified', 'provisional', 'tentative', 'possible', 'likely', 'preliminary']);
const ATTRIBUTIVE_REACH = 4;
/** A claim hedged in its own words, beyond the list above, is no flat statement to weaken. */
const CLAIM_HEDGES = [...HEDGES, ...['according to preliminary', 'estimate', 'estimates', 'estimated', 'feared', 'expected to', 'projected', 'forecast'].map((h) => h.split(' '))];
/** Words either side of a hedge that it can govern. */
const HEDGE_REACH = 6;

const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', "n't", 'cannot', 'without']);
/**
 * Predicates negative in themselves: negating one ("nothing prevents", "no reason to doubt") affirms,
 * and one on the other side ("to suspend … the repayment of loans") answers a negation ("will not have
 * to repay loans"). Stems, as the lexicon's stemmer makes them.
 */
const NEGATIVE_PREDICATES = new Set(['prevent', 'preclud', 'stop', 'bar', 'prohibit', 'forbid', 'fail', 'lack', 'deni', 'deny', 'doubt', 'reject', 'refus', 'exclud', 'dismiss', 'unless', 'except', 'without', 'suspend', 'halt', 'cancel', 'waiv', 'exempt', 'absenc', 'absent', 'unabl']);
/** A negator under one of these (or "cannot") speaks of duty or ability, not of what is the case ("cannot keep hiding"). */
const DEONTIC = new Set(['must', 'should', 'shall', 'cannot', 'can', 'need']);
/** "not less than 30", "does not exceed 0.8 tonnes": a bound on a figure, not a denial ("not under control" is one). */
const COMPARATIVES = new Set(['less', 'more', 'fewer']);
const BOUND_WORDS = new Set(['exceed', 'exceeding', 'exceeds', 'surpass', 'over', 'under', 'below', 'above']);
const boundsAFigure = (ts: Token[], i: number) => {
  const after = ts[i + 1]?.lower ?? '';
  if (COMPARATIVES.has(after)) return ts[i + 2]?.lower === 'than';
  return BOUND_WORDS.has(after) && ts.slice(i + 2, i + 4).some((t) => t.term.startsWith('#'));
};
/**
 * Verbs of judging, expecting and showing: negating one denies its complement ("does not accept that the
 * Minister acted in bad faith", "does not expect further increases"). Any other negated predicate denies
 * only itself ("was not notified in advance of this training" does not deny the training).
 */
const JUDGING = new Set(['accept', 'expect', 'find', 'found', 'consid', 'believ', 'think', 'show', 'shown', 'establish', 'prove', 'proven', 'confirm', 'anticip', 'agre', 'conclud', 'see', 'regard', 'judg', 'foresee', 'intend', 'plan', 'awar', 'know']);
/** Words between a negator and its predicate: auxiliaries and adverbs. */
const AUXILIARIES = new Set(['be', 'been', 'being', 'have', 'has', 'had', 'do', 'does', 'did', 'yet', 'ever', 'always', 'necessarily', 'currently', 'now', 'so', 'as', 'any', 'a', 'an', 'the', 'to', 'evidence', 'sign', 'indication', 'reason', 'longer']);
const ADDITIVE = new Set(['only', 'just', 'merely', 'simply', 'solely']);
const CLAUSE_END = new Set([',', ';', ':', '.', '!', '?', 'but', 'whereas', 'while', 'although', 'though', 'and']);
/** Words a negator's scope may run to within its clause. */
const NEGATION_REACH = 8;

/** "undetected": a word whose prefix negates its base; the negation reaches the base alone. */
type Token = { text: string; lower: string; term: string; negatedBase?: true };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\d[\d,.]*\d|\d|\p{L}[\p{L}\p{M}'’-]*|[,;:.!?]/gu)) {
    let text_ = m[0];
    // "doesn't" → "does" + "n't": the negator is a word of its own.
    const contracted = /^(\p{L}+)n['’]t$/u.exec(text_);
    if (contracted && text_.toLowerCase() !== "can't") {
      out.push(token(contracted[1]!));
      text_ = "n't";
    } else if (text_.toLowerCase() === "can't" || text_.toLowerCase() === 'can’t') text_ = 'cannot';
    // "undetected", "unchanged", "unlawful": the prefix negates its base, as "not detected" would.
    const prefixed = /^un(?!der)(\p{L}{5,}(?:ed|able|ible|ful))$/iu.exec(text_);
    out.push(prefixed ? { ...token(prefixed[1]!), text: text_, negatedBase: true } : token(text_));
  }
  return out;
}

function token(text: string): Token {
  const lower = text.toLowerCase().replace(/['’]s$/u, '');
  if (/^\d/.test(lower)) return { text, lower, term: `#${lower.replace(/,/g, '')}` };
  const stem = stemWord(lower);
  return { text, lower, term: PASSAGE_LEXICON.concepts.get(lower) ?? PASSAGE_LEXICON.concepts.get(stem) ?? stem };
}

const runAt = (ts: Token[], at: number, run: string[]) => run.every((w, k) => ts[at + k]?.lower === w);

/** "13 May", "May 2025", "in May": a month, not a modal. */
const monthMay = (ts: Token[], at: number) => ts[at]!.text === 'May' && (at > 0 || /^\d/.test(ts[at + 1]?.text ?? ''));

function findHedges(ts: Token[], list: string[][]): Array<{ at: number; length: number }> {
  const found: Array<{ at: number; length: number }> = [];
  for (let i = 0; i < ts.length; i += 1) {
    const run = list.find((h) => runAt(ts, i, h));
    if (run && !(run.length === 1 && monthMay(ts, i))) found.push({ at: i, length: run.length });
  }
  return found;
}

/** An attributive hedge's reach: the figure before it and up to four words of its noun phrase, to a clause break. */
function nounPhrase(ts: Token[], at: number): Token[] {
  const out = ts.slice(Math.max(0, at - 1), at + 1);
  for (let j = at + 1; j < ts.length && j <= at + ATTRIBUTIVE_REACH && !CLAUSE_END.has(ts[j]!.lower); j += 1) {
    // "Preliminary estimates indicate that GDP contracted…": a hedged subject of a verb of showing hedges what it shows.
    if (SHOWING.has(ts[j]!.lower)) return ts.slice(Math.max(0, at - 1), j + HEDGE_REACH + 1);
    out.push(ts[j]!);
  }
  return out;
}
const SHOWING = new Set(['indicate', 'indicates', 'indicated', 'show', 'shows', 'showed', 'suggest', 'suggests', 'suggested', 'point', 'points']);

/** The passage's hedge that reaches something it shares with the claim, as the passage words it. */
function hedgeOnShared(passage: Token[], shared: Set<string>): string | null {
  for (const { at, length } of findHedges(passage, HEDGES)) {
    // "could not explain", "could never": a past inability is stated as fact, not hedged.
    if (passage[at]!.lower === 'could' && ['not', "n't", 'never'].includes(passage[at + 1]?.lower ?? '')) continue;
    const attributive = length === 1 && ATTRIBUTIVE.has(passage[at]!.lower) && /^\p{L}/u.test(passage[at + 1]?.text ?? '') && !['that', 'to'].includes(passage[at + 1]!.lower);
    // "with 286 suspected cases against 171": a hedge on how a count is classed weakens only a claim that gives the count.
    const counted = attributive && passage[at - 1]?.term.startsWith('#');
    if (counted && !shared.has(passage[at - 1]!.term)) continue;
    const raising = RAISING.has(passage.slice(at, at + length).map((t) => t.lower).join(' ')) || (passage[at + length]?.lower === 'to' && RAISING.has(`${passage[at + length - 1]!.lower} to`));
    const reachAfter = raising ? clauseLength(passage, at + length, RAISING_REACH) : HEDGE_REACH;
    const near = attributive ? nounPhrase(passage, at) : passage.slice(Math.max(0, at - HEDGE_REACH), at + length + reachAfter);
    if (near.some((t) => shared.has(t.term))) return phrase(passage, at, length);
  }
  for (let i = 0; i + 2 < passage.length; i += 1) {
    if (passage[i]!.lower !== 'subject' || passage[i + 1]!.lower !== 'to' || !passage.slice(i + 2, i + 5).some((t) => CONDITIONS.has(t.lower))) continue;
    if (passage.slice(Math.max(0, i - HEDGE_REACH), i).some((t) => shared.has(t.term))) return passage.slice(i, i + 2 + passage.slice(i + 2, i + 5).findIndex((t) => CONDITIONS.has(t.lower)) + 1).map((t) => t.text).join(' ');
  }
  return null;
}

/** Words from `from` to the clause's end, at most `max`. */
function clauseLength(ts: Token[], from: number, max: number): number {
  let n = 0;
  while (from + n < ts.length && n < max && !CLAUSE_END.has(ts[from + n]!.lower)) n += 1;
  return n;
}

const MODALS = new Set(['may', 'might', 'could']);

/** The hedge as the passage words it: a modal with its auxiliary and verb ("may have contributed"), other hedges as they stand. */
function phrase(ts: Token[], at: number, length: number): string {
  const words = ts.slice(at, at + length);
  if (length === 1 && MODALS.has(words[0]!.lower)) {
    for (let j = at + 1; j < ts.length && j <= at + 3 && /^\p{L}/u.test(ts[j]!.text); j += 1) {
      words.push(ts[j]!);
      if (!['have', 'be', 'been', 'not', 'be'].includes(ts[j]!.lower)) break;
    }
  }
  return words.map((t) => t.text).join(' ');
}

/**
 * The terms each plain negation of `ts` denies, with the negation's words: its predicate and the next two
 * words, and — when the predicate is a verb of judging, or the negator a determiner — the rest of the
 * clause. What the negation is said of is not denied ("two million people do not have enough to eat"
 * says nothing against the people). Negated negatives, bounds and obligations are left out.
 */
function negatedScopes(ts: Token[]): Array<{ terms: Set<string>; words: string }> {
  const scopes: Array<{ terms: Set<string>; words: string }> = [];
  for (let i = 0; i < ts.length; i += 1) {
    if (ts[i]!.negatedBase) scopes.push({ terms: new Set([ts[i]!.term]), words: ts[i]!.text });
    const negator = ts[i]!.lower;
    if (!NEGATORS.has(negator)) continue;
    const before = ts[i - 1]?.lower;
    if (negator === 'cannot' || (before && DEONTIC.has(before))) continue;
    const after = ts[i + 1]?.lower ?? '';
    // "not only … but also", "not just the drought" add; "not less than" bounds a figure.
    if ((negator === 'not' && ADDITIVE.has(after)) || boundsAFigure(ts, i)) continue;
    const clause: Token[] = [];
    for (let j = i + 1; j < ts.length && clause.length < NEGATION_REACH; j += 1) {
      if (CLAUSE_END.has(ts[j]!.lower)) break;
      clause.push(ts[j]!);
    }
    if (clause.some(isNegativePredicate)) continue;
    const head = clause.findIndex((t) => !AUXILIARIES.has(t.lower) && !PASSAGE_LEXICON.stopwords.has(t.lower));
    // A negative determiner ("none of the officers faced", "no notice was posted") denies its whole clause.
    const wholeClause = negator !== 'not' && negator !== "n't" && negator !== 'never';
    const reach = wholeClause ? clause : head === -1 ? [] : JUDGING.has(stemWord(clause[head]!.lower)) ? clause : clause.slice(0, head + 3);
    scopes.push({ terms: new Set(reach.map((t) => t.term)), words: [ts[i]!, ...clause.slice(0, Math.max(2, Math.min(head + 3, 5)))].map((t) => t.text).join(' ') });
  }
  return scopes;
}

const isNegativePredicate = (t: Token) => NEGATIVE_PREDICATES.has(t.term) || NEGATIVE_PREDICATES.has(stemWord(t.lower));

/** Whether a negative predicate stands within a few words of something both share ("suspend … the repayment of loans"). */
function negativeNearShared(ts: Token[], shared: Set<string>): boolean {
  return ts.some((t, i) => isNegativePredicate(t) && ts.slice(Math.max(0, i - 3), i + NEGATION_REACH + 1).some((u) => shared.has(u.term)));
}

/** A negation of one side whose scope holds something both share, when the other side negates none of it. */
function oneSidedNegation(claim: Token[], passage: Token[], shared: Set<string>): string | null {
  const onShared = (ts: Token[]) => negatedScopes(ts).filter((s) => [...s.terms].some((t) => shared.has(t)));
  const inClaim = onShared(claim);
  const inPassage = onShared(passage);
  if (inPassage.length && !inClaim.length && !negativeNearShared(claim, shared)) return inPassage[0]!.words;
  if (inClaim.length && !inPassage.length && !negativeNearShared(passage, shared)) return inClaim[0]!.words;
  return null;
}

const isExact = (q: Quantity) => q.qualifier === 'exact' && q.lo === q.hi;

/**
 * "rose 6%" for the source's 6.1 %, "£1.84bn" for £1,842 million: the claim writes the source's figure
 * rounded to the claim's own precision (its decimals, at its own scale), as news copy does — no misquote.
 */
export function roundsTo(claim: Quantity, source: Quantity): boolean {
  const written = /\d[\d,]*(?:\.(\d+))?/u.exec(claim.text);
  if (!written || source.lo !== source.hi) return false;
  const shown = Number(written[0].replace(/,/g, ''));
  if (!(shown > 0) || !(claim.lo > 0)) return false;
  const scale = claim.lo / shown;
  const decimals = written[1]?.length ?? 0;
  const rounded = Math.round((source.lo / scale) * 10 ** decimals) / 10 ** decimals;
  return Math.abs(rounded - shown) < 1e-9 * Math.max(1, shown) && claim.lo !== source.lo;
}
const rounding = (p: { claim: Quantity; source: Quantity }) => roundsTo(p.claim, p.source);

/**
 * "reduce the population … to no more than 1,500", "limit … to at most": a ceiling that is the goal of
 * a verb of reducing or limiting is the target itself, not a hedge on a measured figure.
 */
const REDUCING = /\b(?:reduc\w*|cut\w*|lower\w*|limit\w*|cap|capp\w*|bring\w*\s+down|brought\s+down|restrict\w*)\b[^.;:!?]{0,60}?\b(?:to|at)\s*$/iu;
const ceilingIsTarget = (passageText: string, q: Quantity) => {
  const at = passageText.indexOf(q.text.trim());
  return at > 0 && REDUCING.test(passageText.slice(0, at));
};

/**
 * The relation other than `supports` the passage's words point to, and why, in the analyst's terms;
 * null when they point to none. `sharedTerms` are the content terms (concept names or stems) both
 * sides have; `figures` the claim's figure pairs the scorer made.
 */
export function relationHint(
  claimText: string,
  passageText: string,
  claim: ClaimFeatures,
  figures: { agreeing: Array<{ claim: Quantity; source: Quantity }>; differing: Array<{ claim: Quantity; source: Quantity }> },
  sharedTerms: string[],
  { voices }: { voices?: ReadonlySet<string> } = {},
): RelationHint | null {
  const claimTokens = tokens(claimText);
  const passageTokens = tokens(passageText);
  const agreeingFigures = figures.agreeing.filter((p) => !(isExact(p.claim) && isExact(p.source) && p.claim.lo !== p.source.lo) || rounding(p));
  const changed = [...figures.differing, ...figures.agreeing.filter((p) => !agreeingFigures.includes(p))].filter((p) => isExact(p.claim) && !rounding(p));
  if (changed.length && !agreeingFigures.length) {
    const [p] = changed;
    return { suggests: 'misquoted', caution: `its figure differs (${formatQuantity(p!.claim)} vs ${formatQuantity(p!.source)})` };
  }
  const changedCount = oneCountChanged(claimText, passageText, figures.agreeing);
  if (changedCount) return { suggests: 'misquoted', caution: `its figure differs (${changedCount.claim} vs ${changedCount.passage})` };

  // "founded in 1989" / "founded in 1998": a year is no figure to the scorer, but a changed one is a misquote
  // when the claim dates one thing, the passage dates it once, differently, and they share what is dated.
  const passageYears = [...new Set([...passageText.matchAll(/\b(1[89]\d\d|20\d\d)\b/g)].map((m) => Number(m[1])))];
  if (claim.years.length === 1 && passageYears.length === 1 && passageYears[0] !== claim.years[0] && sharedTerms.length > 0 && !figures.differing.length) {
    return { suggests: 'misquoted', caution: `its year differs (${claim.years[0]} vs ${passageYears[0]})` };
  }

  // The scorer's shared terms, and the words both write alike once a negating prefix is read apart ("undetected" / "not be detected").
  const passageTerms = new Set(passageTokens.filter((t) => !PASSAGE_LEXICON.stopwords.has(t.lower) && /^\p{L}/u.test(t.text)).map((t) => t.term));
  const shared = new Set([...sharedTerms, ...claimTokens.filter((t) => t.negatedBase && passageTerms.has(t.term)).map((t) => t.term)]);
  for (const p of agreeingFigures) for (const t of tokens(p.source.text)) if (t.term.startsWith('#')) shared.add(t.term);
  const negated = oneSidedNegation(claimTokens, passageTokens, shared) ?? admittedAgainstDenied(claimTokens, passageTokens, shared);
  if (negated) return { suggests: 'contradicts', caution: `it may say the opposite (“${negated}”)` };

  if (findHedges(claimTokens, CLAIM_HEDGES).length === 0) {
    // "not less than 2.5 million" is a floor, though read as "less than": the negator before it turns it.
    const negatedBound = (q: Quantity) => new RegExp(String.raw`\b(?:not|no)\s+${q.text.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu').test(passageText);
    const ceiling = agreeingFigures.find((p) => p.source.qualifier === 'atMost' && p.claim.qualifier !== 'atMost' && !negatedBound(p.source) && !ceilingIsTarget(passageText, p.source));
    if (ceiling) return { suggests: 'partial', caution: `the source gives its figure as a ceiling (“${ceiling.source.text.trim()}”)` };
    const hedge = hedgeOnShared(passageTokens, shared);
    if (hedge) return { suggests: 'partial', caution: `the source says it more tentatively (“${hedge}”)` };
    const said = attribution(passageText, voices);
    // What is attributed must hold what the claim says: a word both share, or a figure they agree on ("up to a third").
    const saysIt = said && (tokens(said.complement).some((t) => shared.has(t.term)) || agreeingFigures.some((p) => said.complement.includes(p.source.text.trim())));
    if (said && saysIt && !claimNamesSpeaker(claimText, said.speaker)) {
      return { suggests: 'partial', caution: said.speaker === 'information' ? 'the source only received information of it' : `the source attributes this to ${said.speaker}` };
    }
    // "The UN found that the protesters had been unarmed" / "Witnesses interviewed by OHCHR consistently stated that …":
    // only a claim that names its own speaker gives the witnesses' account as someone's finding.
    const told = said ? null : witnessAccount(passageText);
    if (told && claimSpeaker(claimText) && !claimNamesSpeaker(claimText, told.speaker) && tokens(told.complement).some((t) => shared.has(t.term))) {
      return { suggests: 'partial', caution: `the source relays it from ${told.speaker}` };
    }
  }
  return null;
}

/**
 * "Nine journalists were arrested, and four are still behind bars" / "Nine journalists were detained …, and two
 * of them remain in custody": the claim keeps every figure of the passage but one, which it writes differently,
 * and the passage has exactly one figure of that kind the claim does not write. A hedged figure of the claim's
 * ("about 60") is no exact one to change, but it accounts for the passage's figure the matcher agreed it with.
 */
function oneCountChanged(claimText: string, passageText: string, agreeing: Array<{ claim: Quantity; source: Quantity }>): { claim: string; passage: string } | null {
  const claimFigures = writtenFigures(claimText);
  const passageFigures = writtenFigures(passageText);
  const agreed = (f: ReturnType<typeof writtenFigures>[number], side: 'claim' | 'source') =>
    agreeing.some((p) => f.value >= p[side].lo - 1e-9 && f.value <= p[side].hi + 1e-9 && (f.value === p[side].lo || f.value === p[side].hi));
  const unmatchedClaim = claimFigures.filter((c) => !passageFigures.some((p) => writesFigure(c, p)) && !agreed(c, 'claim'));
  const unmatchedPassage = passageFigures.filter((p) => !claimFigures.some((c) => writesFigure(c, p)) && !agreed(p, 'source'));
  if (unmatchedClaim.length !== 1 || unmatchedPassage.length !== 1) return null;
  const [c] = unmatchedClaim;
  const [p] = unmatchedPassage;
  if (c!.hedged || p!.hedged || c!.kind !== p!.kind) return null;
  // "three counties" / "60 days": each counts a thing it names, and they are not one thing.
  const counted = (word: string | null) => (word && !PASSAGE_LEXICON.stopwords.has(word) ? token(word).term : null);
  const [mine, theirs] = [counted(c!.next), counted(p!.next)];
  if (mine && theirs && mine !== theirs) return null;
  return { claim: c!.text, passage: p!.text };
}

/** "has admitted buying gold" / "denied buying gold": one side concedes what the other denies, on something both name. */
const CONCEDING = new Set(['admit', 'acknowledg', 'confirm', 'conced', 'accept']);
const DENYING = new Set(['deni', 'reject', 'refut', 'disput', 'contest', 'rebut']);
/** Asking for something against refusing it, on something both name. */
const ASKING = new Set(['request', 'seek', 'sought', 'ask', 'appeal']);
const REFUSING = new Set(['refus', 'declin', 'reject', 'rebuff', 'spurn']);
function admittedAgainstDenied(claim: Token[], passage: Token[], shared: Set<string>): string | null {
  const verbAt = (ts: Token[], verbs: Set<string>) =>
    ts.findIndex((t, i) => verbs.has(stemWord(t.lower)) && !NEGATORS.has(ts[i - 1]?.lower ?? '') && ts.slice(i + 1, i + 1 + HEDGE_REACH).some((u) => shared.has(u.term)));
  for (const [a, b] of [[claim, passage], [passage, claim]] as const) {
    const conceded = verbAt(a, CONCEDING);
    const denied = verbAt(b, DENYING);
    if (conceded >= 0 && denied >= 0) return b.slice(denied, denied + 4).map((t) => t.text).join(' ');
    // "has requested international assistance" / "has refused international help".
    const asked = verbAt(a, ASKING);
    const refused = verbAt(b, REFUSING);
    // The caution quotes the source's words, whichever side asks.
    if (asked >= 0 && refused >= 0) return (b === passage ? b.slice(refused, refused + 4) : a.slice(asked, asked + 4)).map((t) => t.text).join(' ');
  }
  return null;
}

