/**
 * suggestClaims: reads an article's canonical text in order and proposes claim spans with a
 * likely source tag, a confidence and a reason an analyst can check.
 */
import { chooseCandidate, Discourse, findCandidates, type Candidate } from './attribute';
import { compileLexicon, type CompiledLexicon } from './compile';
import { DEFAULT_LEXICON, tagForFamily, type Lexicon } from './lexicon';
import { segmentBlocks, splitBlock, type Block } from './segment';
import { transcriptLabels, TurnState, turnSpeaker } from './transcript';

export type Suggestion = {
  start: number;
  end: number;
  exact: string;
  tag: string | null;
  confidence: number;
  reason: string;
  cue?: string;
  /**
   * The rules that fired, the deciding one first: "<pattern>:<family>", e.g. "speaker.subject:expert",
   * "document.according:un", "quote:expert", "continuation:un", "author:unattributed", "hedge:unattributed".
   * The desk's accept/reject history is kept per rule (lib/suggest/rule-stats.ts).
   */
  rules: string[];
};

export type SuggestOptions = {
  /** The desk's tag keys; families map to the first preferred key the desk has. */
  tags?: string[];
  lexicon?: Lexicon;
  /** Sentence spans [start, end) of text[from, to); the engine's own splitter by default (kept swappable to compare NLP libraries). */
  splitSentences?: (text: string, from: number, to: number) => Array<[number, number]>;
};

/** The default desk's tags. */
export const DEFAULT_TAGS: readonly string[] = ['un', 'intelligence', 'analyst'];

type Attribution = { family: string | null; confidence: number; reason: string; cue?: string; explicit: boolean; rules: string[] };

type Row = {
  start: number;
  end: number;
  text: string;
  choice: ReturnType<typeof chooseCandidate>;
  /** The sentence starts inside a quotation opened by an earlier sentence of the paragraph. */
  inQuote: boolean;
  /** The sentence is part of a guest's or interviewee's labelled turn. */
  guestTurn?: boolean;
  attribution?: Attribution;
};

