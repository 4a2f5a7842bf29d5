/**
 * "Find the passage for me": the sentences of a source most likely to be where a claim comes from,
 * scored with claim matching's own reading of text (lib/matching: figures as intervals, named
 * entities by canonical id, content terms stemmed and folded into concepts), so "6,000 fighters"
 * meets "an estimated 6,000 to 6,500 fighters". Unlike claim matching, a passage that disagrees
 * on a figure is still proposed (lower): finding the passage an article misquotes is the point.
 * It also reads more loosely: paraphrases fold wider (passage-lexicon), the source's acronyms
 * stand for their long forms on both sides, a list item is read with the words introducing it, a
 * figure counting something the matcher classes differently ("19 dock workers", "Nineteen port
 * employees") still counts some, and a heading or table row weighs less than a sentence.
 * Pure and deterministic: same claim and text, same proposals in the same order.
 */
import { compareEntities, compareFigures, entityLabel, extractClaimFeatures, figureInterval, figuresAgree, formatQuantity, wordingSimilarity, type ClaimFeatures, type Quantity } from '@/lib/matching';
import { peopleAgainstFate } from '@/lib/matching/compare-figures';
import { stemWord } from '@/lib/matching/matching-lexicon';
import { PASSAGE_LEXICON } from '@/lib/provenance/passage-lexicon';
import { relationHint } from '@/lib/provenance/passage-relation';
import { claimSpeaker, sourceVoices, speakerTerms } from '@/lib/provenance/source-attribution';
import type { EvidenceRelation } from '@/lib/provenance/relations';

export { claimSpeaker };
import { clockTimes, documentAliases, featureText } from '@/lib/provenance/passage-text';
import { sourceSentences, type SourceSentence } from '@/lib/provenance/source-sentences';
import { namesRatherThanCounts } from '@/lib/provenance/written-figures';

export type PassageProposal = {
  start: number;
  end: number;
  exact: string;
  score: number;
  reason: string;
  /**
   * The passage shares too little with the claim to stand for it: on the labelled sets every claim
   * the source does not say got a best proposal like this, and about one right passage in eight.
   * A reason to read before linking (or to mark "not found"), not a finding.
   */
  weak: boolean;
  /**
   * Why to read it before linking: why it is weak ("only a name in common") and/or what its wording
   * hints ("the source says it more tentatively (“may have contributed”)"); null when neither.
   */
  caution: string | null;
  /**
   * The relation other than `supports` the passage's wording points to (lib/provenance/passage-relation.ts):
   * `partial` when it hedges what the claim states, `contradicts` when one side negates what both name,
   * `misquoted` when the claim's exact figure differs; null when it points to none.
   */
  suggests: EvidenceRelation | null;
};

export const PROPOSAL_LIMIT = 5;
/** Below this a sentence shares too little with the claim to be worth a click. */
export const MIN_PROPOSAL_SCORE = 0.1;

const WEIGHTS = { wording: 0.4, entities: 0.3, figures: 0.3, years: 0.1 } as const;
/** A figure the passage states differently (same unit) still counts this much of an agreeing one. */
const CONFLICTING_FIGURE_CREDIT = 0.4;
/** A figure that agrees only once what it counts is ignored counts this much of an agreeing one. */
const UNIT_BLIND_FIGURE_CREDIT = 0.6;
/** A title, heading or table row is rarely the passage an analyst cites. */
const HEADING_FACTOR = 0.8;
/**
 * An actor or place named earlier in the sentence's paragraph ("The Coastal Front remains… Member
 * States estimate its strength at…") counts this much of one named in the sentence itself: a report
 * names its subject once and then writes "the group", while the article names it in every claim.
 */
const PARAGRAPH_ENTITY_CREDIT = 0.7;
/**
 * A figure inside the range the passage states, or a range holding the passage's figure ("roughly
 * 4,500" / "between 4,200 and 4,800"), counts this much of an agreeing one: claim matching reads it
 * as a different figure, but it is how an article rounds a report's range.
 */
const WITHIN_RANGE_FIGURE_CREDIT = 0.8;

/**
 * A sentence in which the document says what it does ("This report examines the management of the
 * … Programme, which was launched in 2021 to protect 48,000 homes", "… today publishes the findings of
 * its unannounced inspection of Karsa Central Prison"): it names everything the document is about and
 * finds nothing, so it outscores the sentence further on that states the finding. It weighs half.
 */