const MIN_WORDS = 4;
const SHORT_TRANSITION_WORDS = 6;
const EXPLICIT_MIN = 0.7;
const AUTHOR_CONFIDENCE = 0.35;
const CONTINUATION_CAP = 0.55;
const TURN_CONFIDENCE = 0.8;
const ANALYSIS_CONFIDENCE = 0.5;
// A passive of reporting with no agent: who reported it is whoever the paragraph last named.
// "That chain, from dredge to dinner plate, is traced …", "That, at least, is the conclusion of …", "These figures come from …".
const SUMMING_UP = /^[\s“"]*(?:That|This|These|Those|Such)(?:\s+[\p{Ll}-]+)?(?:,|\s+(?:is|are|was|were|comes?|came|appears?)\b)/u;
// Only a document or a body that spoke can source what came before; a pronoun or a hedge cannot.
const BACKWARD_KINDS = new Set(['document', 'anaphor', 'speaker']);
// The reporter turning to background: "It is pertinent to mention that", "It is worth mentioning that", "It may be recalled that".
const BACKGROUND_FORMULA = /^[\s“"]*(?:It\s+(?:is|was)\s+(?:pertinent\s+to\s+mention|worth\s+(?:mentioning|noting|recalling)|noteworthy|to\s+be\s+noted|notable)|It\s+may\s+be\s+(?:recalled|noted|mentioned)|It\s+bears\s+(?:mentioning|recalling))(?:\s+here)?,?\s+that\b/u;
const DATED_YEAR = /\b(?:in|since)\s+(?:(?:early|late|mid-)\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d{2}\b/u;
// Translated wire copy goes on passively: "It was reported that …", "It has been confirmed that …".
const REPORTED = /^it\s+(?:was|has\s+been|is)\s+(?:reported|announced|stated|said|confirmed)$/iu;
// A subject introduced by an apposition or a non-restrictive relative clause is the reporter explaining who or what it is:
// "Greece, whose shipowners control a fifth of the fleet, has lobbied …", "Gold, Mali's main export, is not affected …".
// Such a sentence is exposition, not the paragraph's source speaking on.
// An opening phrase of circumstance ("Under the plan, the stalls would move …") is no subject.
const EXPOSITORY_SUBJECT =
  /^[\s“"]*(?:(?:But|And|Yet)\s+)?(?!(?:Under|In|After|Before|For|With|At|On|By|From|During|Since|Despite|Until|As|Over|Within|Without|Across|Among|Amid)\s)(?:(?:The|A|An)\s+)?\p{Lu}[\p{L}'’-]*(?:\s+[\p{L}'’-]+){0,4},\s+(?:whose|which|who|a|an|the|\p{Lu}[\p{L}'’-]*['’]s)\s[^,;:“”"]{3,120},\s+\p{Ll}/u;

// "ISLAMABAD: ", "GENEVA — ", "KYIV, Ukraine (Reuters) - ": the dateline is not part of the claim.
const DATELINE =
  /^\p{Lu}[\p{Lu}.'’-]+(?:\s+\p{Lu}[\p{Lu}.'’-]+)*(?:,\s*\p{Lu}[\p{L}.]+(?:\s+\p{Lu}[\p{L}.]+)*)?(?:\s*\([^)]{1,40}\))?(?:\s*:\s+|\s+[—–-]{1,2}\s+)/u;

export function suggestClaims(text: string, options: SuggestOptions = {}): Suggestion[] {
  const lexicon = options.lexicon ?? DEFAULT_LEXICON;
  const tags = options.tags ?? DEFAULT_TAGS;
  const c = compileLexicon(lexicon);
  const discourse = new Discourse();
  const split = options.splitSentences ?? splitBlock;
  const out: Suggestion[] = [];

  const blocks = segmentBlocks(text);
  const labels = transcriptLabels(text, blocks);
  // A column or an editorial: its writer's first-person opinion, outside any quotation, somewhere in the body.
  const opinionPiece = isOpinionPiece(text, blocks, labels, split, c);
  const turns = new TurnState();
  for (const block of blocks) {
    // The headline is no claim, but it names sources the standfirst and the body refer back to ("…, UN warns").
    if (block.kind === 'headline') {
      for (const [start, end] of split(text, block.start, block.end)) findCandidates(text.slice(start, end), block.index, c, discourse, true);
      continue;
    }
    // A short question in an interview ("Q: The Met Office says … Do you agree?") looks like a heading but is a turn.
    if (block.kind === 'heading' && !labels.has(block.index)) continue;
    let quoteOpen = false;
    // A transcript's turn: the label is no part of any claim; who it names is decided once the turn's sentences are read.
    const label = labels.get(block.index);
    // A Q&A's interviewee is whom the introduction presented, fixed before the first answer names anyone else.
    if (label?.interview === 'answer') turns.settleInterviewee(discourse, c);
    const rows: Row[] = split(text, block.start + (label?.length ?? 0), block.end).map(([start, end]) => {
      const sentence = text.slice(start, end);
      const inQuote = quoteOpen;
      quoteOpen = quoteStateAfter(sentence, quoteOpen);
      const quoted = inQuote ? [] : quotedComplements(sentence);
      const cands = findCandidates(sentence, block.index, c, discourse, block.kind === 'standfirst').filter((x) => x.kind === 'hedge' || !quoted.some(([a, b]) => x.cueStart > a && x.cueStart < b));
      return { start, end, text: sentence, inQuote, choice: chooseCandidate(cands) };
    });

    let lastExplicit: { attribution: Attribution; block: number } | null = null;
    const turn = label ? turnSpeaker(label, turns, discourse, c) : null;
    rows.forEach((row, i) => {
      row.attribution = explicitAttribution(row, c) ?? quotedAttribution(rows, i, c) ?? undefined;
      // A guest's turn is the guest's, as a quotation is its speaker's: what they cite inside it is "also cites".
      if (turn && !turn.programme) {
        const inner = row.attribution?.explicit ? row.attribution : undefined;
        row.attribution = {
          family: turn.family,
          confidence: TURN_CONFIDENCE - (inner ? 0.1 : 0),
          reason: `speaker label '${label?.name}:' → ${turn.who} (${familyLabel(c, turn.family)})${inner?.cue ? `; also cites '${inner.cue}' (${familyLabel(c, inner.family)})` : ''}`,
          cue: `${label?.name}:`,
          explicit: true,
          rules: [`label:${turn.family}`, ...(inner ? inner.rules : [])],
        };
        row.guestTurn = true;
      }
      // "…, it was reported." right after a paragraph's named source is that source's report, hedged.
      if (lastExplicit && row.choice?.best.kind === 'hedge' && REPORTED.test(row.choice.best.cue)) {
        const prev: Attribution = lastExplicit.attribution;
        row.attribution = {
          family: prev.family,
          confidence: Math.min(CONTINUATION_CAP, prev.confidence * 0.65),
          reason: `hedge: '${row.choice.best.cue}' — continues the attribution earlier in ¶${block.index} (${prev.cue ? `'${prev.cue}' → ` : ''}${familyLabel(c, prev.family)})`,
          explicit: false,
          rules: [`continuation:${prev.family ?? 'none'}`, `hedge:${row.choice.best.family}`],
        };
      }
      // "It is noteworthy that the Iraqi government announced the final victory over ISIS in December 2017, but …": a background
      // formula of South Asian and translated press, recounting a dated past event, is the reporter's history, not the source's claim.
      if (row.attribution?.explicit && BACKGROUND_FORMULA.test(row.text) && DATED_YEAR.test(row.text.slice(row.attribution.cue ? row.text.indexOf(row.attribution.cue) : 0))) {
        const cited = row.attribution;
        row.attribution = {
          family: lexicon.authorFamily,
          confidence: AUTHOR_CONFIDENCE,
          reason: `the reporter's background ('${BACKGROUND_FORMULA.exec(row.text)?.[0].trim()}' … a dated past event); also mentions '${cited.cue ?? ''}' (${familyLabel(c, cited.family)})`,
          explicit: false,
          rules: [`background:${lexicon.authorFamily}`],
        };
      }
      const cueless = !(row.attribution?.explicit || (row.attribution && row.choice?.best.kind === 'hedge'));
      const analysis = cueless ? analysisCue(row.text, c) : null;
      // The writer's voice — "In my view", "It is time for", "should alarm" — outside a quotation is the writer's opinion, and in
      // an opinion piece so is a call to act ("Washington … should lead"), however close the source of the sentence before.
      const unquoted = cueless && !row.guestTurn ? outsideQuotes(row.text, row.inQuote) : '';
      const own = /\p{L}/u.test(unquoted) ? unquoted : '';
      const voice = own ? (matchAny(own, c.writerVoice) ?? (opinionPiece ? NORMATIVE_CALL.exec(own)?.[0] ?? null : null)) : openingVoice(row, c);
      if (!analysis && voice) {
        row.attribution = {
          family: lexicon.analysisFamily,
          confidence: ANALYSIS_CONFIDENCE,
          reason: `the writer's own opinion ('${voice.trim()}')${row.attribution ? `; also mentions ${row.attribution.cue ? `'${row.attribution.cue}'` : 'a source'} (${familyLabel(c, row.attribution.family)})` : ''}`,
          cue: voice.trim(),
          explicit: false,
          rules: [`opinion:${lexicon.analysisFamily}`],
        };
      } else if (analysis) {
        row.attribution = {
          family: lexicon.analysisFamily,
          confidence: ANALYSIS_CONFIDENCE,
          reason: `the article's own analysis ('${analysis}')${row.attribution ? `; also mentions ${row.attribution.cue ? `'${row.attribution.cue}'` : 'a source'} (${familyLabel(c, row.attribution.family)})` : ''}`,
          cue: analysis,
          explicit: false,
          rules: [`analysis:${lexicon.analysisFamily}`],
        };
      } else if (!row.attribution) {
        row.attribution = lastExplicit && !EXPOSITORY_SUBJECT.test(row.text) && !reportersAside(row, lastExplicit.attribution)
          ? {
              family: lastExplicit.attribution.family,
              confidence: Math.min(CONTINUATION_CAP, lastExplicit.attribution.confidence * 0.65),
              reason: `no cue; continues the attribution earlier in ¶${block.index} (${lastExplicit.attribution.cue ? `'${lastExplicit.attribution.cue}' → ` : ''}${familyLabel(c, lastExplicit.attribution.family)})`,
              explicit: false,
              rules: [`continuation:${lastExplicit.attribution.family ?? 'none'}`],
            }
          : opinionPiece && own
            ? {
                family: lexicon.analysisFamily,
                confidence: AUTHOR_CONFIDENCE,
                reason: "no attribution cue; the writer's own view in an opinion piece",
                explicit: false,
                rules: [`opinion:${lexicon.analysisFamily}`],
              }
            : {
                family: lexicon.authorFamily,
                confidence: AUTHOR_CONFIDENCE,
                reason: 'no attribution cue; asserted by the article itself',
                explicit: false,
                rules: [`author:${lexicon.authorFamily}`],
              };
      } else if (row.attribution.explicit) {
        lastExplicit = { attribution: row.attribution, block: block.index };
      }
    });
    attributeBackwards(rows, c);

    rows.forEach((row, i) => {
      if (!row.attribution) return;
      let start = row.start;
      if (i === 0) {
        const dl = DATELINE.exec(row.text);
        if (dl) start += dl[0].length;
      }
      const exact = text.slice(start, row.end);
      // A short verdict in the writer's voice ("That is not good enough.") is an opinion, not a transition.
      if (!isClaim(exact, row.attribution.explicit || (row.attribution.rules[0]?.startsWith('opinion:') && !!row.attribution.cue), c, shortClaim(row))) return;

      const a = row.attribution;
      const tag = a.family ? tagForFamily(lexicon, a.family, tags) : null;
      const missing = a.family && tag === null ? `; the desk has no tag for ${familyLabel(c, a.family)} sources` : '';
      out.push({
        start,
        end: row.end,
        exact,
        tag,
        confidence: Math.round(Math.max(0, Math.min(1, a.confidence)) * 100) / 100,
        reason: a.reason + missing,
        ...(a.cue ? { cue: a.cue } : {}),
        rules: a.rules,
      });
    });
  }
  return out;
}

// Reported speech after a past reporting verb is backshifted ("said smaller labs were now appearing. Some were in farmhouses");
// a sentence in the present or present perfect after it is the reporter's own now ("Jordan has fought smugglers … since 2017").
const PAST_REPORTING = /(?:ed|said|told|wrote|found|thought|spoke|put)$/iu;
const PRESENT_MAIN = /^[^“”"]*?\b(?:is|are|has|have|remains|remain|will)\b/u;
const CONTRAST_OPENER = /^\s*(?:But|Yet|However,)\s/u;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const DATED_PAST = new RegExp(String.raw`^[^“”"]*?\b(?:was|were|\p{Ll}+ed)\b[^“”"]*\b(?:in|since|on)\s+(?:(?:early|late|mid-)\s*)?(?:${MONTH}|\d{4}\b)`, 'u');
const SOURCE_POSSESSED = /^[\s“"]*(?:(?:But|And)\s+)?(?:Her|His|Its|Their)\s/u;
const BACKSHIFTED = /\b(?:had|would|was|were|could|might)\b/u;
// The reporter weighing what sources said: "Either way, …", "In any case, …", "Whatever the true figure, …".
const REPORTER_SYNTHESIS = /^[\s“"]*(?:Either\s+way|In\s+any\s+case|In\s+either\s+case|Whatever\s+the\s+[^,]{1,30}|Whichever\s+[^,]{1,30}),/u;

// The reporter's background after a source: what happened before ("The last three ceasefires … collapsed within days.",
// "Previous talks ended without a deal.") and what the calendar holds ("The coalition's mandate … expires in January.").
const RETROSPECTIVE = /^[\s]*(?:(?:But|And)\s+)?(?:The\s+(?:last|previous|past)\s+(?:\p{N}+\s+|two\s+|three\s+|four\s+|five\s+|several\s+|few\s+)?\p{Ll}+s\b|(?:Previous|Past|Earlier)\s+\p{Ll}+s\b)(?![^.]*\b(?:had|would)\b)/u;
const SCHEDULED = new RegExp(String.raw`^[^“”"]*?\b(?:expires|ends|lapses|runs\s+out|takes\s+effect|is\s+due\s+to\s+(?:expire|end|lapse|take\s+effect))\s+(?:in|on|at\s+the\s+end\s+of)\s+(?:${MONTH}|\d|next\b|the\s+end\b)`, 'u');

/**
 * A cue-less sentence the reporter adds after a source's claim, so it does not continue that source: the reporter weighing
 * the sources ("Either way, …"), a contrast opened against what was just reported ("But most of the equipment is
 * portable"), or the present after backshifted reported speech. Words inside a quotation are always the speaker's.
 */
function reportersAside(row: Row, prev: Attribution): boolean {
  const text = row.text;
  if (row.inQuote || /^[\s]*[“"‘]/u.test(text)) return false;
  if (REPORTER_SYNTHESIS.test(text) || CONTRAST_OPENER.test(text) || RETROSPECTIVE.test(text) || SCHEDULED.test(text)) return true;
  const verb = /(\p{L}+)\s*$/u.exec(prev.cue ?? '')?.[1] ?? '';
  // "Her group has recorded 40 incidents": a subject the source owns goes on with the source's account.
  if (!PAST_REPORTING.test(verb) || SOURCE_POSSESSED.test(text)) return false;
  const m = PRESENT_MAIN.exec(text);
  if (m && !BACKSHIFTED.test(m[0])) return true;
  return DATED_PAST.test(text) && !/\b(?:had|would)\b/u.test(text);
}

/**
 * Delayed attribution, as features write it: "The mercury comes from upstream. … That chain, from dredge to dinner plate, is
 * traced in a report by …" — a sentence summing up what came before ("That …", "This …", "These findings …") and naming
 * its source lends that source to the paragraph's earlier sentences that had no cue of their own.
 */
function attributeBackwards(rows: Row[], c: CompiledLexicon): void {
  rows.forEach((row, i) => {
    const a = row.attribution;
    if (!a?.explicit || i === 0 || !SUMMING_UP.test(row.text) || !row.choice || !BACKWARD_KINDS.has(row.choice.best.kind)) return;
    for (let j = i - 1; j >= 0; j -= 1) {
      const before = rows[j].attribution;
      if (!before || !before.rules[0]?.startsWith('author:')) break;
      rows[j].attribution = {
        family: a.family,
        confidence: Math.min(CONTINUATION_CAP, a.confidence * 0.6),
        reason: `no cue; the source named after it sums it up ('${a.cue ?? ''}' → ${familyLabel(c, a.family)})`,
        explicit: false,
        rules: [`retro:${a.family ?? 'none'}`],
      };
    }
  });
}

function explicitAttribution(row: Row, c: CompiledLexicon): Attribution | null {
  if (!row.choice) return null;
  const { best, others } = row.choice;
  if (best.kind === 'hedge') {
    return { family: best.family, confidence: best.score, reason: `hedge: '${best.cue}' — ${best.resolution}`, cue: best.cue, explicit: false, rules: [`hedge:${best.family}`] };
  }
  let confidence = best.score;
  let reason = `cue: '${best.cue}' → ${best.resolution}`;
  if (others.length) {
    confidence -= 0.1;
    reason += `; also cites ${others.map((o) => `'${o.cue}' (${familyLabel(c, o.family)})`).join(', ')}`;
  }
  const hedge = hedgeIn(row);
  if (hedge) {
    confidence -= 0.05;
    reason += `; hedged ('${hedge.cue}')`;
  }
  const rules = [`${best.pattern}:${best.family}`, ...(hedge ? [`hedge:${hedge.family}`] : [])];
  return { family: best.family, confidence, reason, cue: best.cue, explicit: best.score >= EXPLICIT_MIN, rules };
}

function hedgeIn(row: Row): Candidate | undefined {
  if (!row.choice) return undefined;
  return [row.choice.best, ...row.choice.others].find((x) => x.kind === 'hedge');
}

// A call to act in the writer's voice; "It should be noted that" is a background formula, "should be announced" a forecast.
const NORMATIVE_CALL = /\b(?:should|must|ought\s+to)\s+(?!be\s+(?:noted|recalled|remembered|mentioned|reminded|said)\b)(?:now\s+|also\s+|instead\s+|first\s+|not\s+)?\p{Ll}+/u;

function matchAny(s: string, res: RegExp[]): string | null {
  for (const re of res) {
    const m = re.exec(s);
    if (m) return m[0];
  }
  return null;
}

// A quotation given as what someone claims: "A post … claims that "the UN admits …"", "He wrote: "…"".
const QUOTED_COMPLEMENT = /(?:\bthat|:)(?:\s*(“)|\s+("))/gu;

/**
 * Spans of quotations that are the complement of a claim made outside them: a source named inside ("the UN admits") is what
 * the claimant says of it, not who speaks.
 */
function quotedComplements(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of s.matchAll(QUOTED_COMPLEMENT)) {
    const open = m.index + m[0].length - 1;
    const close = s.indexOf(m[1] ? '”' : '"', open + 1);
    if (close > open) out.push([open, close]);
  }
  return out;
}

/**
 * The writer's voice opening a sentence whose cue comes after it: "We rate the claim false because the report it cites …",
 * "In my view, the panel's figures …" — the source is what the writer weighs, not who speaks.
 */
function openingVoice(row: Row, c: CompiledLexicon): string | null {
  const best = row.choice?.best;
  if (!best || best.kind === 'hedge' || row.inQuote || row.guestTurn || !row.attribution) return null;
  for (const re of c.writerVoice) {
    const m = re.exec(row.text);
    if (m && /^[\s(]*$/u.test(row.text.slice(0, m.index)) && m.index + m[0].length <= best.cueStart) return m[0];
  }
  return null;
}

/** The sentence without what it quotes: a quotation's first person is its speaker's, not the writer's. */
function outsideQuotes(s: string, open: boolean): string {
  let state = open;
  let out = '';
  for (const ch of s) {
    if (ch === '“') state = true;
    else if (ch === '”') state = false;
    else if (ch === '"') state = !state;
    else if (!state) out += ch;
  }
  return out;
}

// Only a line near the top labels the piece; further down a heading is a section's.
const OPINION_LABEL_BLOCKS = 4;

/**
 * A column or an editorial: the writer's first-person opinion ("In my view", "I am not convinced", "In our view") outside any
 * quotation, in the body rather than a transcript's or an interview's turns, or a label under the headline ("The Herald's view").
 */
function isOpinionPiece(text: string, blocks: Block[], labels: Map<number, unknown>, split: NonNullable<SuggestOptions['splitSentences']>, c: CompiledLexicon): boolean {
  return blocks.some((block) => {
    if (block.kind === 'heading' && block.index < OPINION_LABEL_BLOCKS) {
      const line = text.slice(block.start, block.end).trim();
      return c.opinionLabels.some((re) => re.test(line));
    }
    if ((block.kind !== 'body' && block.kind !== 'standfirst') || labels.has(block.index)) return false;
    let open = false;
    return split(text, block.start, block.end).some(([start, end]) => {
      const sentence = text.slice(start, end);
      const own = outsideQuotes(sentence, open);
      open = quoteStateAfter(sentence, open);
      return matchAny(own, c.opinion) !== null;
    });
  });
}

function analysisCue(sentence: string, c: CompiledLexicon): string | null {
  for (const re of c.analysis) {
    const m = re.exec(sentence);
    if (m) return m[0];
  }
  return null;
}

/** A sentence opening (or inside) a quotation that closes later takes the speaker named where it closes. */
function quotedAttribution(rows: Row[], i: number, c: CompiledLexicon): Attribution | null {
  if (!opensQuote(rows[i].text) && !(rows[i].inQuote && !closesQuote(rows[i].text))) return null;
  for (let j = i + 1; j < rows.length; j += 1) {
    const a = explicitAttribution(rows[j], c);
    if (a?.explicit) {
      return { ...a, confidence: a.confidence - 0.1, reason: `inside a quotation attributed in the next sentence: ${a.reason}`, rules: [`quote:${a.family}`, ...a.rules] };
    }
    if (closesQuote(rows[j].text)) return null;
  }
  return null;
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const x of s) if (x === ch) n += 1;
  return n;
}

/** Whether a quotation is still open after this sentence. */
function quoteStateAfter(s: string, open: boolean): boolean {
  let state = open;
  for (const ch of s) {
    if (ch === '“') state = true;
    else if (ch === '”') state = false;
    else if (ch === '"') state = !state;
  }
  return state;
}

function opensQuote(s: string): boolean {
  return count(s, '“') > count(s, '”') || (count(s, '"') % 2 === 1 && /^\s*"/.test(s));
}

function closesQuote(s: string): boolean {
  return count(s, '”') > count(s, '“') || (count(s, '"') % 2 === 1 && !/^\s*"/.test(s));
}

/**
 * A sentence shorter than a claim usually is still one when someone is speaking it: an interviewee's answer ("Nobody really
 * knows.") or a whole quotation continuing its speaker ("“They moved.”").
 */
const VERDICT_LINE = /^\s*(?:Our\s+)?(?:Verdict|Rating)\s*:\s*\p{L}/u;

function shortClaim(row: Row): number {
  if (row.guestTurn) return MIN_WORDS - 1;
  // A fact-check's verdict line: "Verdict: False.", "Our rating: Misleading."
  if (row.attribution?.rules[0]?.startsWith('opinion:') && VERDICT_LINE.test(row.text)) return 2;
  const quoted = /^\s*[“"‘]/u.test(row.text) && /[.!]["”’]\s*$/u.test(row.text);
  return quoted && (row.attribution?.rules[0]?.startsWith('continuation:') || row.attribution?.rules[0]?.startsWith('quote:')) ? 2 : MIN_WORDS;
}

function isClaim(sentence: string, hasCue: boolean, c: CompiledLexicon, minWords = MIN_WORDS): boolean {
  const s = sentence.trim();
  const words = s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words >= minWords && words < MIN_WORDS) return !/\?["”’)]*$/.test(s) && !c.nonClaims.some((re) => re.test(s));
  // "Analysts are sceptical.": three words, but a source's stated stance is a claim.
  const stance = hasCue && words === MIN_WORDS - 1 && c.stanceAdjectives.has(s.replace(/[.!]+$/u, '').split(/\s+/).at(-1)?.toLowerCase() ?? '');
  if (words < MIN_WORDS && !(hasCue && /\p{N}/u.test(s)) && !stance) return false;
  if (/\?["”’)]*$/.test(s)) return false; // questions ask, they do not assert
  if (c.nonClaims.some((re) => re.test(s))) return false;
  if (!hasCue && words <= SHORT_TRANSITION_WORDS && !/\p{N}/u.test(s)) {
    const lower = s.toLowerCase();
    if (c.transitions.some((t) => lower.startsWith(t) && !/[\p{L}]/u.test(lower[t.length] ?? ''))) return false;
  }
  return true;
}

function familyLabel(c: CompiledLexicon, family: string | null): string {
  if (!family) return 'unknown';
  return c.lexicon.families[family]?.label ?? family;
}