const SELF_DESCRIPTION_FACTOR = 0.5;
const SELF_DESCRIPTION = [
  // How the evidence was gathered ("We took evidence from the Department, … residents' groups", "The inspection team
  // visited all six wings … and interviewed 142 prisoners", "The Panel travelled to … and held meetings with officials"):
  // who was heard, not what was found (a "that" would say it).
  /^(?:we|the [\p{L} ]{0,30}?(?:team|panel|committee|commission|mission|inspectors|researchers|delegation))\s+(?:also\s+)?(?:took (?:oral |written )?evidence|visited|interviewed|met with|spoke to|spoke with|travell?ed to|held meetings with|conducted (?:\d[\d,]*\s+)?(?:\p{L}+\s+)?(?:interviews|missions|visits))\b(?!.*\bthat\b)/iu,
  /^(?:this|the present)\s+(?:report|paper|statement|release|study|document|assessment|review|briefing|note)\s+(?:examines|considers|sets\s+out|describes|presents|reviews|looks\s+at|assesses|summari[sz]es|covers|analyses|analyzes|addresses)\b/iu,
  /\btoday\s+(?:publishes|announces|releases|presents|issues|reports)\s+(?:its|the|a)\b/iu,
];
export const describesItself = (text: string) => SELF_DESCRIPTION.some((re) => re.test(text.trim()));

/**
 * "Some residents' groups told us that the Department had abandoned the barrier", "One prisoner told
 * inspectors that guards beat inmates": the source reporting what someone else asserts, which it may go
 * on to deny ("That is not the case", "We found no evidence that …"). Unless the claim itself is
 * attributed to that speaker ("the department now admits …" / "The Department told us that …"), such a
 * passage weighs less than one in the source's own voice.
 */
const REPORTED_FACTOR = 0.7;
const REPORTED_SPEECH = /^(.{1,80}?)\b(?:told|alleged|claimed|contended|contends|argued|argues|asserted|insisted|maintained|complained)\b(?:\s+(?:us|inspectors|investigators|the\s+\p{L}+))?\s+that\b/iu;
export function reportedForOthers(passage: string, claim: string): boolean {
  const reported = REPORTED_SPEECH.exec(passage.trim());
  if (!reported) return false;
  const speaker = speakerTerms(reported[1]!);
  if (speaker.size === 0 || [...speaker].some((w) => w === 'we' || w === 'i')) return false;
  if (/^\s*(?:we|i)\b/iu.test(reported[1]!)) return false;
  const attributed = claimSpeaker(claim);
  if (!attributed) return true;
  const theirs = speakerTerms(attributed);
  return ![...speaker].some((w) => theirs.has(w));
}

const within = (inner: Quantity, outer: Quantity) => outer.hi > outer.lo && inner.lo >= outer.lo && inner.hi <= outer.hi;
/**
 * A hedged single figure whose hedge reaches an end of the source's range ("nearly 2,000" /
 * "between 1,700 and 1,940"; "more than 600" / "620 to 700"): how an article rounds the range up or
 * down. Claim matching allows a single figure only 3 % from an end.
 */
const roundsRange = (single: Quantity, range: Quantity) => {
  if (!(range.hi > range.lo) || single.lo !== single.hi || single.qualifier === 'exact' || single.qualifier === 'vague') return false;
  const [lo, hi] = figureInterval(single);
  return (range.lo >= lo && range.lo <= hi) || (range.hi >= lo && range.hi <= hi);
};
const restatesRange = (a: Quantity, b: Quantity) => within(a, b) || within(b, a) || roundsRange(a, b) || roundsRange(b, a);

/**
 * Below this score a proposal is flagged weak. Learned on the labelled sets (development, the two
 * blind holdouts): the best proposal for a claim the source does not say scored 0.14–0.41 on all
 * but one (0.54, a name alone); right first passages scored 0.23–0.97, one in nine of them below 0.45.
 */
export const WEAK_BELOW = 0.45;
/** A passage whose wording shares less than this, and no figure, shares little but a name. */
const ONLY_A_NAME_WORDING = 0.25;

/** What a score is made of, for telling a passage that may not say the claim from one that does. */
export type PassageSignals = {
  wording: number;
  /** null: the claim names nobody. */
  entities: number | null;
  /** Share of the claim's figures the passage states (agreeing, within its range or differing); null: the claim has none. */
  figures: number | null;
  /** The claim's figures the passage states differently (same unit). */
  differing: number;
  /** The claim's figures the passage agrees with (or restates the range of). */
  agreeing: number;
};

type FigurePair = { claim: Quantity; source: Quantity };
type Scored = {
  score: number;
  reason: string;
  signals: PassageSignals;
  /** The claim's figures the passage agrees with and those it states differently, for the relation hint. */
  pairs: { agreeing: FigurePair[]; differing: FigurePair[] };
  /** The content terms both share (concept names or stems). */
  sharedTerms: string[];
};

const unitBlind = (qs: Quantity[]): Quantity[] => qs.map((q) => ({ ...q, unit: null, per: undefined }));

/**
 * The claim's own word behind each of its terms ("officers" for the concept "soldier", "consider"
 * for the stem "consid"), so a reason speaks the analyst's words, not the matcher's keys.
 */
export function claimWords(claim: string): Map<string, string> {
  const words = new Map<string, string>();
  for (const t of clockTimes(claim)) if (!words.has(t.word)) words.set(t.word, t.text.trim());
  for (const [word] of claim.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    const lower = word.toLowerCase().replace(/['’]s$/u, '');
    const stem = stemWord(lower);
    const term = PASSAGE_LEXICON.concepts.get(lower) ?? PASSAGE_LEXICON.concepts.get(stem) ?? stem;
    if (!words.has(term)) words.set(term, lower);
  }
  return words;
}

export function scorePassage(claim: ClaimFeatures, passage: ClaimFeatures, paragraphEntityIds: string[] = [], words?: Map<string, string>, entityWeight: number = WEIGHTS.entities): Scored {
  const wording = wordingSimilarity(claim.terms, passage.terms);
  const own = compareEntities(claim.entityIds, passage.entityIds);
  const inParagraph = paragraphEntityIds.length ? compareEntities(claim.entityIds, [...new Set([...passage.entityIds, ...paragraphEntityIds])]) : own;
  const entities = PARAGRAPH_ENTITY_CREDIT * inParagraph.similarity > own.similarity ? { ...inParagraph, similarity: PARAGRAPH_ENTITY_CREDIT * inParagraph.similarity } : own;
  // A length of time is a figure of the claim's too ("lasted only 14 days" / "The consultation period
  // was 14 days"): claim matching compares durations only when both claims state one, a passage must state it.
  const claimFigures = [...claim.quantities, ...(claim.durations ?? [])];
  const passageFigures = [...passage.quantities, ...(passage.durations ?? [])];
  let figures = compareFigures(claimFigures, passageFigures);
  const sharedYears = claim.years.filter((y) => passage.years.includes(y));

  const parts: Array<[number, number]> = [[WEIGHTS.wording, wording.similarity]];
  if (claim.entityIds.length) parts.push([entityWeight, entities.similarity]);
  let figureShare: number | null = null;
  if (claimFigures.length) {
    const inRange = figures.conflicts.filter((c) => c.strength === 1 && restatesRange(c.a, c.b));
    let credit =
      figures.matched.length + WITHIN_RANGE_FIGURE_CREDIT * inRange.length + CONFLICTING_FIGURE_CREDIT * figures.conflicts.filter((c) => c.strength === 1 && !inRange.includes(c)).length;
    if (inRange.length) figures = { ...figures, matched: [...figures.matched, ...inRange], conflicts: figures.conflicts.filter((c) => !inRange.includes(c)) };
    // A figure that differs from the passage's figure of its class but equals another one of the
    // passage's ("Some 30 of the roughly 75 … had been shot" / "74 people …, of whom 29 had gunshot
    // wounds") is more likely that one, counted as the matcher's class would not: a unit-blind match.
    // Only for a hedged figure (the article rounded it): an exact one that differs may be a misquote,
    // which the reason must keep saying.
    const usedSource = new Set(figures.matched.map((p) => (claimFigures.includes(p.a) ? p.b : p.a)));
    const reread = figures.conflicts.flatMap((c) => {
      if (c.strength !== 1) return [];
      const mine = claimFigures.includes(c.a) ? c.a : c.b;
      if (mine.qualifier === 'exact' || mine.qualifier === 'vague') return [];
      const other = passageFigures.find((p) => !usedSource.has(p) && p !== (mine === c.a ? c.b : c.a) && figuresAgree({ ...mine, unit: null }, { ...p, unit: null }));
      if (!other) return [];
      usedSource.add(other);
      return [{ conflict: c, pair: { a: mine, b: other, strength: UNIT_BLIND_FIGURE_CREDIT } }];
    });
    if (reread.length) {
      credit += reread.length * (UNIT_BLIND_FIGURE_CREDIT - CONFLICTING_FIGURE_CREDIT);
      const gone = new Set(reread.map((r) => r.conflict));
      figures = { ...figures, matched: [...figures.matched, ...reread.map((r) => r.pair)], conflicts: figures.conflicts.filter((c) => !gone.has(c)) };
    }
    const blind = compareFigures(unitBlind(claimFigures), unitBlind(passageFigures));
    if (UNIT_BLIND_FIGURE_CREDIT * blind.matched.length > credit) {
      credit = UNIT_BLIND_FIGURE_CREDIT * blind.matched.length;
      figures = { ...blind, matched: blind.matched.map((p) => ({ ...p, a: original(p.a, claimFigures, passageFigures), b: original(p.b, claimFigures, passageFigures) })), conflicts: [] };
    }
    parts.push([WEIGHTS.figures, Math.min(1, credit / claimFigures.length)]);
    figureShare = Math.min(1, (figures.matched.length + figures.conflicts.filter((c) => c.strength === 1).length) / claimFigures.length);
  }
  if (claim.years.length) parts.push([WEIGHTS.years, sharedYears.length ? 1 : 0]);
  const total = parts.reduce((s, [w]) => s + w, 0);
  const score = parts.reduce((s, [w, v]) => s + w * v, 0) / total;

  const claimSide = (p: (typeof figures.matched)[number]) => (claimFigures.includes(p.a) ? p.a : p.b);
  const sourceSide = (p: (typeof figures.matched)[number]) => (claimFigures.includes(p.a) ? p.b : p.a);
  const shares = [
    ...figures.matched.map((p) => formatQuantity(claimSide(p))),
    ...sharedYears.map(String),
    ...entities.shared.map((id) => nameLabel(id, claim, passage)),
    ...wording.shared.slice(0, 3).map((term) => words?.get(term) ?? term),
  ];
  // Said plainly: "52 people" against the source's "74 injured" differs, though matching counts the pair at part weight (the claim does not say what befell them).
  const differing = figures.conflicts.filter((c) => c.strength === 1 || peopleAgainstFate(c.a, c.b));
  const differs = differing.map((p) => `${formatQuantity(claimSide(p))} vs ${formatQuantity(sourceSide(p))}`);
  const reason = [shares.length ? `shares: ${[...new Set(shares)].join('; ')}` : 'few words in common', ...(differs.length ? [`figure differs: ${differs.join('; ')}`] : [])].join(' — ');
  const signals: PassageSignals = {
    wording: wording.similarity,
    entities: claim.entityIds.length ? entities.similarity : null,
    figures: figureShare,
    differing: differing.length,
    agreeing: figures.matched.length,
  };
  const pair = (p: (typeof figures.matched)[number]): FigurePair => ({ claim: claimSide(p), source: sourceSide(p) });
  return { score, reason, signals, pairs: { agreeing: figures.matched.map(pair), differing: differing.map(pair) }, sharedTerms: wording.shared };
}

/** A known entity by its label ("TTP"); a name the table does not know as the claim writes it ("Oduya"), not by its key. */
function nameLabel(id: string, ...sides: ClaimFeatures[]): string {
  if (!id.startsWith('name:')) return entityLabel(id);
  for (const side of sides) {
    const mention = side.entities.find((e) => e.id === id);
    if (mention) return mention.text.replace(/['’]s$/u, '');
  }
  return id.slice('name:'.length);
}

/** The claim's or passage's own quantity behind its unit-blind copy (same offsets). */
function original(q: Quantity, ...sides: Quantity[][]): Quantity {
  for (const side of sides) {
    const found = side.find((o) => o.start === q.start && o.end === q.end && o.text === q.text && o.lo === q.lo);
    if (found) return found;
  }
  return q;
}

type ReadSource = {
  text: string;
  read: (text: string) => ClaimFeatures;
  /** A surname the source uses alone → the one full name it stands for in this source. */
  surnames: Map<string, string>;
  /** Every entity id the source names, surnames read as their full names. */
  named: Set<string>;
  /** The names opening three or more of its sentences ("the Panel", "OHCHR"): the source's own voices, whose say-so is its own. */
  voices: Set<string>;
  /** Each sentence with its features and the entities named before it in its paragraph. */
  sentences: Array<{ sentence: SourceSentence; features: ClaimFeatures; paragraphEntityIds: string[] }>;
};

// The last source read: an analyst asks for one source's passages claim after claim, and reading a
// 40-page report is most of the work (the claim is the only thing that changes).
let lastSource: ReadSource | null = null;

function readSource(sourceText: string): ReadSource {
  if (lastSource?.text === sourceText) return lastSource;
  const aliases = documentAliases(sourceText);
  const read = (text: string) => {
    const featured = featureText(text, aliases);
    const features = extractClaimFeatures(featured, { lexicon: PASSAGE_LEXICON });
    // "resolution 60/14", "Sixty-third session": numbers that name, which the matcher reads as counts.
    const counts = features.quantities.filter((q) => !namesRatherThanCounts(featured, q.start, q.end));
    return counts.length === features.quantities.length ? features : { ...features, quantities: counts };
  };
  const read_ = sourceSentences(sourceText)
    .filter((sentence) => sentence.text.trim().length >= 3)
    .map((sentence) => ({ sentence, features: read(sentence.leadIn ? `${sentence.leadIn}\n${sentence.text}` : sentence.text) }));
  const surnames = surnamesOf(read_.map((s) => s.features));
  let paragraph = -1;
  let inParagraph: string[] = [];
  const named = new Set<string>();
  const sentences = read_.map(({ sentence, features: raw }) => {
    if (sentence.paragraph !== paragraph) [paragraph, inParagraph] = [sentence.paragraph, []];
    const features = withEntityIds(raw, surnames);
    const paragraphEntityIds = inParagraph;
    inParagraph = [...new Set([...inParagraph, ...features.entityIds])];
    for (const id of features.entityIds) named.add(id);
    return { sentence, features, paragraphEntityIds };
  });
  lastSource = { text: sourceText, read, surnames, named, voices: sourceVoices(sentences.map((s) => s.sentence.text)), sentences };
  return lastSource;
}

/**
 * A report names a person in full once ("Deputy Commissioner Felix Oduya") and then by surname
 * ("Deputy Commissioner Oduya"); an article does the same in its own order. Within one source a
 * surname stands for the one full name ending in it (not when two people share it), so every
 * mention of that person, in the source and in the claim, is one entity.
 */
function surnamesOf(features: ClaimFeatures[]): Map<string, string> {
  const full = new Map<string, Set<string>>();
  for (const f of features) for (const e of f.entities) if (e.alias && e.alias !== e.id && !bodysHead(e)) full.set(e.alias, (full.get(e.alias) ?? new Set()).add(e.id));
  const out = new Map<string, string>();
  for (const [alias, ids] of full) if (ids.size === 1) out.set(alias, [...ids][0]!);
  return out;
}

/**
 * A body's name ends in what it is ("Supreme Court", "High Court", "National Bank"): its last word is no
 * surname, and "the Court" of a judgment is not every court an article names.
 */
function bodysHead(e: ClaimFeatures['entities'][number]): boolean {
  const last = e.text.trim().split(/\s+/).pop()?.toLowerCase().replace(/['’]s$/u, '') ?? '';
  return PASSAGE_LEXICON.organisationHeads.has(last);
}

function withEntityIds(f: ClaimFeatures, rename: Map<string, string>): ClaimFeatures {
  if (!f.entityIds.some((id) => rename.has(id))) return f;
  const to = (id: string) => rename.get(id) ?? id;
  return { ...f, entities: f.entities.map((e) => ({ ...e, id: to(e.id) })), entityIds: [...new Set(f.entityIds.map(to))] };
}

/**
 * The claim's entities as the source's: a surname for the source's full name, and a full name the
 * source never writes ("Nadia Karam") for the surname it does ("Karam said").
 */
function claimAsSource(claim: ClaimFeatures, source: ReadSource): ClaimFeatures {
  const rename = new Map(source.surnames);
  for (const e of claim.entities) {
    if (!e.alias || source.named.has(e.id) || bodysHead(e)) continue;
    const asSource = source.surnames.get(e.alias) ?? e.alias;
    if (source.named.has(asSource)) rename.set(e.id, asSource);
  }
  return withEntityIds(claim, rename);
}

/**
 * "Lindqvist said profit this year would be broadly flat", "Halvorsen warned that more depots could close":
 * the name before the claim's verb of saying is who said it, and in that speaker's own statement every
 * sentence is theirs. When the claim names nobody else, passages are scored on what was said, so a
 * sentence sharing only the speaker's name no longer outranks the one sharing the claim's words.
 */
function namesOnlyItsSpeaker(claim: ClaimFeatures, claimText: string): boolean {
  const speaker = claimSpeaker(claimText);
  return speaker !== null && claim.entities.length > 0 && claim.entities.every((e) => speaker.includes(e.text.trim()));
}
/** The speaker's name still counts, at half weight: a statement quoting its governor is found through her name and her words. */
const SPEAKER_ENTITY_WEIGHT = WEIGHTS.entities / 2;

/** The best passages (sentences, across wrapped lines) of `sourceText` for `claim`, best first; ties go to the earlier passage. */
export function proposePassages(claim: string, sourceText: string, { limit = PROPOSAL_LIMIT } = {}): PassageProposal[] {
  const source = readSource(sourceText);
  const claimFeatures = claimAsSource(source.read(claim), source);
  const entityWeight = namesOnlyItsSpeaker(claimFeatures, claim) ? SPEAKER_ENTITY_WEIGHT : WEIGHTS.entities;
  const words = claimWords(claim);
  const scored: Array<{ sentence: SourceSentence; raw: number; score: number; scoredAs: Scored }> = [];
  for (const { sentence, features, paragraphEntityIds } of source.sentences) {
    const scoredAs = scorePassage(claimFeatures, features, paragraphEntityIds, words, entityWeight);
    const factor = (sentence.heading ? HEADING_FACTOR : 1) * (describesItself(sentence.text) ? SELF_DESCRIPTION_FACTOR : 1) * (reportedForOthers(sentence.text, claim) ? REPORTED_FACTOR : 1);
    const raw = scoredAs.score * factor;
    if (raw >= MIN_PROPOSAL_SCORE) scored.push({ sentence, raw, score: Math.round(raw * 1000) / 1000, scoredAs });
  }
  // The relation hint reads the words again: only for the proposals shown.
  return scored
    .sort((a, b) => b.score - a.score || a.sentence.start - b.sentence.start)
    .slice(0, limit)
    .map(({ sentence, raw, score, scoredAs: { reason, signals, pairs, sharedTerms } }) => {
      const weakBecause = weakness(raw, signals, claimFeatures);
      const hint = relationHint(claim, sentence.text, claimFeatures, pairs, sharedTerms, { voices: source.voices });
      // A weak passage whose figure differs says so once, with the figures.
      const saysFigure = hint?.suggests === 'misquoted' && weakBecause?.includes('its figure differs');
      const caution = saysFigure ? weakBecause!.replace('its figure differs', hint.caution) : [weakBecause, hint?.caution].filter((c): c is string => Boolean(c)).join('; ') || null;
      return { start: sentence.start, end: sentence.end, exact: sentence.text, score, reason, weak: weakBecause !== null, caution, suggests: hint?.suggests ?? null };
    });
}

/** Why a proposal may not be the claim's passage, in the analyst's terms; null when it is a fair candidate. */
export function weakness(score: number, signals: PassageSignals, claim: ClaimFeatures): string | null {
  const onlyAName = signals.wording < ONLY_A_NAME_WORDING && signals.agreeing === 0 && (signals.entities ?? 0) > 0;
  if (score >= WEAK_BELOW && !onlyAName) return null;
  if (onlyAName) return 'only a name in common';
  const missing: string[] = [];
  if (claim.quantities.length && signals.agreeing === 0) missing.push(signals.differing ? 'its figure differs' : 'none of the claim’s figures');
  // A capitalised word opening the claim ("Prosecutors have charged…") is no name to miss.
  if (claim.entities.some((e) => !e.tentative) && !signals.entities) missing.push('none of the claim’s names');
  return missing.length ? missing.join(', ') : 'few words in common';
}
