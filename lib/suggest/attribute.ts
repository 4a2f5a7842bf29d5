/**
 * Finds attribution cues in one sentence and resolves them against the discourse so far:
 * documents introduced earlier ("the report" → the UN report of ¶1), the nearest speaker for
 * pronouns ("they say" → "Security experts"), and passive hedges ("is believed", "reportedly").
 */
import { tokenize, type CompiledLexicon, type TermInfo, type Token } from './compile';
import type { SpeakerKind } from './lexicon';

export type CueKind = 'speaker' | 'document' | 'anaphor' | 'pronoun' | 'name' | 'hedge';

export type Candidate = {
  kind: CueKind;
  family: string | null;
  score: number;
  /** Cue as written, and its sentence-local start. */
  cue: string;
  cueStart: number;
  /** How the cue was resolved, for the human-readable reason. */
  resolution: string;
  /** For a subject with its reporting verb: where the verb ends (what follows is what it reports). */
  verbEnd?: number;
  /** The cue's syntactic pattern, e.g. "speaker.subject", "document.according", "anaphor.mention", "hedge". */
  pattern: string;
};

type Referent = { noun: string; family: string; block: number; surface: string };
type Speaker = { family: string; surface: string; kind: SpeakerKind; plural: boolean; block: number };

/** What earlier sentences introduced; mutated as the article is read in order. */
export class Discourse {
  readonly referents: Referent[] = [];
  readonly speakers: Speaker[] = [];
  /** The latest person with a known affiliation per surname ("Kugelman" → Michael Kugelman's). */
  readonly bySurname = new Map<string, Speaker>();
  /** Initials of bodies named so far ("ASIO" after "the Australian Security Intelligence Organisation"), and "(ABC)" after a name. */
  readonly acronyms = new Map<string, TermInfo>();
  /** A body's name without its head word ("New Lines" after "the New Lines Institute"): "the New Lines project" is its. */
  readonly shortNames = new Map<string, TermInfo>();
  /** Bodies named with a proper name of several words, in order, spoken or not: "the institute" finds the last one with "Institute" in it. */
  readonly bodies: Array<{ words: Set<string>; family: string; surface: string; block: number }> = [];
  /** People introduced with an age ("Elena Varga, 38,"): "the 38-year-old" is that person later. */
  readonly byAge = new Map<string, Speaker>();
  /** The last body any sentence mentioned, speaking or not ("The council's cabinet backed the plan"): whose meeting "the meeting" is. */
  lastBodyMentioned: { family: string; surface: string; block: number } | null = null;
  /** The last unnamed source that spoke, with whom it speaks for: "the same sources" and "The source" point back to it. */
  lastSource: { family: string; surface: string; block: number } | null = null;
}

type TermMention = { start: number; end: number; first: number; last: number; info: TermInfo; consumed: boolean };
/** How a source relates to its reporting verb in the sentence (not a desk role: those are lib/core/enums.ts). */
type CueRole = { role: 'subject' | 'according' | 'inverted' | 'agent'; cueStart: number; cueEnd: number; participle?: boolean };
type Ctx = { s: string; toks: Token[]; c: CompiledLexicon; acronyms?: ReadonlyMap<string, TermInfo>; shortNames?: ReadonlyMap<string, TermInfo> };
type Pronoun = 'they' | 'he' | 'she' | 'it';

const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const POSSESSIVE: Record<string, Pronoun> = { their: 'they', its: 'it', his: 'he', her: 'she' };
const PRONOUNS = new Set<string>(['they', 'he', 'she', 'it']);
const DETERMINERS = new Set(['the', 'a', 'an']);
// "Sources privy to the matter said", "A senior officer privy to the developments said" (South Asian press's "familiar with").
const PP_HEADS = new Set(['in', 'at', 'from', 'with', 'for', 'of', 'on', 'inside', 'across', 'familiar', 'briefed', 'privy']);
const NOT_SUBJECT_NEXT = new Set('of in on for to and or by from with that which at as into about over under'.split(' '));
// A document under a normative modal is what someone thinks should happen to it or because of it, not what it says:
// "Those figures should alarm anyone who …", "The report must be read alongside …".
const NORMATIVE_MODALS = new Set('should must ought shall'.split(' '));
// Who made a document: "released by", "gathered by". Not "seen by" / "obtained by": the outlet that saw a leak is no source of it.
// "the data shared by the MHA", "figures provided by the ministry": who gave the figures out is their source.
const AGENT_PARTICIPLES = new Set('released published issued compiled prepared produced commissioned conducted drafted collected gathered led shared provided supplied furnished'.split(' '));
// Evidence someone reads rather than publishes: "images analysed by the lab", "samples tested by".
const ANALYSING_PARTICIPLES = new Set('analysed analyzed examined reviewed verified assessed tested studied geolocated'.split(' '));
const EVIDENCE_NOUNS = new Set('images imagery photos photographs footage videos video samples fragments recordings pictures'.split(' '));
// Words that may precede a source term as part of its name ("Taliban officials", "the UN").
const EXTEND = new Set(
  'the a an senior local western foreign provincial regional independent several other top security military defence defense health government state federal national international leading'.split(' '),
);
const NOT_NAMES = new Set(
  ('The A An This That These Those It He She They We I In On At For But And Or So Yet As If While When After Before Although Though Despite Without With According Many Some Most Such More Both Several Each Released ' +
    'Nobody Everybody Everyone Somebody Someone Anyone Nothing Everything None No Yes Not Our Their His Her Its ' +
    'January February March April May June July August September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday').split(' '),
);
// Function words never modify a noun: "Scholars who study" is no study of the scholars'.
const NOT_COMPOUND = new Set('who whom whose which that and or but nor of in on at to for with by from as than they we he she it you i not also'.split(' '));
// Unnamed people who know of a document ("familiar with", "briefed on") relay it.
const RELAYING_FAMILIES = new Set(['anonymous', 'official']);
const KNOWS_OF = /(?:familiar\s+with|briefed\s+on|knowledge\s+of)\s+$/iu;
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);
const HAVE = new Set(['has', 'have', 'had']);
const ANONYMITY_PHRASE = /^\s+(?:requesting|seeking|on|speaking\s+on|who\s+requested|who\s+spoke\s+on)\s+(?:the\s+)?(?:condition\s+of\s+)?anonymity(?=\s+\p{Ll})/u;
// A mere mention of a document in these positions is about the document, not sourced to it: "after the assessment was published".
const NOT_SOURCING_BEFORE = /(?:^|\s)(?:after|before|since|until|following|ahead\s+of|over|about|into|on|discuss|discussed|discussing|debate|debated|publish|published|release|released|leaked)\s+$/iu;
const OF_TO_CLAUSE_END = /^\s+of\s+(?:the\s+)?[\p{L}' -]{2,60}[.,;]/u;
const CLAUSE_END_AFTER = /^(?:\s*(?:[,.;:!?)\]—–]|$)|\s+(?:on|in|at|last|this|earlier|late|yesterday|today|who|whose|which|during|after|before|when|while|and|adding|according|as)\b)/iu;
const WS = /^\s+$/;
const IN_OWN_WORDS = /(?<![\p{L}])[Ii]n\s+(his|her|their|its)\s+(?:own\s+)?(?:words|view|opinion|estimation|assessment)(?=\s*,)/gu;
// "Sanctions, in the analyst’s view, have …", "In Varga's words, …": the possessor's view, like "according to".
const IN_POSSESSOR_WORDS = /(?<![\p{L}])[Ii]n\s+(?:the\s+([\p{Ll}-]+)|(\p{Lu}[\p{L}'’-]+))['’]s\s+(?:own\s+)?(?:words|view|opinion|estimation|assessment|judgment|judgement)(?=\s*,)/gu;
// A person referred to by age alone: "says the 67-year-old", "the 38-year-old is not optimistic".
const BY_AGE = /(?<![\p{L}])[Tt]he\s+(\d{1,3})-year-old(?![\p{L}-])/gu;
// A definite description that speaks right after a quotation: "…,” the old fisherman says." / "…," said the mechanic.
const DESCRIBED_AFTER_QUOTE = /[”"’],?\s+(?:(says|said|adds|added|recalls|recalled)\s+)?(the\s+(?:[\p{Ll}-]+\s+){0,2}?([\p{Ll}-]+))(?:\s+(says|said|adds|added|recalls|recalled))?(?=\s*[,.;])/gu;
const TELL = new Set(['tell', 'tells', 'told', 'telling']);
// The sentence's subject position: its start, or after a short opening phrase ("Down the path, ").
const SUBJECT_OPENER = /^[\s“"‘]*(?:\p{Lu}[^,;:“”"]{0,40},\s+)?$/u;
// What follows a subject: its verb, or an age or a relative clause first ("Shahana Begum, 41, lowers", "X, who farmed …, now rents").
const SUBJECT_NEXT = /^(?:\s+\p{Ll}+\b|\s*,\s*(?:\d{1,3}|who\b[^,;]{1,90}),\s*\p{Ll}+\b)/u;
const GAVE_NAME = /\b(?:who\s+)?(?:gave|gives|would\s+give|giving)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name\s+(?:only\s+)?(?:as\s+)?(\p{Lu}[\p{L}'’-]+)|\bidentified\s+only\s+(?:as|by\s+(?:his|her)\s+first\s+name,?)\s+(\p{Lu}[\p{L}'’-]+)/gu;
const TO_THE_MEETING = /^\s+to\s+(?:the\s+|this\s+|that\s+|(?:last|next)\s+\p{L}+['’]s\s+)?(?:meeting|councillors|councilors|cabinet|board)\b/iu;
const PROSECUTION_FAMILY = 'official';
const RETIRED = /\s*\((?:retd|ret|retired)\.?\)/iu;
const RETIRED_FAMILY = 'expert';
const PASSIVE_BEFORE = /(?:^|\s)(?:is|are|was|were|been|being)\s+(?:\p{Ll}+ly\s+)?(?:given|granted|awarded|shown|sent|offered|handed|denied|assigned)\s+$/u;
const MANNER = new Set(['detail', 'length', 'full']);
// What a body does with the document a reduced relative clause gives it: "a report the agency is due to publish / has shared".
const RELATIVE_AUTHOR_VERB = /^(?:is|was|has|had|have|will|would|plans|planned|published|publishes|released|releases|issued|shared|compiled|prepared|produced|wrote|commissioned|circulated|sent|submitted|presented|drafted|obtained)$/u;
const QUOTED_BY = /(?<![\p{L}])quot(?:ed|es|ing)\s+(?:(?:the|a|an|its|one|two|three|several)\s+)?(?:[\p{L}'’-]+\s+){0,3}$/iu;
const AS_SAYING = /^[^.;“”"]{0,100}?\bas\s+(?:saying|having\s+said)\b/u;
const LEARNED_FROM = /(?:(?:became|become|becomes|been)\s+known|learned|learnt|heard)\s+(?:to\s+(?:[\p{L}-]+\s+){1,3})?from\s+$/iu;
const EXPERT_BODY = /(?<![\p{L}-])(?:a|an|the|its)\s+(?:\p{Ll}+\s+)?(?:panel|group|team|commission|committee|body)\s+of\s+(?:independent\s+)?(?:experts|investigators|monitors|inspectors)(?![\p{L}])/giu;
// Copulas and degree words of a bare stance: "Analysts are sceptical", "Economists remain far less sanguine".
const COPULAS = new Set('is are was were remain remains remained seem seems seemed appear appears appeared look looks'.split(' '));
// Heads that name a body rather than people: "a UN panel of experts", "the Union's security council".
const ORGANISATION_HEADS = new Set('panel team commission committee mission office agency body council court tribunal observatory watchdog inquiry group envoy experts monitor'.split(' '));
const REACH = new Set(['reach', 'reaches', 'reached', 'came', 'come', 'comes', 'drew', 'draw', 'draws']);
const GROUP_STATES = new Set(['divided', 'split', 'unanimous', 'agreed']);
const PLURAL_COPULAS = new Set('are were remain remained seem seemed appear appeared look looked'.split(' '));
const DEGREE = new Set('more less far much even deeply increasingly still not rather somewhat broadly also now openly sharply bitterly equally so very'.split(' '));
// A second name for a document ("the 72-page paper" after "a study") points back to the last publication, not to a statement or a figure.
const PUBLICATIONS = new Set('report study paper review assessment document dossier analysis update audit evaluation survey inquiry investigation summary outlook alert letter notification circular chargesheet'.split(' '));
const MAX_GAP = 4;
const MAX_DESCRIPTION = 12;
// Families whose bodies are introduced by what they are before their name: "the newspaper Dagbladet", "the security firm X".
const DESCRIBED_FAMILIES = new Set(['media', 'expert', 'research']);
// Phrases of circumstance between an apposition and its verb: "in a conversation with our correspondent", "at the briefing".
const CIRCUMSTANCE = new Set(['in', 'at', 'during', 'on']);
const MAX_CIRCUMSTANCE = 7;
// Verbs that report only with their complement: "considers that", "expressed the opinion that" (not "considers safe").
const COMPLEMENT_VERBS = new Map<string, RegExp>([
  ['consider', /^\s+that\b/iu],
  // A count reports a figure: "The report counts 31 such incidents", "have counted at least 60"; "can count the tankers" reports nothing.
  ['count', /^(?:\s+[\p{L}-]+){0,3}?\s+(?:\p{N}|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|scores|hundreds|thousands)\b)/iu],
  // An estimate, a figure after "at": "The British government put the value at about $50 billion", "puts the death toll lower, at
  // 356"; "put troops on the border" reports nothing.
  // Or a way of saying it: "A European intelligence official put it differently: …", "As one diplomat put it more bluntly, …".
  ['put', /^\s+it\s+(?:differently|another\s+way|this\s+way|that\s+way|more\s+\p{Ll}+|\p{Ll}+ly|simply|best)\b|^\s+(?:the|its|their|his|her)\s+(?:[\p{L}'’-]+\s+){0,4}?[\p{L}-]+(?:\s+of\s+[^,;.]{1,40})?(?:\s+(?:lower|higher|far\s+lower|far\s+higher|much\s+lower|much\s+higher),?)?\s+at\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|almost\s+|more\s+than\s+|less\s+than\s+|up\s+to\s+|over\s+|under\s+|just\s+)?(?:[$€£]|\p{N})/iu],
  // A request reports only with its addressee and what they are to do: "Pakistan has asked Kabul to act"; "asked for" reports nothing.
  ['ask', /^\s+(?!for\b|about\b|after\b)(?:[\p{L}'’-]+\s+){1,6}?to\s+\p{Ll}/u],
  ['express', /^\s+(?:the\s+|their\s+|his\s+|her\s+|its\s+|deep\s+|grave\s+|serious\s+)?(?:opinion|view|belief|hope|concern|fear|confidence|doubt|regret|alarm)s?\b/iu],
]);
const MAX_PP = 7;
const MAX_POSSESSED = 4;
const MAX_RELATIVE = 12;
// An apposition between a speaker and its verb: ", a senior program associate … at the Woodrow Wilson Center, said".
const MAX_PAREN_CHARS = 140;
// ", whose 2023 report named", ", whose latest study also found": the body's document speaks (a short "of …" / "on …" tail of
// its name may stand before the comma).
const WHOSE_DOCUMENT = /^(?:\s+(?:on|of|for|in)\s+[^,;:"“”]{1,60}?)?,\s+whose\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(\p{Ll}+)\s+(?:also\s+|has\s+|had\s+)?(\p{Ll}+)\b/u;
// A speaker's parenthetical that makes them a witness in a trial or an inquiry.
const TESTIFYING = /^,\s+(?:(?:who\s+was\s+)?testifying|giving\s+evidence|who\s+(?:testified|gave\s+evidence))\b/iu;

const SCORE = {
  speaker: 0.9,
  documentSubject: 0.88,
  documentMention: 0.6,
  anaphorAccording: 0.86,
  anaphorSubject: 0.82,
  anaphorFallback: 0.72,
  anaphorMention: 0.55,
  pronoun: 0.78,
  name: 0.85,
  nameUnknown: 0.7,
  hedge: 0.6,
  listener: 0.62,
} as const;
const FAMILY_SCORE: Record<string, number> = { vague: 0.6, anonymous: 0.75 };

export function findCandidates(s: string, block: number, c: CompiledLexicon, d: Discourse, headlineStyle = false): Candidate[] {
  const ctx: Ctx = { s, toks: tokenize(s), c, acronyms: d.acronyms, shortNames: d.shortNames };
  const { toks } = ctx;
  const bodyMentionsBefore = d.bodies.length;
  const terms = findTerms(ctx);
  learnAcronyms(ctx, terms, d);
  learnBodies(ctx, terms, d, block);
  addBodyAnaphors(ctx, terms, d, bodyMentionsBefore, block);
  const out: Candidate[] = [];
  const label = (family: string | null): string => (family ? (c.lexicon.families[family]?.label ?? family) : 'unknown');

  // Documents first: "United Nations report" makes the UN term part of a document mention.
  type Doc = { start: number; end: number; family: string; resolution: string; anaphor: boolean; fallback: boolean; from?: number };
  const docs: Doc[] = [];
  // Indefinite documents of no known body yet: "…, the panel said in a report" makes it the panel's.
  const pending: { start: number; end: number; noun: string }[] = [];
  toks.forEach((tok, i) => {
    if (!c.documentNouns.has(tok.lower)) return;
    // "The National Investigation Agency": a capitalised document noun going on into a capitalised name is part of that name.
    if (/^\p{Lu}/u.test(tok.text) && i + 1 < toks.length && WS.test(sep(ctx, i + 1)) && isNameWord(toks[i + 1].text)) return;
    const noun = tok.lower;
    const left = walkLeft(ctx, i, terms);
    // "local media report." / "officials estimate that": without a determiner the noun is the speaker's verb.
    if (!left.determiner && c.verbForms.has(noun) && /^\s*(?:[.,;:]|that(?![\p{L}]))/u.test(s.slice(tok.end, tok.end + 8))) return;
    // "experts note that" / "officials estimate": after a plural common noun the bare base form is its verb.
    if (left.entity?.info.plural && !/\p{Lu}/u.test(left.entity.info.phrase) && left.entity.last === i - 1 && c.verbForms.has(noun) && !noun.endsWith('s')) return;
    // "The report's authors …, they write": the authors are a group speaking for the document's source.
    const authors = (family: string, end: number): void => {
      const m = /^['’]s\s+(\p{L}+)/u.exec(s.slice(end));
      if (m && c.authorNouns.has(m[1].toLowerCase())) d.speakers.push({ family, surface: s.slice(left.start, end + m[0].length), kind: 'group', plural: true, block });
    };
    const intro = (family: string, end: number): void => {
      authors(family, end);
      const surface = s.slice(left.start, end);
      d.referents.push({ noun: singular(noun), family, block, surface });
      // Its authors can be referred back to: "the investigators found", "It described…".
      d.speakers.push({ family, surface, kind: 'organisation', plural: false, block });
      docs.push({ start: left.start, end, family, resolution: `'${surface}' (${label(family)} ${singular(noun)})`, anaphor: false, fallback: false });
    };
    // "A threat alert issued by the home department": a genre word ("threat", "intelligence") says what kind of document it
    // is, the agent who issued it whose it is.
    const issuer = left.entity?.info.modifierOnly ? agentAfter(ctx, i, terms) : undefined;
    if (left.entity && !(issuer && issuer.info.family !== left.entity.info.family)) {
      left.entity.consumed = true;
      intro(left.entity.info.family, tok.end);
      return;
    }
    if (issuer) {
      issuer.consumed = true;
      intro(issuer.info.family, issuer.end);
      return;
    }
    const agent = agentAfter(ctx, i, terms);
    if (agent) {
      agent.consumed = true;
      intro(agent.info.family, agent.end);
      return;
    }
    // Headline grammar drops articles: a standfirst's "Document details…" is "the document".
    const bare = !left.determiner && !left.entity && headlineStyle && left.start === firstWordStart(ctx);
    if ((left.determiner && DEFINITE.has(left.determiner)) || bare) {
      const ref = resolveReferent(d, singular(noun));
      if (!ref) return; // nothing to point back to: not evidence of anything
      const r = ref.referent;
      // "a study … The 72-page paper … the paper notes": a second name for the same document is remembered under that name too.
      if (r.noun !== singular(noun)) d.referents.push({ ...r, noun: singular(noun), block });
      authors(r.family, tok.end);
      docs.push({
        start: left.start,
        end: tok.end,
        family: r.family,
        resolution: `${r.noun} introduced in ¶${r.block} as ${article(label(r.family))} ${label(r.family)} ${r.noun} ('${r.surface}')`,
        anaphor: true,
        fallback: ref.fallback,
        from: r.block,
      });
    } else if ((left.determiner === 'a' || left.determiner === 'an') && TO_THE_MEETING.test(s.slice(tok.end)) && d.lastBodyMentioned && block - d.lastBodyMentioned.block <= 1) {
      // "A report to the meeting said …", "a paper to councillors": officers report to the body whose meeting it is.
      intro(d.lastBodyMentioned.family, tok.end + (TO_THE_MEETING.exec(s.slice(tok.end))?.[0].length ?? 0));
    } else if (left.determiner === 'a' || left.determiner === 'an') {
      pending.push({ start: left.start, end: tok.end, noun: singular(noun) });
    } else if (left.determiner && POSSESSIVE[left.determiner]) {
      // "…, a figure the New Lines Institute considers too high. Its own count …": "own" contrasts the owner with the one
      // just spoken of, so it is the body the last sentence mentioned last, not the speaker it opened with.
      const own = /\bown\s+$/iu.test(s.slice(left.start, tok.start));
      const contrasted = own && POSSESSIVE[left.determiner] === 'it' && d.lastBodyMentioned && block - d.lastBodyMentioned.block <= 1 ? d.lastBodyMentioned : null;
      const owner = contrasted ? { ...contrasted, kind: 'organisation' as const, plural: false } : resolvePronoun(d, POSSESSIVE[left.determiner], block);
      if (!owner) return;
      d.referents.push({ noun: singular(noun), family: owner.family, block, surface: s.slice(left.start, tok.end) });
      docs.push({ start: left.start, end: tok.end, family: owner.family, resolution: `'${left.determiner}' → ${owner.surface} (¶${owner.block}), ${label(owner.family)}`, anaphor: true, fallback: false });
    }
  });
  for (const doc of docs) {
    const role = roleOf(ctx, doc.start, doc.end, true);
    // "the investigation is being conducted" after some other body's report: a new inquiry described, not the report speaking.
    if (doc.fallback && role?.role === 'subject') {
      const next = firstTokenFrom(ctx, doc.end);
      if (next < toks.length && BE.has(toks[next].lower) && WS.test(s.slice(doc.end, toks[next].start))) continue;
    }
    // "The hotspots report is published twice a year", "The assessment was shared with allies": a document as the subject of
    // its own making or handling is described by the article, it does not speak.
    if (role?.role === 'subject' && madeOrHandled(ctx, doc.end)) continue;
    let score: number;
    if (role?.role === 'according') score = doc.anaphor ? SCORE.anaphorAccording : SCORE.speaker;
    else if (role || coordinatedSubject(ctx, doc.end)) score = doc.anaphor ? (doc.fallback ? SCORE.anaphorFallback : SCORE.anaphorSubject) : SCORE.documentSubject;
    else if (NOT_SOURCING_BEFORE.test(s.slice(Math.max(0, doc.start - 30), doc.start))) continue;
    // "The dealer named in the report called the claims fiction": the dealer's word, not the report's.
    else if (picksOutOf(ctx, doc.start, doc.end)) continue;
    else score = doc.anaphor ? SCORE.anaphorMention : SCORE.documentMention;
    // "The report said… It described…": a document speaking can be referred back to.
    if (role && doc.anaphor) d.speakers.push({ family: doc.family, surface: s.slice(doc.start, doc.end), kind: 'organisation', plural: false, block });
    const cueStart = role?.role === 'according' || role?.role === 'inverted' ? role.cueStart : doc.start;
    const cueEnd = role?.role === 'subject' ? role.cueEnd : doc.end;
    const pattern = `${doc.anaphor ? 'anaphor' : 'document'}.${role?.role ?? (score === SCORE.documentMention || score === SCORE.anaphorMention ? 'mention' : 'subject')}`;
    out.push({ kind: doc.anaphor ? 'anaphor' : 'document', pattern, family: doc.family, score, cue: trimCue(s.slice(cueStart, cueEnd)), cueStart, resolution: doc.resolution, ...(role?.role === 'subject' ? { verbEnd: role.cueEnd } : {}) });
  }

  // Named sources in a speaker role: "Security experts warn", "according to the WHO", "said officials".
  for (const t of terms) {
    // "the network" pointing back is a speaker through the generic-anaphor pass below, not a named source.
    if (t.consumed || t.info.modifierOnly || t.info.anaphoric) continue;
    // "South Korea's spy agency told": the possessed source speaks, not its owner.
    if (t.last + 1 < toks.length && /^['’]s\s+$/.test(sep(ctx, t.last + 1))) {
      const owned = terms.find((x) => x !== t && !x.info.modifierOnly && x.first > t.last && x.first <= t.last + 2);
      if (owned && owned.info.family !== t.info.family && roleOf(ctx, owned.start, extendRight(ctx, owned.last, terms), false)) continue;
    }
    let end = extendRight(ctx, t.last, terms);
    // "informed sources in the law enforcement bodies", "a source in the State Committee for National Security": an unnamed
    // source inside a body speaks for it; "the same sources", "The source" are the last such source again.
    let sourceOf: { family: string; surface: string } | null = null;
    if (t.info.family === 'anonymous') {
      const inside = sourceInside(ctx, t, terms);
      if (inside) {
        inside.consumed = true;
        end = extendRight(ctx, inside.last, terms);
        sourceOf = { family: inside.info.family, surface: s.slice(inside.start, end) };
      } else if (/^(?:the|these|those)\s/iu.test(t.info.phrase) && d.lastSource && block - d.lastSource.block <= 2) sourceOf = d.lastSource;
    }
    const role = roleOf(ctx, t.start, end, false);
    if (!role) continue;
    // "A former logistics officer, testifying from behind a screen, said": whoever testifies speaks as a witness, whatever
    // their word was before; "officials testifying before the committee" still speak for their office.
    const testifies = role.role === 'subject' && t.info.kind !== 'organisation' && !t.info.plural && 'witness' in c.lexicon.families && TESTIFYING.test(s.slice(end, role.cueEnd));
    // "An official of the Intelligence Bureau (IB) said", "a spokesman of the UN mission": staff speak for the body they are of,
    // when it is a more specific affiliation than their own word.
    const ofBody = t.info.kind !== 'organisation' ? /^\s+of\s+(?:the\s+)?/iu.exec(s.slice(end, end + 12)) : null;
    const employerTerm = ofBody ? terms.find((x) => x.start === end + ofBody[0].length && x.info.kind === 'organisation' && !x.info.placeName && !x.info.modifierOnly) : undefined;
    const rankOf = (family: string): number => c.affiliationRank.get(family) ?? 99;
    const employer = employerTerm && rankOf(employerTerm.info.family) < rankOf(t.info.family) ? { family: employerTerm.info.family, surface: employerTerm.info.phrase } : null;
    // "Military sources said … The sources added": any unnamed source is who "the sources" means next.
    if (t.info.family === 'anonymous' || /\bsources?$/u.test(t.info.phrase)) d.lastSource = { family: sourceOf?.family ?? t.info.family, surface: sourceOf?.surface ?? s.slice(t.start, end), block };
    // "the experts" with a body named more recently than any experts ("UN sanctions monitors … the experts
    // describe") refers back to that body, like "the investigators".
    if (t.info.kind === 'group' && c.lexicon.anaphoricGroupFamilies.includes(t.info.family) && t.first === t.last && t.first > 0 && toks[t.first - 1].lower === 'the' && WS.test(sep(ctx, t.first))) {
      const back = sameWordBody(d, toks[t.first].lower, t.info.family) ?? lastSpeaker(d, block, (x) => x.kind === 'organisation' || x.family === t.info.family);
      if (back && back.family !== t.info.family && back.kind === 'organisation') {
        const cueStart = role.role === 'subject' ? toks[t.first - 1].start : role.cueStart;
        out.push({
          kind: 'pronoun',
          pattern: `organisation.${role.role}`,
          family: back.family,
          score: SCORE.pronoun - 0.05 * Math.max(0, block - back.block - 1),
          cue: trimCue(s.slice(cueStart, role.role === 'subject' ? role.cueEnd : end)),
          cueStart,
          ...(role.role === 'subject' ? { verbEnd: role.cueEnd } : {}),
          resolution: `last organisation named '${back.surface}' (¶${back.block}), ${label(back.family)}`,
        });
        continue;
      }
    }
    // "A European intelligence official who follows the trade … said" then "the official said": the same person, described
    // more fully before, speaks for the same body.
    const word = toks[t.first].lower;
    const fuller = t.first === t.last && end === t.end && t.first > 0 && toks[t.first - 1].lower === 'the' ? describedSpeaker(d, word, block) : null;
    const earlier = fuller && fuller.family !== t.info.family && fuller.surface.toLowerCase().replace(/^(?:the|a|an)\s+/u, '') !== word ? fuller : null;
    const start = extendLeft(ctx, t.first);
    const surface = s.slice(start, end);
    // "A NATO spokeswoman" is a person of NATO's ("She said" finds her), "a UN panel" an organisation.
    const head = end > t.end ? (/(\p{L}+)$/u.exec(surface)?.[1].toLowerCase() ?? '') : '';
    const kind: SpeakerKind = head && !c.organisationAnaphors.has(head) && !ORGANISATION_HEADS.has(head) ? 'group' : t.info.kind;
    d.speakers.push({ family: testifies ? 'witness' : (employer?.family ?? earlier?.family ?? t.info.family), surface: earlier?.surface ?? surface, kind, plural: head ? /[^s]s$/.test(head) : t.info.plural, block });
    const cueStart = role.role === 'subject' ? start : Math.min(role.cueStart, start);
    const cueEnd = role.role === 'subject' ? role.cueEnd : end;
    // "Two people familiar with the assessment said", "Officials briefed on the findings said": unnamed people
    // relay what the document they know of says, so they speak for its source — a document named as such, or the last
    // one if it was met just before ("the inquiry" four paragraphs after a study is some other inquiry).
    const known =
      role.role === 'subject' && RELAYING_FAMILIES.has(t.info.family)
        ? docs.find((x) => (!x.fallback || block - (x.from ?? -9) <= 1) && x.start >= end && x.end <= role.cueEnd && KNOWS_OF.test(s.slice(Math.max(0, x.start - 24), x.start)))
        : undefined;
    out.push({
      kind: 'speaker',
      pattern: `speaker.${known ? 'relayed' : sourceOf ? 'source' : earlier ? 'described' : role.role}`,
      family: testifies ? 'witness' : (known?.family ?? sourceOf?.family ?? employer?.family ?? earlier?.family ?? t.info.family),
      score: FAMILY_SCORE[t.info.family] ?? SCORE.speaker,
      cue: trimCue(s.slice(cueStart, cueEnd)),
      cueStart,
      ...(role.role === 'subject' ? { verbEnd: role.cueEnd } : {}),
      resolution: known
        ? `${surface} (${label(t.info.family)}), relaying ${known.resolution}`
        : sourceOf
          ? `${surface} (${label(t.info.family)}), a source in '${sourceOf.surface}' (${label(sourceOf.family)})`
          : testifies
            ? `${surface}, testifying (${label('witness')})`
            : employer
            ? `${surface} of '${employer.surface}' (${label(employer.family)})`
            : earlier
              ? `${surface} → '${earlier.surface}' (¶${earlier.block}), ${label(earlier.family)}`
              : `${surface} (${label(t.info.family)})`,
    });
  }

  // Pronouns and generic anaphors as speakers: "they say", "She added", "The agency said".
  toks.forEach((tok, i) => {
    let speaker: Speaker | null = null;
    let end = tok.end;
    let how = '';
    if (PRONOUNS.has(tok.lower)) {
      speaker = resolvePronoun(d, tok.lower as Pronoun, block);
      how = 'nearest named speaker';
    } else if (tok.lower === 'the' && i + 1 < toks.length && c.bodyHeads.has(toks[i + 1].lower) && WS.test(s.slice(tok.end, toks[i + 1].start))) {
      // "The institute attributes" after "Mozambique's National Institute of Health": the last body of that name.
      // Only bodies named in earlier sentences: this one's own name is no antecedent.
      const head = toks[i + 1].lower;
      const body = lastBody(d, head, bodyMentionsBefore);
      end = toks[i + 1].end;
      if (body) {
        speaker = { family: body.family, surface: body.surface, kind: 'organisation', plural: false, block: body.block };
        how = `the ${head} named`;
      } else if (c.organisationAnaphors.has(head)) {
        // "The panel said" after "a panel of experts … the Pentagon": the organisation with that word first, else the last one.
        const re = wordPattern(head);
        speaker = lastSpeaker(d, block, (x) => x.kind === 'organisation' && re.test(x.surface)) ?? lastSpeaker(d, block, (x) => x.kind === 'organisation');
        how = 'last organisation named';
      } else return;
    } else if ((tok.lower === 'the' || tok.lower in POSSESSIVE) && i + 1 < toks.length && c.authorNouns.has(toks[i + 1].lower) && WS.test(sep(ctx, i + 1))) {
      // "Its authors say" / "the authors argue": the people who wrote the last document speak for its source.
      speaker = tok.lower === 'the' ? lastSpeaker(d, block, (x) => x.kind === 'organisation' || x.kind === 'document') : resolvePronoun(d, POSSESSIVE[tok.lower], block);
      end = toks[i + 1].end;
      how = 'authors of';
    } else return;
    if (!speaker) return;
    const role = roleOf(ctx, tok.start, end, false);
    // "Member states told the team that…": what a body was told is what its report relays. Weak, so any
    // named speaker of the sentence wins over it.
    if (!role && how === 'last organisation named' && i > 0 && c.tellForms.has(toks[i - 1].lower) && WS.test(sep(ctx, i)) && /^\s+that\b/u.test(s.slice(end))) {
      out.push({
        kind: 'pronoun',
        pattern: 'organisation.listener',
        family: speaker.family,
        score: SCORE.listener,
        cue: trimCue(s.slice(toks[i - 1].start, end)),
        cueStart: toks[i - 1].start,
        resolution: `${how} '${speaker.surface}' (¶${speaker.block}), ${label(speaker.family)}, as the one told`,
      });
      return;
    }
    if (!role || role.role === 'agent') return;
    // "Its authors, Fatou Diallo and Jonas Meyer, describe": the authors named in the apposition speak for the document later by surname.
    if (how === 'authors of' && role.role === 'subject') learnAuthors(s.slice(end, role.cueEnd), speaker, d, block);
    // "the commission found" mentions the body again, so "Its report" two paragraphs on can still reach it.
    if (!PRONOUNS.has(tok.lower) && how !== 'authors of') d.speakers.push({ ...speaker, block });
    const cueStart = role.role === 'subject' ? tok.start : role.cueStart;
    out.push({
      kind: 'pronoun',
      pattern: `${PRONOUNS.has(tok.lower) ? 'pronoun' : 'organisation'}.${role.role}`,
      family: speaker.family,
      score: SCORE.pronoun - 0.05 * Math.max(0, block - speaker.block - 1),
      cue: trimCue(s.slice(cueStart, role.role === 'subject' ? role.cueEnd : end)),
      cueStart,
      ...(role.role === 'subject' ? { verbEnd: role.cueEnd } : {}),
      resolution: `${how} '${speaker.surface}' (¶${speaker.block}), ${label(speaker.family)}`,
    });
  });

  // "In his words, …", "In their view, …": the person or body last spoken of, like "according to him".
  for (const m of s.matchAll(IN_OWN_WORDS)) {
    const owner = resolvePronoun(d, POSSESSIVE[m[1].toLowerCase()], block);
    if (!owner) continue;
    out.push({ kind: 'pronoun', pattern: 'pronoun.according', family: owner.family, score: SCORE.pronoun, cue: m[0], cueStart: m.index, resolution: `'${m[1]}' → ${owner.surface} (¶${owner.block}), ${label(owner.family)}` });
  }

  // "Sanctions, in the analyst’s view, have …": the expert last described so, or the word's own family; "in Varga's view".
  for (const m of s.matchAll(IN_POSSESSOR_WORDS)) {
    const noun = m[1];
    const owner: Speaker | null | undefined = noun ? (describedSpeaker(d, noun, block) ?? termSpeaker(c, noun, block)) : d.bySurname.get(m[2]);
    if (!owner) continue;
    out.push({ kind: 'pronoun', pattern: 'description.according', family: owner.family, score: SCORE.pronoun, cue: m[0], cueStart: m.index, resolution: `'${noun ? `the ${noun}` : m[2]}' → ${owner.surface} (¶${owner.block}), ${label(owner.family)}` });
  }

  // "says the 67-year-old", "Back in Rotterdam, the 38-year-old is not optimistic": the person introduced with that age, else
  // a person of no known affiliation (whoever the paragraph is about).
  for (const m of s.matchAll(BY_AGE)) {
    const end = m.index + m[0].length;
    const role = roleOf(ctx, m.index, end, false);
    if (!role || role.role === 'agent') continue;
    const known = d.byAge.get(m[1]);
    const person: Speaker = { family: known?.family ?? c.lexicon.namedFamily, surface: known?.surface ?? m[0], kind: 'person', plural: false, block };
    d.speakers.push(person);
    const cueStart = role.role === 'subject' ? m.index : role.cueStart;
    out.push({
      kind: 'name',
      pattern: `age.${role.role}`,
      family: person.family,
      score: known && known.family !== c.lexicon.namedFamily ? SCORE.name : SCORE.nameUnknown,
      cue: trimCue(s.slice(cueStart, role.role === 'subject' ? role.cueEnd : end)),
      cueStart,
      ...(role.role === 'subject' ? { verbEnd: role.cueEnd } : {}),
      resolution: known ? `'${m[0]}' → ${known.surface} (¶${known.block}), ${label(person.family)}` : `'${m[0]}', a person with no known affiliation`,
    });
  }

  // "…,” the old fisherman says.": a description the lexicon does not class speaks as a person of unknown affiliation — the
  // quotation is theirs, not the article's.
  for (const m of s.matchAll(DESCRIBED_AFTER_QUOTE)) {
    if (!(m[1] ?? m[4]) || (m[1] && m[4]) || /\d/u.test(m[2])) continue;
    const at = m.index + m[0].indexOf(m[2]);
    if (terms.some((t) => t.start < at + m[2].length && at < t.end) || c.documentNouns.has(m[3]) || PRONOUNS.has(m[3])) continue;
    const person: Speaker = describedSpeaker(d, m[3], block) ?? { family: c.lexicon.namedFamily, surface: m[2], kind: 'person', plural: false, block };
    d.speakers.push({ ...person, block });
    const cueStart = m.index + m[0].search(/\p{L}/u);
    out.push({ kind: 'name', pattern: 'description.inverted', family: person.family, score: SCORE.nameUnknown, cue: trimCue(s.slice(cueStart, m.index + m[0].length)), cueStart, resolution: `'${m[2]}', ${person.family === c.lexicon.namedFamily ? 'a person with no known affiliation' : `${person.surface} (¶${person.block}), ${label(person.family)}`}` });
  }

  // People: "said Dr. Amal Haddad, a WHO trauma specialist", "minister Mary Wanjiru told".
  for (const m of s.matchAll(c.name)) {
    let start = m.index;
    let text = m[0];
    const firstWord = /^\S+/.exec(text)?.[0] ?? '';
    if (NOT_NAMES.has(firstWord)) {
      const rest = /^\S+\s+/.exec(text);
      if (!rest || rest[0].length >= text.length) continue;
      start += rest[0].length;
      text = text.slice(rest[0].length);
    }
    const end = start + text.length;
    // "Transport Minister Radu Ionescu": the role is a term, the person the capitalised words after it.
    const inside = terms.filter((t) => t.start < end && start < t.end);
    const lastInside = inside[inside.length - 1];
    if (lastInside && lastInside.end < end && /^\s+\p{Lu}/u.test(s.slice(lastInside.end, end))) {
      const cut = lastInside.end + (/^\s+/.exec(s.slice(lastInside.end))?.[0].length ?? 0);
      text = s.slice(cut, end);
      start = cut;
    } else if (inside.length) continue;
    if (docs.some((x) => x.start < end && start < x.end)) continue;
    // "The hall was given Grade II listed status": after a passive the capitalised words are its object, no speaker.
    if (PASSIVE_BEFORE.test(s.slice(Math.max(0, start - 40), start))) continue;
    // "in 17 US states": after a numeral a capitalised word modifies the counted noun.
    if (/(?:^|\s)\p{N}[\p{N},.]*\s+$/u.test(s.slice(Math.max(0, start - 20), start))) continue;
    const role = roleOf(ctx, start, end, false);
    if (!role || role.role === 'agent') {
      // "A former head of the service's analysis department, Tor Brekke, went further": who a person introduced in an
      // apposition speaks for is known before they speak ("Brekke told the podcast's hosts" later).
      if (!role && /\s/u.test(text) && /,\s*$/u.test(s.slice(0, start)) && /^\s*,/u.test(s.slice(end)) && !d.bySurname.has(surnameOf(text))) {
        // What follows the closing comma is the sentence's predicate, not a description of the person.
        const introduced = affiliation(ctx, start, end, text, terms, d, true);
        if (introduced.family && introduced.kind !== 'organisation') {
          const person: Speaker = { family: introduced.family, surface: text, kind: 'person', plural: false, block };
          d.bySurname.set(surnameOf(text), person);
          // "The khokim of the region, Mr. X, visited …" then "In his words, …": the person is who "he" means next.
          d.speakers.push(person);
        }
      }
      // "Elena Varga, 38, a senior analyst at …, has followed …", "Let's bring in Katrin Olsberg, who studies … at …",
      // "Interior Minister Friedrich Halm visited …": a person introduced by a role or a description speaks for it later,
      // by surname (a transcript's "OLSBERG:") or by age ("the 38-year-old").
      if (!role && /\s/u.test(text) && !d.bySurname.has(surnameOf(text))) {
        const described = affiliation(ctx, start, end, text, terms, d);
        if (described.family && described.kind !== 'organisation' && /^(?:described|introduced) as/u.test(described.why)) {
          d.bySurname.set(surnameOf(text), { family: described.family, surface: text, kind: 'person', plural: false, block });
        } else {
          // "Moussa Traoré is a researcher at the Clingendael Institute and joins us now."
          const copular = /^\s+(?:is|was)\s+(?:a|an|the)\s+[^,;.“”"]{1,120}/u.exec(s.slice(end));
          const rank = (t: TermMention): number => c.affiliationRank.get(t.info.family) ?? 99;
          const org = copular ? terms.filter((t) => t.start >= end && t.end <= end + copular[0].length && !t.info.placeName && (!t.info.modifierOnly || t.info.family === 'research')).sort((a, b) => rank(a) - rank(b))[0] : undefined;
          if (org) d.bySurname.set(surnameOf(text), { family: org.info.family, surface: text, kind: 'person', plural: false, block });
        }
      }
      const age = /^,\s*(\d{1,3}),/u.exec(s.slice(end));
      if (!role && age && /\s/u.test(text)) d.byAge.set(age[1], { family: d.bySurname.get(surnameOf(text))?.family ?? c.lexicon.namedFamily, surface: text, kind: 'person', plural: false, block });
      // "on the public broadcaster NRK's programme", "obtained by the newspaper La República": a paper or firm introduced by
      // what it is keeps that family when it speaks later ("NRK said").
      const descriptor = terms.find((t) => t.end <= start && WS.test(s.slice(t.end, start)) && DESCRIBED_FAMILIES.has(t.info.family) && t.info.kind === 'organisation' && !/\p{Lu}/u.test(t.info.phrase));
      // "Rosa Huamán sits in the bow …" then "…,” she says": a person a sentence opens with is who "she" means next.
      // Also "Down the path, Abdul Malek, who farmed rice here until 2015, now rents …" and "Shahana Begum, 41, lowers …".
      if (!role && /\s/u.test(text) && SUBJECT_OPENER.test(s.slice(0, start)) && SUBJECT_NEXT.test(s.slice(end, end + 120)) && !/['’]s$/u.test(text)) {
        d.speakers.push({ family: d.bySurname.get(surnameOf(text))?.family ?? c.lexicon.namedFamily, surface: text, kind: 'person', plural: false, block });
      }
      const bare = text.replace(/['’]s$/u, '');
      if (!role && descriptor && !d.bySurname.has(surnameOf(bare))) d.bySurname.set(surnameOf(bare), { family: descriptor.info.family, surface: bare, kind: 'organisation', plural: false, block });
      continue;
    }
    // "According to the words of the deputy chairman …, Mr. Jamshed Karimov, the residents …": after the closing comma comes the
    // claim itself, not a description of the person.
    const person = affiliation(ctx, start, end, text, terms, d, role.role === 'according' && /,\s*$/u.test(s.slice(0, start)));
    // "Judges at the court …, finding": a participle makes a known source speak, not any capitalised word.
    if (role.participle && !person.family) continue;
    // A lone capitalised word opening the sentence is more often a common noun ("Turnout", "Recruitment") than a person first met.
    if (!person.family && !/\s/.test(text) && /^[\s“"‘(]*$/.test(s.slice(0, start))) continue;
    const family = person.family ?? c.lexicon.namedFamily;
    const speaker: Speaker = { family, surface: text, kind: person.kind ?? 'person', plural: false, block };
    d.speakers.push(speaker);
    // Keep the fullest form ("Michael Kugelman"), so later reasons name the person properly.
    const known = d.bySurname.get(surnameOf(text));
    if (person.family && !(known && known.surface.length > text.length)) d.bySurname.set(surnameOf(text), speaker);
    const cueStart = role.role === 'subject' ? start : role.cueStart;
    out.push({
      kind: 'name',
      pattern: `name.${role.role}`,
      family,
      score: person.family ? SCORE.name : SCORE.nameUnknown,
      cue: trimCue(s.slice(cueStart, role.role === 'subject' ? role.cueEnd : end)),
      cueStart,
      ...(role.role === 'subject' ? { verbEnd: role.cueEnd } : {}),
      resolution: person.family ? `${text}, ${person.why} (${label(family)})` : `named speaker '${text}' with no known affiliation`,
    });
  }

  // "One of them, who gave his name only as Edwin, says …": a person known by a first name they gave speaks, and is "he" next.
  for (const m of s.matchAll(GAVE_NAME)) {
    const person: Speaker = { family: c.lexicon.namedFamily, surface: m[1] ?? m[2], kind: 'person', plural: false, block };
    d.speakers.push(person);
    const j = firstTokenFrom(ctx, m.index + m[0].length);
    if (j >= toks.length || !/^\s*,\s*$/u.test(sep(ctx, j))) continue;
    const v = gapThenVerb(ctx, j);
    if (v < 0) continue;
    out.push({ kind: 'name', pattern: 'name.subject', family: person.family, score: SCORE.nameUnknown, cue: trimCue(s.slice(m.index, v)), cueStart: m.index, verbEnd: v, resolution: `named speaker '${person.surface}' with no known affiliation` });
  }

  for (const p of pending) {
    // "…, the panel said in a report"; "Spy agencies have concluded that …, according to a classified assessment": the speaker's document.
    const according = /according\s+to\s+$/iu.test(s.slice(Math.max(0, p.start - 14), p.start));
    // "And in a report to parliament's oversight committee last week, the BfV said …": a report the sentence opens with is
    // the vehicle of its main speaker.
    const fronted = /^[\s“"]*(?:(?:and|but|yet|so)\s+)?in\s+$/iu.test(s.slice(0, p.start));
    const owner =
      (fronted ? out.find((x) => x.family !== null && x.kind !== 'hedge' && x.verbEnd !== undefined && x.cueStart >= p.end) : undefined) ??
      out.find((x) => x.family !== null && x.kind !== 'hedge' && /^\s+(?:(?:on|last|this)\s+\p{L}+\s+)?in\s+$/u.test(s.slice(x.verbEnd ?? x.cueStart + x.cue.length, p.start))) ??
      (according ? out.find((x) => x.family !== null && x.kind !== 'hedge' && x.verbEnd !== undefined && x.verbEnd <= p.start) : undefined);
    if (owner?.family) d.referents.push({ noun: p.noun, family: owner.family, block, surface: s.slice(p.start, p.end) });
  }

  // "a panel of experts said in a report to the Security Council": the unnamed body takes the family the sentence gives it,
  // so "the panel" / "the experts" later point back to it rather than to whatever organisation spoke last.
  for (const m of s.matchAll(EXPERT_BODY)) {
    const lead = [...out].filter((x) => x.family !== null && x.kind !== 'hedge').sort((a, b) => b.score - a.score)[0];
    if (lead?.family) d.speakers.push({ family: lead.family, surface: m[0], kind: 'organisation', plural: false, block });
  }

  for (const m of s.matchAll(c.hedge)) {
    out.push({ kind: 'hedge', pattern: 'hedge', family: c.lexicon.hedges.family, score: SCORE.hedge, cue: m[0], cueStart: m.index, resolution: 'passive or hedged attribution, no named source' });
  }
  // "…, whose 2023 report named …" introduces that report: "The report traced …" next is the body's.
  for (const x of out) {
    const m = x.family && x.kind !== 'hedge' ? /,\s+whose\s+(?:[\p{L}\p{N}-]+\s+){0,3}?(\p{Ll}+)\s+\S+$/u.exec(x.cue) : null;
    const noun = m?.[1].replace(/s$/u, '');
    if (m && x.family && noun && c.documentNouns.has(noun)) d.referents.push({ noun, family: x.family, block, surface: m[0].replace(/^,\s+whose\s+/u, '').replace(/\s+\S+$/u, '') });
  }
  const body = terms.filter((t) => t.info.kind === 'organisation' && !t.info.placeName && !t.info.modifierOnly && !t.info.anaphoric).at(-1);
  if (body) d.lastBodyMentioned = { family: body.info.family, surface: s.slice(body.start, body.end), block };
  return out;
}

/**
 * The source family a bare description names ("INTERIOR MINISTER", "WHO spokeswoman"): its most specific source term,
 * as an apposition is read. Null when it names none.
 */
export function describedFamily(description: string, c: CompiledLexicon): string | null {
  const ctx: Ctx = { s: description, toks: tokenize(description), c };
  const rank = (t: TermMention): number => c.affiliationRank.get(t.info.family) ?? 99;
  const found = findTerms(ctx).filter((t) => !t.info.modifierOnly && !t.info.placeName);
  return found.sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0]?.info.family ?? null;
}

/** The person the discourse knows by this surname, in any letter case ("OLSBERG" → Katrin Olsberg). */
export function personBySurname(d: Discourse, surname: string): { family: string; surface: string } | null {
  // Labels are often typed without accents: "TRAORE" is Moussa Traoré.
  const fold = (x: string): string => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const want = fold(surname);
  for (const [key, sp] of d.bySurname) if (fold(key) === want) return sp;
  return null;
}

/**
 * Picks the winning cue: strongest score, then earliest. Hedges (0.6) only beat weak cues. A cue inside
 * what another speaker reports ("Riedel said administration officials told him…") is that speaker's
 * account, so it only counts as "also cites".
 */
export function chooseCandidate(cands: Candidate[]): { best: Candidate; others: Candidate[] } | null {
  if (cands.length === 0) return null;
  // "…, said Hamid Osman" closes the sentence and governs all of it, even a subject before it ("The findings fit…").
  const embedded = (x: Candidate): boolean => !x.pattern.endsWith('.inverted') && cands.some((m) => m !== x && m.verbEnd !== undefined && m.verbEnd <= x.cueStart && (m.score >= 0.8 || ((m.kind === 'name' || m.kind === 'speaker' || m.pattern.startsWith('pronoun.')) && m.score >= 0.7)));
  const rank = (x: Candidate): number => (embedded(x) && x.kind !== 'hedge' ? 1 : 0);
  const sorted = [...cands].sort((a, b) => rank(a) - rank(b) || b.score - a.score || a.cueStart - b.cueStart);
  const best = sorted[0];
  const others = sorted.slice(1).filter((x) => x.kind === 'hedge' || (x.family !== best.family && x.score >= 0.8));
  return { best, others };
}

// ---- token helpers -------------------------------------------------------------------------

const SOURCE_IN = new Set(['in', 'at', 'within', 'inside', 'from', 'close', 'near']);

/** The body an unnamed source is placed in: "sources in the law enforcement bodies of the region", "a source close to the ministry". */
function sourceInside(ctx: Ctx, t: TermMention, terms: TermMention[]): TermMention | undefined {
  const { toks } = ctx;
  const j = t.last + 1;
  if (j >= toks.length || !SOURCE_IN.has(toks[j].lower) || !WS.test(sep(ctx, j))) return undefined;
  const from = toks[j].lower === 'close' || toks[j].lower === 'near' ? j + 2 : j + 1;
  return terms.find((x) => x.first >= from && x.first <= from + 3 && !x.consumed && !x.info.placeName && x.info.family !== 'anonymous' && x.info.family !== 'vague' && toks.slice(from, x.first + 1).every((k, n) => WS.test(sep(ctx, from + n)) && (from + n === x.first || !/^\p{Lu}/u.test(k.text))));
}

function sep(ctx: Ctx, i: number): string {
  return ctx.s.slice(i === 0 ? 0 : ctx.toks[i - 1].end, ctx.toks[i].start);
}

function firstWordStart(ctx: Ctx): number {
  return ctx.toks.length ? ctx.toks[0].start : -1;
}

function firstTokenFrom(ctx: Ctx, pos: number): number {
  let i = 0;
  while (i < ctx.toks.length && ctx.toks[i].start < pos) i += 1;
  return i;
}

function lastTokenBefore(ctx: Ctx, pos: number): number {
  let i = ctx.toks.length - 1;
  while (i >= 0 && ctx.toks[i].end > pos) i -= 1;
  return i;
}

function findTerms(ctx: Ctx): TermMention[] {
  const { toks, c } = ctx;
  const out: TermMention[] = [];
  for (let i = 0; i < toks.length; ) {
    let found = longestTermAt(ctx, i);
    // A body the lexicon does not list, named by its head word; a place, a modifier-only word or a generic
    // phrase opening it is part of the name ("the Defence Intelligence Organisation").
    // A listed name opening a longer one lends it its family: "the UN Institute for Training and Research".
    {
      const opener = found && !found.info.placeName && !found.info.modifierOnly && /\p{Lu}/u.test(found.info.phrase) ? found : null;
      const body = namedBodyAt(ctx, i, opener);
      if (body && (!found || body.last > found.last)) {
        out.push(body);
        i = body.last + 1;
        continue;
      }
    }
    found ??= acronymAt(ctx, i) ?? shortNameAt(ctx, i);
    // A modifier-only term yields to a speaker term inside it when no document follows:
    // "Western intelligence agencies have concluded" is the agencies speaking, not a "Western intelligence" document.
    if (found?.info.modifierOnly && !(found.last + 1 < toks.length && c.documentNouns.has(toks[found.last + 1].lower))) {
      const inner = longestTermAt(ctx, i + 1);
      if (inner && !inner.info.modifierOnly && inner.last > found.last) found = null;
    }
    if (found && insideProperName(ctx, found)) found = null;
    // "the Kyiv School of Economics": a place opening another name is not the government.
    if (found?.info.placeName && found.last + 1 < toks.length && WS.test(sep(ctx, found.last + 1)) && /^\p{Lu}\p{Ll}/u.test(toks[found.last + 1].text) && !longestTermAt(ctx, found.last + 1)) {
      i = found.last + 1;
      continue;
    }
    // "a Washington think tank", "a Moscow newspaper", "a London consultancy": a place before a source of another kind
    // says where it is, not that the government speaks.
    if (found?.info.placeName && found.last + 1 < toks.length && WS.test(sep(ctx, found.last + 1)) && /^\p{Ll}/u.test(toks[found.last + 1].text)) {
      const next = longestTermAt(ctx, found.last + 1);
      if (next && !next.info.placeName && next.info.family !== found.info.family) {
        i = found.last + 1;
        continue;
      }
    }
    if (found) {
      out.push(found);
      i = found.last + 1;
    } else i += 1;
  }
  return out;
}

const NAME_CONNECTORS = new Set(['of', 'for', 'on', 'and', 'the']);
const MAX_NAME_TOKENS = 12;

function isNameWord(w: string): boolean {
  return /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w);
}

/**
 * A run of capitalised words (joined by "of", "for", "and", "&"…) that names a body by a head word of
 * `namedBodies`: "the Small Arms Transfers Observatory", "the Armed Conflict Location and Event Data
 * Project". Yields to a UN, intelligence or other listed name inside it ("the Geneva-based UN Institute").
 */
function namedBodyAt(ctx: Ctx, i: number, opener: TermMention | null = null): TermMention | null {
  const { toks, c } = ctx;
  if (c.namedBodies.length === 0 || !isNameWord(toks[i].text)) return null;
  // A name starts its run of capitalised words: "UN Institute for Training" is the UN's, not a body called "Institute for Training".
  // A descriptor before it ("the Geneva-based UN Institute") is no part of another name.
  if (i > 0 && WS.test(sep(ctx, i)) && isNameWord(toks[i - 1].text) && !/-\p{Ll}+$/u.test(toks[i - 1].text)) return null;
  let last = i;
  for (let j = i + 1; j < toks.length && j - i < MAX_NAME_TOKENS; ) {
    let k = j;
    while (k < toks.length && k - j < 2 && NAME_CONNECTORS.has(toks[k].text) && WS.test(sep(ctx, k))) k += 1;
    if (k >= toks.length || !/^\s+(?:&\s+)?$/.test(sep(ctx, k)) || !isNameWord(toks[k].text)) break;
    last = k;
    j = k + 1;
  }
  const words = toks.slice(i, last + 1).map((t) => t.text);
  if (words.filter(isNameWord).length < 2) return null;
  if (opener) {
    // Only a name that goes on to an organisation's head noun after the listed one ("…Institute for…", "…Regional Office…").
    if (last <= opener.last || !toks.slice(opener.last + 1, last + 1).some((t) => c.bodyHeads.has(t.lower) && /^\p{Lu}/u.test(t.text))) return null;
    const phrase = ctx.s.slice(toks[i].start, toks[last].end);
    return { start: toks[i].start, end: toks[last].end, first: i, last, consumed: false, info: { ...opener.info, phrase, named: true } };
  }
  const rule = c.namedBodies.find((r) => words.some((w) => r.heads.has(w)) && (!r.requires || words.some((w) => r.requires?.has(w))));
  if (!rule) return null;
  for (let k = i + 1; k <= last; k += 1) {
    const inner = longestTermAt(ctx, k);
    // "the Kurdistan Region Security Council": a UN body's generic name ending another proper name is that other body's —
    // unless the name says it is the UN's, or only a descriptor ("Geneva-based") stands before it.
    const tail = inner?.info.family === 'un' && inner.last === last && !/-\p{Ll}+$/u.test(toks[i].text) && !toks.slice(i, k).some((x) => c.casedTerms.get(x.text)?.family === 'un');
    if (inner && !tail && !inner.info.modifierOnly && !inner.info.placeName && /\p{Lu}/u.test(inner.info.phrase)) return null;
  }
  const phrase = ctx.s.slice(toks[i].start, toks[last].end);
  return { start: toks[i].start, end: toks[last].end, first: i, last, consumed: false, info: { family: rule.family, kind: 'organisation', modifierOnly: false, plural: false, phrase, placeName: false, named: true } };
}

/** An acronym the article introduced earlier ("ASIO also assessed"). */
function acronymAt(ctx: Ctx, i: number): TermMention | null {
  const tok = ctx.toks[i];
  const info = /^\p{Lu}[\p{Lu}\p{Ll}]{0,6}\p{Lu}$/u.test(tok.text) ? ctx.acronyms?.get(tok.text) : undefined;
  return info ? { start: tok.start, end: tok.end, first: i, last: i, info, consumed: false } : null;
}

/** Remembers every body this sentence names with a proper name of several words (for "the institute" later). */
function learnBodies(ctx: Ctx, terms: TermMention[], d: Discourse, block: number): void {
  for (const t of terms) {
    if (t.info.kind !== 'organisation' || t.info.placeName || t.info.modifierOnly || t.last === t.first) continue;
    const words = ctx.toks.slice(t.first, t.last + 1).filter((x) => /^\p{Lu}/u.test(x.text));
    // "the electoral commission" / "the observation mission", even unnamed and only mentioned, is what "the commission" means next.
    const head = ctx.toks[t.last].lower;
    if (words.length < 2 && !(words.length === 0 && ctx.c.organisationAnaphors.has(head))) continue;
    const keys = words.length ? words.map((x) => x.lower) : [head];
    d.bodies.push({ words: new Set(keys), family: t.info.family, surface: ctx.s.slice(t.start, t.end), block });
  }
}

/** Remembers the initials of bodies named in this sentence, and an acronym given in brackets after a body's name. */
const MAX_SHORT_NAME = 4;

/** "the New Lines project", "Asan researchers": a body named earlier, by its name without the head word. */
function shortNameAt(ctx: Ctx, i: number): TermMention | null {
  const { toks } = ctx;
  if (!ctx.shortNames?.size || !/^\p{Lu}\p{Ll}/u.test(toks[i].text)) return null;
  for (let k = Math.min(MAX_SHORT_NAME, toks.length - i); k >= 1; k -= 1) {
    const last = i + k - 1;
    const words = toks.slice(i, last + 1);
    if (words.some((w, n) => !/^\p{Lu}/u.test(w.text) || (n > 0 && !WS.test(sep(ctx, i + n))))) continue;
    // The short name stands alone: a capitalised word after it makes it part of some other name.
    if (last + 1 < toks.length && WS.test(sep(ctx, last + 1)) && /^\p{Lu}/u.test(toks[last + 1].text)) continue;
    // One word is short enough to be anything at the start of a sentence ("Asan" vs "New").
    if (k === 1 && firstWordStart(ctx) === toks[i].start) continue;
    const info = ctx.shortNames.get(words.map((w) => w.text).join(' '));
    if (info) return { start: toks[i].start, end: toks[last].end, first: i, last, info, consumed: false };
  }
  return null;
}

function learnAcronyms(ctx: Ctx, terms: TermMention[], d: Discourse): void {
  const { toks, s } = ctx;
  for (const t of terms) {
    if (t.info.kind !== 'organisation' || t.info.placeName || t.info.modifierOnly) continue;
    // "the New Lines Institute" → "New Lines": a name of capitalised words only, ending in its head word.
    const nameWords = toks.slice(t.first, t.last + 1).filter((x) => x.lower !== 'the');
    if (t.info.named && nameWords.length >= 2 && nameWords.every((x) => isNameWord(x.text) && /^\p{Lu}\p{Ll}/u.test(x.text))) {
      const short = nameWords.slice(0, -1).map((x) => x.text).join(' ');
      if (!d.shortNames.has(short) && !ctx.c.casedTerms.has(short) && !ctx.c.caselessTerms.has(short.toLowerCase())) d.shortNames.set(short, t.info);
    }
    const bracket = t.last + 1 < toks.length ? /^\s*\(\s*$/.test(sep(ctx, t.last + 1)) && /^\p{Lu}{2,8}$/u.test(toks[t.last + 1].text) && /^\s*\)/.test(s.slice(toks[t.last + 1].end)) : false;
    if (bracket && !d.acronyms.has(toks[t.last + 1].text)) d.acronyms.set(toks[t.last + 1].text, t.info);
    // "the domestic intelligence service, the BfV, said": initials in apposition to a body stand for it later ("The BfV thinks so").
    const appositive = /^,\s+(?:the\s+)?(\p{Lu}[\p{Lu}\p{Ll}]{0,6}\p{Lu}),/u.exec(s.slice(t.end));
    if (appositive && !d.acronyms.has(appositive[1]) && !(ctx.c.casedTerms.has(appositive[1]) || ctx.c.caselessTerms.has(appositive[1].toLowerCase()))) d.acronyms.set(appositive[1], t.info);
    // Listed names lend their initials too ("the Defense Intelligence Agency" … "The DIA assessment").
    if (!t.info.named && (t.last === t.first || !/\p{Lu}/u.test(t.info.phrase))) continue;
    // "Geneva-based" and "UN-backed" describe the body; they are not part of its initials.
    const initials = toks
      .slice(t.first, t.last + 1)
      .filter((x) => isNameWord(x.text) && !/-\p{Ll}+$/u.test(x.text))
      .map((x) => x.text[0])
      .join('');
    if (initials.length >= 2 && !d.acronyms.has(initials)) d.acronyms.set(initials, t.info);
  }
}

/**
 * A generic source word written capitalised after "<Name> of <Name>…" is part of a body's proper name,
 * not a speaker of its own: "the International Commission of Human Rights Experts on Ethiopia".
 */
function insideProperName(ctx: Ctx, t: TermMention): boolean {
  const { toks } = ctx;
  if (/\p{Lu}/u.test(t.info.phrase) || !/^\p{Lu}/u.test(toks[t.first].text)) return false;
  for (let k = t.first - 1; k >= 1 && k >= t.first - 4; k -= 1) {
    if (!WS.test(sep(ctx, k + 1))) return false;
    if (toks[k].lower === 'of') return WS.test(sep(ctx, k)) && /^\p{Lu}/u.test(toks[k - 1].text);
    if (!/^\p{Lu}/u.test(toks[k].text)) return false;
  }
  return false;
}

function longestTermAt(ctx: Ctx, i: number): TermMention | null {
  const { toks, c } = ctx;
  let found: TermMention | null = null;
  let key = '';
  let lower = '';
  // Extend only while some phrase still starts with these tokens: most tokens stop after one look-up.
  for (let len = 1; len <= c.maxTermTokens && i + len <= toks.length; len += 1) {
    const j = i + len - 1;
    if (len > 1 && !WS.test(sep(ctx, j))) break;
    key = len === 1 ? toks[j].text : `${key} ${toks[j].text}`;
    lower = len === 1 ? toks[j].lower : `${lower} ${toks[j].lower}`;
    const cased = c.casedPrefixes.has(key);
    const caseless = c.caselessPrefixes.has(lower);
    if (!cased && !caseless) break;
    const info = (cased ? c.casedTerms.get(key) : undefined) ?? (caseless ? c.caselessTerms.get(lower) : undefined);
    if (info) found = { start: toks[i].start, end: toks[j].end, first: i, last: j, info, consumed: false };
  }
  return found;
}

/** Walks left from a document noun over premodifiers and at most one source term. */
function walkLeft(ctx: Ctx, nounIdx: number, terms: TermMention[]): { start: number; entity?: TermMention; determiner?: string } {
  const { toks, c } = ctx;
  let start = toks[nounIdx].start;
  let entity: TermMention | undefined;
  let j = nounIdx - 1;
  // Up to two plain nouns may modify the document noun ("UNAMA's quarterly human rights update", "a new
  // climate report"), but only if a determiner or a source term then closes the phrase.
  let compounds = 0;
  while (j >= 0) {
    const gap = sep(ctx, j + 1);
    if (!entity) {
      // The term may carry a possessive: "the UN’s latest report".
      // A place straight before the noun is its topic ("trims Kenya forecast", "its Kenya Economic Update"); "Kenya's report" is the government's.
      const t = terms.find((x) => x.last === j && !x.consumed && !(x.info.placeName && WS.test(gap)));
      if (t && (WS.test(gap) || /^['’]s\s+$/.test(gap))) {
        entity = t;
        start = t.start;
        j = t.first - 1;
        continue;
      }
    }
    // "the 300-page report", "a two-year study": measure compounds modify like adjectives.
    const modifier =
      c.premodifiers.has(toks[j].lower) || /^[\p{N}\p{L}]+-(?:page|year|month|week|day|point|member|nation|country|yearly|monthly|weekly|annual)$/u.test(toks[j].lower) || titleWord(ctx, j, nounIdx);
    if (!WS.test(gap)) break;
    if (!modifier) {
      if (entity || compounds >= 2 || j !== nounIdx - 1 - compounds || !/^\p{Ll}+$/u.test(toks[j].text) || NOT_COMPOUND.has(toks[j].lower) || c.verbForms.has(toks[j].lower)) break;
      compounds += 1;
      j -= 1;
      continue;
    }
    start = toks[j].start;
    const w = toks[j].lower;
    if (DEFINITE.has(w) || w in POSSESSIVE || w === 'a' || w === 'an') return { start, entity, determiner: w };
    j -= 1;
  }
  return compounds > 0 && !entity ? { start: toks[nounIdx].start } : { start, entity };
}

/**
 * A capitalised word in a document's own title ("its twice-yearly Kenya Economic Update", "the World Economic Outlook"):
 * only before a capitalised document noun, and never a listed body ("the UN Development Report" stays the UN's).
 */
function titleWord(ctx: Ctx, j: number, nounIdx: number): boolean {
  const { toks } = ctx;
  if (!/^\p{Lu}\p{Ll}/u.test(toks[nounIdx].text) || nounIdx - j > 4 || !/^\p{Lu}\p{Ll}/u.test(toks[j].text) || NOT_NAMES.has(toks[j].text)) return false;
  for (let k = j + 1; k < nounIdx; k += 1) if (!/^\p{Lu}\p{Ll}/u.test(toks[k].text)) return false;
  const t = longestTermAt(ctx, j);
  return !t || t.info.placeName;
}

/**
 * The body a document belongs to, named after it: "figures from the Kenya National Bureau of Statistics",
 * "a report by Human Rights Watch", "the assessment published on Monday by the ODNI", "a report sent to the
 * Security Council" (a document made for a body is that body's).
 */
function agentAfter(ctx: Ctx, nounIdx: number, terms: TermMention[]): TermMention | undefined {
  const { toks, c } = ctx;
  const n = toks.length;
  let j = nounIdx + 1;
  let recipient = false;
  // A reduced relative clause names the author: "a report the UN Environment Programme is due to publish", "results the
  // directorate has shared with families", "the assessment which the agency released" (not "that": "a statement that the
  // government would …" is what the statement says).
  {
    let k = j;
    if (k < n && toks[k].lower === 'which' && WS.test(sep(ctx, k))) k += 1;
    if (k + 1 < n && toks[k].lower === 'the' && WS.test(sep(ctx, k)) && WS.test(sep(ctx, k + 1))) {
      const t = terms.find((x) => x.first === k + 1 && !x.consumed && !x.info.modifierOnly && !x.info.placeName);
      if (t) {
        let after = t.last + 1;
        while (after < n && after <= t.last + 3 && isNameWord(toks[after].text) && WS.test(sep(ctx, after))) after += 1;
        if (after < n && WS.test(sep(ctx, after)) && RELATIVE_AUTHOR_VERB.test(toks[after].lower)) return t;
      }
    }
  }
  if (j < n && (AGENT_PARTICIPLES.has(toks[j].lower) || c.documentRecipients.has(toks[j].lower)) && /^,?\s+$/.test(sep(ctx, j))) {
    const participle = toks[j].lower;
    j += 1;
    // a few words of time or place: "published on Monday by", "sent last week to"
    // "published last month in The Lancet by researchers at …"
    for (let k = 0; k < 6 && j < n && !['by', 'from', 'to'].includes(toks[j].lower) && WS.test(sep(ctx, j)); k += 1) j += 1;
    recipient = j < n && toks[j].lower === 'to' && c.documentRecipients.has(participle);
  }
  // "a note to clients from Capital Economics": who a document went to may stand before who wrote it.
  if (j === nounIdx + 1 && toks[j]?.lower === 'to') {
    for (let k = j + 1; k <= j + 3 && k < n && WS.test(sep(ctx, k)); k += 1) {
      if (toks[k].lower === 'from' || toks[k].lower === 'by') {
        j = k;
        break;
      }
    }
    // "a confidential report to the Security Council": a publication addressed to a body is made for it, like "sent to".
    if (j === nounIdx + 1 && PUBLICATIONS.has(singular(toks[nounIdx].lower)) && toks[j + 1]?.lower === 'the') {
      const body = terms.find((x) => x.first >= j + 2 && x.first <= j + 3 && x.info.kind === 'organisation' && !x.info.modifierOnly && !x.consumed);
      if (body && /\p{Lu}/u.test(body.info.phrase)) recipient = true;
    }
  }
  // "the latest report of the Security Council's monitoring team": 'of the <body>' straight after the noun names
  // the author; without 'the' it is usually the topic ("the assessment of Tehreek-e-Taliban Pakistan").
  const of = j === nounIdx + 1 && j + 1 < n && toks[j].lower === 'of' && toks[j + 1].lower === 'the';
  if (j >= n || !(recipient || of || toks[j].lower === 'by' || toks[j].lower === 'from') || !/^,?\s+$/.test(sep(ctx, j))) return undefined;
  j += 1;
  // The noun phrase's head term, skipping possessive modifiers: "by the Congolese army’s intelligence service".
  // With no term after it, the possessor speaks for the phrase: "by the Security Council's monitoring team".
  let possessor: TermMention | undefined;
  for (let i = j; i < n && i <= j + 6; i += 1) {
    if (i > j && !(WS.test(sep(ctx, i)) || /^['’]s\s+$/.test(sep(ctx, i)))) return possessor;
    // "The report, submitted to the council's sanctions committee": a body pointed back to is no new author for a document.
    const t = terms.find((x) => x.first === i && !x.consumed && !(recipient && x.info.anaphoric));
    if (!t) {
      if (of && i > j && !possessor) return undefined;
      continue;
    }
    if (t.last + 1 < n && /^['’]s\s+$/.test(sep(ctx, t.last + 1))) {
      possessor ??= t;
      i = t.last;
      continue;
    }
    // Take the whole proper name the term ends ("Kenya National Bureau of Statistics"), never a generic word inside it ("UN Group of Experts").
    const better = terms.find(
      (x) => x.first > t.first && x.first <= t.first + 4 && /\p{Lu}/u.test(x.info.phrase) && !t.info.modifierOnly && /^\s(?:\p{Lu}\p{L}*\s)*(?:of\s(?:the\s)?)?$/u.test(ctx.s.slice(t.end, x.start)),
    );
    return better && t.info.family !== 'un' ? { ...better, start: t.start, first: t.first } : t;
  }
  return possessor;
}

/**
 * After a speaker: [PP | possessed head] [, parenthetical ,] [auxiliaries/adverbs] reporting or reacting verb
 * ("officials in Kabul said", "the Union’s security council said", "Michael Kugelman, a senior fellow…, said").
 * Returns the verb's end, or -1.
 */
function speakerAfter(ctx: Ctx, end: number, start?: number): number {
  const { toks, s } = ctx;
  const j0 = firstTokenFrom(ctx, end);
  if (j0 >= toks.length) return -1;
  const lead = s.slice(end, toks[j0].start);
  // "The Federal Centre for Intelligence Analysis (FCIA) said": the acronym in brackets is part of the name.
  if (/^\s*\(\s*$/.test(lead) && /^\p{Lu}{2,8}$/u.test(toks[j0].text)) {
    const close = /^\s*\)/.exec(s.slice(toks[j0].end));
    return close ? speakerAfter(ctx, toks[j0].end + close[0].length, start) : -1;
  }
  if (/^\s*,\s*$/.test(lead)) {
    // The speaker is itself an apposition: "the director of the CIA, William Harlan, told".
    if (start !== undefined && /,\s*$/.test(s.slice(0, start))) {
      const v = gapThenVerb(ctx, j0, true);
      if (v >= 0) return v;
    }
    return afterParenthetical(ctx, j0, end);
  }
  // A restrictive relative clause: "Scholars who study the movement say", "officials who spoke to the panel said",
  // "Analysts who track the region's conflicts say"; or the reason for anonymity: "… on condition of anonymity
  // because the matter is under investigation said". The clause's own verb comes first, so the main verb is
  // looked for from the second word on.
  // Two relative clauses may be joined, each closed by a comma: "A European intelligence official who follows the trade,
  // and who asked that neither he nor his country be named, said".
  // A contact clause of the reporter's own reporting is one too: "Several of the residents we spoke to outside the meeting said",
  // "One man I spoke to said".
  if (WS.test(lead) && (toks[j0].lower === 'who' || toks[j0].lower === 'because' || ((toks[j0].lower === 'we' || toks[j0].text === 'I') && /^(?:spoke|talked|interviewed|met|asked|reached|contacted|visited)$/u.test(toks[j0 + 1]?.lower ?? '')))) {
    let limit = j0 + MAX_RELATIVE;
    let joined = false;
    for (let i = j0 + 2; i < toks.length && i <= limit; i += 1) {
      if (!WS.test(sep(ctx, i)) && !/^['’]s\s+$/.test(sep(ctx, i))) {
        if (!/^\s*,\s*$/u.test(sep(ctx, i))) return -1;
        if (!joined && toks[i].lower === 'and' && toks[i + 1]?.lower === 'who' && WS.test(sep(ctx, i + 1))) {
          joined = true;
          i += 2;
          limit = i + MAX_RELATIVE;
          continue;
        }
        return joined ? gapThenVerb(ctx, i) : -1;
      }
      const v = gapThenVerb(ctx, i);
      if (v >= 0) return v;
    }
    return -1;
  }
  // "Officials requesting anonymity told", "Two officers speaking on condition of anonymity said": the reason for anonymity
  // as a participle phrase, with no commas, between the speaker and the verb.
  const anonymous = ANONYMITY_PHRASE.exec(s.slice(end));
  if (anonymous) {
    const after = firstTokenFrom(ctx, end + anonymous[0].length);
    if (after < toks.length) return gapThenVerb(ctx, after);
  }
  let skip: number;
  if (WS.test(lead)) skip = PP_HEADS.has(toks[j0].lower) ? MAX_PP : 0;
  else if (/^['’]s\s+$/.test(lead)) skip = MAX_POSSESSED;
  else return -1;
  const possessive = skip === MAX_POSSESSED;
  for (let k = 0; k <= skip && j0 + k < toks.length; k += 1) {
    const i = j0 + k;
    // "the UN Assistance Mission in Afghanistan (UNAMA) said": the body's initials in brackets close its name after the PP.
    if (k > 0 && skip === MAX_PP && /^\s*\(\s*$/u.test(sep(ctx, i)) && /^\p{Lu}[\p{Lu}&]{1,7}$/u.test(toks[i].text) && /^\s*\)(?=[\s,])/u.test(ctx.s.slice(toks[i].end))) {
      const close = toks[i].end + (/^\s*\)/u.exec(ctx.s.slice(toks[i].end))?.[0].length ?? 1);
      const after = firstTokenFrom(ctx, close);
      if (after >= toks.length) return -1;
      // "An official of the Federal Investigation Agency (FIA), on condition of anonymity, said"
      return /^\s*,\s*$/u.test(ctx.s.slice(close, toks[after].start)) ? afterParenthetical(ctx, after, close) : gapThenVerb(ctx, after);
    }
    if (k > 0 && !WS.test(sep(ctx, i)) && !(skip === MAX_PP && /^['’]s\s+$/.test(sep(ctx, i)))) {
      return /^\s*,\s*$/.test(sep(ctx, i)) && (!possessive || isHeadNoun(ctx, i - 1)) ? afterParenthetical(ctx, i, toks[i - 1].end) : -1;
    }
    // "Pakistan’s long-held claim" is a noun phrase; "the Union’s security council said" has a speaking head.
    // The head may carry its place: "the federal prosecutor's office in Karlsruhe told".
    if (possessive && k > 0 && isHeadNoun(ctx, i - 1) && PP_HEADS.has(toks[i].lower)) {
      for (let q = i + 1; q < toks.length && q <= i + MAX_PP; q += 1) {
        if (!WS.test(sep(ctx, q))) break;
        const v = gapThenVerb(ctx, q);
        if (v >= 0) return v;
      }
    }
    if (possessive && (k === 0 || !isHeadNoun(ctx, i - 1))) continue;
    const v = gapThenVerb(ctx, i);
    if (v >= 0) return v;
  }
  return -1;
}

const ROLE_HEADS = new Set('director chief head chairman chairwoman chair leader leaders spokesman spokeswoman spokesperson minister ministry envoy commander council government office officials official president secretary representative ambassador'.split(' '));

function isHeadNoun(ctx: Ctx, i: number): boolean {
  const w = ctx.toks[i].lower;
  return ROLE_HEADS.has(w) || ctx.c.organisationHeads.has(w) || ctx.c.organisationAnaphors.has(w);
}

/** ", however, insists" / ", Col. Yusuf Demir, said": token `j` starts the parenthetical after a comma at `from`. */
function afterParenthetical(ctx: Ctx, j: number, from: number): number {
  const { toks } = ctx;
  for (let k = j; k < toks.length && toks[k].end - from <= MAX_PAREN_CHARS; k += 1) {
    if (k > j && /[;"“”]/.test(sep(ctx, k))) break;
    if (k + 1 < toks.length && /^\s*\)?\s*,\s*$/.test(sep(ctx, k + 1))) {
      const v = gapThenVerb(ctx, k + 1);
      if (v >= 0) return v;
    }
  }
  return -1;
}

/**
 * "…, Col. Yusuf Demir, at the briefing for journalists underlined that": after an apposition, a short phrase of
 * circumstance may stand before the verb. The index of the token after it, else `j`.
 */
function skipCircumstance(ctx: Ctx, j: number): number {
  const { toks, c } = ctx;
  if (j >= toks.length || !CIRCUMSTANCE.has(toks[j].lower)) return j;
  for (let i = j + 1; i < toks.length && i <= j + MAX_CIRCUMSTANCE; i += 1) {
    if (!WS.test(sep(ctx, i))) return j;
    if (c.speakerVerbForms.has(toks[i].lower) && i > j + 2) return i;
  }
  return j;
}

function gapThenVerb(ctx: Ctx, j: number, afterApposition = false): number {
  const { toks, c } = ctx;
  if (afterApposition) j = skipCircumstance(ctx, j);
  for (let i = j, n = 0; i < toks.length && n <= MAX_GAP; n += 1) {
    if (i > j && !WS.test(sep(ctx, i))) return -1;
    const w = toks[i].lower;
    // "are expected to arrive", "was said to be": a passive is not the subject speaking.
    // "a Washington think tank": a verb form opening a compound the lexicon knows is that noun.
    if (c.speakerVerbForms.has(w) && !((longestTermAt(ctx, i)?.last ?? i) > i)) {
      if (i > 0 && BE.has(toks[i - 1].lower)) return -1;
      // "the limit the WHO considers safe" is no statement; "considers that …", "expressed the opinion that …" are.
      // "the TTP had called off its ceasefire": a phrasal verb of acting, not of saying.
      if (/^call/u.test(w) && /^\s+off\b/iu.test(ctx.s.slice(toks[i].end, toks[i].end + 6))) return -1;
      const needs = COMPLEMENT_VERBS.get(w.replace(/(?:es|ed|ing|s)$/u, ''));
      if (needs && !(i + 1 < toks.length && needs.test(ctx.s.slice(toks[i].end, toks[i].end + 80)))) return -1;
      return toks[i].end;
    }
    if (COPULAS.has(w)) return stanceAfter(ctx, i + 1);
    // "Private researchers reached similar conclusions" / "came to the same conclusion".
    if (REACH.has(w)) {
      for (let k = i + 1; k < toks.length && k <= i + 3; k += 1) if (/^conclusions?$/u.test(toks[k].lower)) return toks[k].end;
      return -1;
    }
    // "The NIA has in a chargesheet filed last month named two handlers", "has, in its latest report, warned": after a perfect
    // auxiliary, the document the statement was made in may stand before the verb.
    if (HAVE.has(w) && i + 1 < toks.length && toks[i + 1].lower === 'in') {
      const doc = toks.findIndex((t, k) => k > i + 1 && k <= i + 5 && c.documentNouns.has(t.lower));
      for (let k = doc; doc > 0 && k < toks.length && k <= doc + 5; k += 1) {
        if (k > doc && !/^\s*,?\s*$/u.test(sep(ctx, k))) break;
        if (k > doc && c.speakerVerbForms.has(toks[k].lower)) return toks[k].end;
      }
    }
    if (i + 1 < toks.length && c.auxiliaries.has(`${w} ${toks[i + 1].lower}`)) i += 2;
    else if (c.auxiliaries.has(w) || isGapAdverb(c, w)) i += 1;
    else return -1;
  }
  return -1;
}

/** "are [far less] sanguine": the end of a stance adjective after a copula, else -1. */
function stanceAfter(ctx: Ctx, j: number): number {
  const { toks, c } = ctx;
  for (let i = j; i < toks.length && i <= j + 2; i += 1) {
    if (!WS.test(sep(ctx, i))) return -1;
    const w = toks[i].lower;
    // "Analysts are divided" is their opinion; "The Security Council is divided" describes the body, it says nothing.
    if (GROUP_STATES.has(w) && !PLURAL_COPULAS.has(toks[j - 1].lower)) return -1;
    if (c.stanceAdjectives.has(w)) return toks[i].end;
    if (!DEGREE.has(w)) return -1;
  }
  return -1;
}

// "-ly" adverbs may sit between speaker and verb, but a hedge ("reportedly") is never a speaker's adverb.
function isGapAdverb(c: CompiledLexicon, w: string): boolean {
  return w.length > 4 && w.endsWith('ly') && !c.hedgeWords.has(w);
}

/** After a document: [parenthetical] [auxiliaries] a word that is not a preposition — i.e. it is the subject. */
function subjectAfter(ctx: Ctx, end: number): number {
  const { toks, s, c } = ctx;
  const j0 = firstTokenFrom(ctx, end);
  if (j0 >= toks.length) return -1;
  const lead = s.slice(end, toks[j0].start);
  let j = j0;
  if (!WS.test(lead)) {
    if (!/^\s*,\s*$/.test(lead)) return -1;
    j = -1;
    for (let k = j0; k < toks.length && toks[k].end - end <= MAX_PAREN_CHARS; k += 1) {
      if (k > j0 && /[;"“”]/.test(sep(ctx, k))) break;
      if (k + 1 < toks.length && /^\s*,\s*$/.test(sep(ctx, k + 1))) {
        j = k + 1;
        break;
      }
    }
    if (j < 0) return -1;
  }
  for (let i = j, n = 0; i < toks.length && n <= MAX_GAP; i += 1, n += 1) {
    if (i > j && !WS.test(sep(ctx, i))) return -1;
    const w = toks[i].lower;
    if (c.auxiliaries.has(w) || isGapAdverb(c, w)) continue;
    // "the report it cites contains …": a pronoun after the document opens a relative clause of which it is the object.
    return NOT_SUBJECT_NEXT.has(w) || NORMATIVE_MODALS.has(w) || PRONOUNS.has(w) || w === 'we' || w === 'they' ? -1 : toks[i].end;
  }
  return -1;
}

function roleOf(ctx: Ctx, start: number, end: number, isDocument: boolean): CueRole | null {
  const { toks, s, c } = ctx;
  const last = lastTokenBefore(ctx, start);
  // according to [the] [two words] X / in the words of X
  if (last >= 0 && WS.test(s.slice(toks[last].end, start) || ' ')) {
    for (let k = last; k >= 0 && k >= last - 3; k -= 1) {
      const from = sourcePrepositionEndingAt(ctx, k);
      if (from >= 0) return { role: 'according', cueStart: toks[from].start, cueEnd: end };
    }
  }
  // "As it became known to our newspaper from a source in …", "learned from officials": whoever it was learned from.
  // "According to the words of the head of the district administration, Mr. Rustam Odinaev, …": the person in apposition to
  // the description the preposition governs.
  if (last >= 1 && /,\s*$/u.test(s.slice(toks[last].end, start)) && /^\s*,/u.test(s.slice(end))) {
    for (let k = last; k >= 0 && k >= last - MAX_DESCRIPTION; k -= 1) {
      if (k < last && !WS.test(sep(ctx, k + 1))) break;
      const from = sourcePrepositionEndingAt(ctx, k);
      if (from >= 0 && k < last) return { role: 'according', cueStart: toks[from].start, cueEnd: end };
    }
  }
  // "The Iraqi News Agency quoted the spokesman of the Commander-in-Chief as saying that …": the one quoted speaks.
  const quoted = QUOTED_BY.exec(s.slice(Math.max(0, start - 40), start));
  if (quoted && AS_SAYING.test(s.slice(end, end + 120))) return { role: 'according', cueStart: Math.max(0, start - 40) + quoted.index, cueEnd: end };
  const learned = LEARNED_FROM.exec(s.slice(Math.max(0, start - 60), start));
  if (learned) return { role: 'according', cueStart: Math.max(0, start - 60) + learned.index, cueEnd: end };
  // "… draws on the UN Group of Experts on the Congo, whose 2023 report named …": a body whose document speaks, wherever the
  // body stands in the sentence.
  const whose = WHOSE_DOCUMENT.exec(s.slice(end));
  if (whose && c.documentNouns.has(whose[1].toLowerCase().replace(/s$/u, '')) && c.verbForms.has(whose[2].toLowerCase())) {
    return { role: 'subject', cueStart: start, cueEnd: end + whose[0].length };
  }
  // The object of a preposition is not a speaker: "attacks inside Pakistan suggests".
  if (!afterPreposition(s, start)) {
    const v = speakerAfter(ctx, end, start);
    if (v >= 0) return { role: 'subject', cueStart: start, cueEnd: v };
    const p = speakingParticiple(ctx, start, end);
    if (p >= 0) return { role: 'subject', cueStart: start, cueEnd: p, participle: true };
  }
  if (last >= 0 && WS.test(s.slice(toks[last].end, start))) {
    // …," said [the] [two words] X — but "told Reuters" names the listener, and "said officials told him" a new clause.
    for (let k = last; k >= 0 && k >= last - 3; k -= 1) {
      if (k < last && !WS.test(sep(ctx, k + 1))) break;
      const w = toks[k].lower;
      // "…, informed the press service" has no subject of its own (translated English): the press service informed.
      // "As informs the local television channel X, …" opens the sentence the same way.
      // The source may end in its own "of" phrase: "…, informed the press service of the regional energy company."
      if (c.verbForms.has(w) && !TELL.has(w) && (/[,"”’]\s*$/.test(s.slice(0, toks[k].start)) || /^\s*As\s+$/u.test(s.slice(0, toks[k].start))) && (CLAUSE_END_AFTER.test(s.slice(end)) || OF_TO_CLAUSE_END.test(s.slice(end, end + 80)))) {
        const between = toks.slice(k + 1, last + 1).filter((t) => !DETERMINERS.has(t.lower));
        if (between.length <= 2) return { role: 'inverted', cueStart: toks[k].start, cueEnd: end };
      }
    }
  }
  if (isDocument) {
    // "is traced in detail in a report", "set out at length in the report": the manner phrase stands between the participle and "in".
    let pv = last - 1;
    if (pv >= 2 && toks[last].lower === 'in' && MANNER.has(toks[pv].lower) && (toks[pv - 1].lower === 'in' || toks[pv - 1].lower === 'at')) pv -= 2;
    // "described in the report as", "In its annual report, the agency said"
    if (pv >= 0 && toks[last].lower === 'in' && c.citingParticiples.has(toks[pv].lower) && citesDocument(ctx, pv, end)) return { role: 'according', cueStart: toks[pv].start, cueEnd: end };
    // "…, a panel of experts said in a confidential report to the Security Council": what was said, was said in it.
    if (pv >= 0 && toks[last].lower === 'in' && c.speakerVerbForms.has(toks[pv].lower) && !c.tellForms.has(toks[pv].lower) && !c.citingParticiples.has(toks[pv].lower)) return { role: 'according', cueStart: toks[pv].start, cueEnd: end };
    if (last === 0 && toks[0].lower === 'in' && /^\s*,/.test(s.slice(end))) return { role: 'according', cueStart: toks[0].start, cueEnd: end };
    if (!atClauseStart(s, start)) return null;
    const v = subjectAfter(ctx, end);
    return v >= 0 ? { role: 'subject', cueStart: start, cueEnd: v } : null;
  }
  if (last < 0 || !WS.test(s.slice(toks[last].end, start))) return null;
  // released this month by [the] X / documented by X — but "certificates issued by ministries" publishes nothing.
  for (let k = last; k >= 0 && k >= last - 3; k -= 1) {
    if (toks[k].lower !== 'by') continue;
    for (let v = k - 1; v >= 0 && v >= k - 3; v -= 1) {
      // A reporting verb straight before "by" ("documented by"); further back it is a noun ("a UN report seen by this newspaper").
      if ((c.verbForms.has(toks[v].lower) && v === k - 1) || (AGENT_PARTICIPLES.has(toks[v].lower) && publishesDocument(ctx, v))) return { role: 'agent', cueStart: toks[v].start, cueEnd: end };
      // "Satellite images analysed by the Yale Humanitarian Research Lab show …": who read the evidence is its source.
      if (v === k - 1 && ANALYSING_PARTICIPLES.has(toks[v].lower) && (publishesDocument(ctx, v) || EVIDENCE_NOUNS.has(toks[v - 1]?.lower ?? ''))) return { role: 'agent', cueStart: toks[v].start, cueEnd: end };
    }
    // "As was reported to the editorial office by the press secretary of …": whom it was reported to may stand between.
    for (let v = k - 2; v >= 0 && v >= k - 6; v -= 1) {
      if (toks[v + 1].lower !== 'to' || !c.verbForms.has(toks[v].lower) || v === 0 || !BE.has(toks[v - 1].lower)) continue;
      if (toks.slice(v + 1, k + 1).every((_, n) => WS.test(sep(ctx, v + 1 + n)))) return { role: 'agent', cueStart: toks[v - 1].start, cueEnd: end };
    }
  }
  return null;
}

/**
 * "The World Bank has cut its forecast …, warning that …": the sentence's opening subject speaks through a participle
 * clause of a reporting verb ("saying", "warning", "adding"). Only for the first noun phrase of the sentence.
 */
function speakingParticiple(ctx: Ctx, start: number, end: number): number {
  const { s, c } = ctx;
  if (!/^(?:\p{Lu}[\p{Lu}.'’ -]+(?:,[^—–]{1,40})?\s+[—–-]{1,2}\s+)?(?:[“"]\s*)?(?:the\s+)?$/iu.test(s.slice(0, start))) return -1;
  // "THE HAGUE — Judges …": a dateline is no subject.
  if (/^\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s/u.test(s.slice(end))) return -1;
  const m = /,\s+(\p{Ll}+)ing\b/u.exec(s.slice(end, end + 220));
  if (!m) return -1;
  const base = m[1];
  if (!c.verbForms.has(base) && !c.verbForms.has(`${base}e`) && !c.verbForms.has(base.replace(/(.)\1$/u, '$1'))) return -1;
  return end + m.index + m[0].length;
}

const MADE_OR_HANDLED = new Set('published released issued compiled prepared produced written drafted commissioned adopted presented submitted sent circulated shared leaked updated funded financed translated delivered'.split(' '));

/** After a document: "is / was / has been [adverb] published …" — a passive of what was done with it. */
function madeOrHandled(ctx: Ctx, docEnd: number): boolean {
  const { toks, c } = ctx;
  let i = firstTokenFrom(ctx, docEnd);
  if (i >= toks.length || !WS.test(ctx.s.slice(docEnd, toks[i].start))) return false;
  if (toks[i].lower === 'has' || toks[i].lower === 'have' || toks[i].lower === 'had') i += 1;
  if (i >= toks.length || !BE.has(toks[i].lower)) return false;
  i += 1;
  if (i < toks.length && (isGapAdverb(c, toks[i].lower) || c.auxiliaries.has(toks[i].lower) || toks[i].lower === 'first')) i += 1;
  return i < toks.length && MADE_OR_HANDLED.has(toks[i].lower) && toks.slice(firstTokenFrom(ctx, docEnd) + 1, i + 1).every((_, n) => WS.test(sep(ctx, firstTokenFrom(ctx, docEnd) + 1 + n)));
}

function picksOutOf(ctx: Ctx, docStart: number, docEnd: number): boolean {
  const { toks, c } = ctx;
  const last = lastTokenBefore(ctx, docStart);
  return last >= 1 && toks[last].lower === 'in' && c.citingParticiples.has(toks[last - 1].lower) && !citesDocument(ctx, last - 1, docEnd);
}

/**
 * "was described in the report as", "…, cited in the report," cite it; a participle straight after a noun only
 * picks something out — "the company named in the assessment denied" is the company's word, not the assessment's.
 */
function citesDocument(ctx: Ctx, participle: number, docEnd: number): boolean {
  const { toks, s, c } = ctx;
  if (/^\s+as\b/iu.test(s.slice(docEnd))) return true;
  let p = participle - 1;
  while (p >= 0 && isGapAdverb(c, toks[p].lower) && WS.test(sep(ctx, p + 1))) p -= 1;
  return p < 0 || BE.has(toks[p].lower) || !WS.test(sep(ctx, p + 1));
}

/** The token index where an "according to"-like phrase ending at token `k` starts, else -1. */
function sourcePrepositionEndingAt(ctx: Ctx, k: number): number {
  const { toks } = ctx;
  for (const p of ctx.c.sourcePrepositions) {
    const from = k - p.length + 1;
    if (from < 0 || toks[k].lower !== p[p.length - 1]) continue;
    if (p.every((w, x) => toks[from + x].lower === w && (x === 0 || WS.test(sep(ctx, from + x))))) return from;
  }
  return -1;
}

/** A publishing participle names an author only for a document ("the figures, compiled by") or opening the sentence ("Released by"). */
function publishesDocument(ctx: Ctx, v: number): boolean {
  const { toks, c } = ctx;
  let p = v - 1;
  while (p >= 0 && (BE.has(toks[p].lower) || isGapAdverb(c, toks[p].lower))) p -= 1;
  return p < 0 || c.documentNouns.has(toks[p].lower);
}

const PREPOSITION = /(?:^|\s)(?:in|inside|into|of|from|to|against|with|for|on|at|by|across|about|over|under|between|within|toward|towards|near|than|before)\s+(?:(?:the|a|an)\s+)?(?:[\p{L}-]+\s+)?$/iu;

// "Several of the residents we spoke to said", "Most of the traders said": in a partitive the people after "of" speak.
const PARTITIVE = /(?:^|[\s,;:“"‘])(?:several|most|many|some|few|all|none|one|two|three|four|five|half|each|both|dozens|hundreds|a\s+few|a\s+number|a\s+majority|the\s+majority)\s+of\s+(?:the|those|these)\s+$/iu;

function afterPreposition(s: string, start: number): boolean {
  const before = s.slice(Math.max(0, start - 40), start);
  return PREPOSITION.test(before) && !PARTITIVE.test(before);
}

/** A document is a subject only at the start of a clause: "…, the report challenges", not "rejected the report". */
function atClauseStart(s: string, start: number): boolean {
  const before = s.slice(Math.max(0, start - 40), start);
  return /(?:^\s*|[,;:—–(]\s*|(?:^|[\s,;])(?:as|while|although|but|and|though|because)\s+)$/iu.test(before);
}

/** "UN findings and intelligence assessments point to": the first conjunct shares the verb. */
function coordinatedSubject(ctx: Ctx, end: number): boolean {
  const { toks, c } = ctx;
  const j = firstTokenFrom(ctx, end);
  if (j >= toks.length || !['and', 'or'].includes(toks[j].lower) || !WS.test(ctx.s.slice(end, toks[j].start))) return false;
  for (let i = j + 1; i < toks.length && i <= j + 5; i += 1) {
    if (!WS.test(sep(ctx, i))) return false;
    if (c.documentNouns.has(toks[i].lower)) return speakerAfter(ctx, toks[i].end) >= 0 || subjectAfter(ctx, toks[i].end) >= 0;
  }
  return false;
}

const WORD_PATTERNS = new Map<string, RegExp>();

/** A whole-word, case-insensitive test for `word`, compiled once (words here are lexicon head nouns). */
function wordPattern(word: string): RegExp {
  let re = WORD_PATTERNS.get(word);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
    WORD_PATTERNS.set(word, re);
  }
  return re;
}

/** The last body among the first `before` with `word` in its name, newest first, without copying the list. */
function lastBody(d: Discourse, word: string, before: number): Discourse['bodies'][number] | undefined {
  for (let i = Math.min(before, d.bodies.length) - 1; i >= 0; i -= 1) if (d.bodies[i].words.has(word)) return d.bodies[i];
  return undefined;
}

const UNNAMED_REACH = 12;

/** The last organisation spoken of with `word` in its surface ("a panel of experts" for "the panel"), at most a few paragraphs back. */
function recentOrganisationWith(d: Discourse, word: string, block: number): Speaker | undefined {
  const re = wordPattern(word);
  for (let i = d.speakers.length - 1; i >= 0; i -= 1) {
    const x = d.speakers[i];
    if (block - x.block > UNNAMED_REACH) return undefined;
    if (x.kind === 'organisation' && re.test(x.surface)) return x;
  }
  return undefined;
}

function resolveReferent(d: Discourse, noun: string): { referent: Referent; fallback: boolean } | null {
  for (let i = d.referents.length - 1; i >= 0; i -= 1) if (d.referents[i].noun === noun) return { referent: d.referents[i], fallback: false };
  const publication = PUBLICATIONS.has(noun) ? d.referents.findLast((r) => PUBLICATIONS.has(r.noun)) : undefined;
  const last = publication ?? d.referents[d.referents.length - 1];
  return last ? { referent: last, fallback: true } : null;
}

/**
 * "According to the experts" after "a panel of experts said …": the last organisation whose name has the word,
 * unless a group of that family ("analysts said") spoke more recently.
 */
function sameWordBody(d: Discourse, word: string, family: string): Speaker | null {
  const re = wordPattern(word);
  for (let i = d.speakers.length - 1; i >= 0; i -= 1) {
    const sp = d.speakers[i];
    if (sp.kind === 'group' && sp.family === family) return null;
    if (sp.kind === 'organisation' && sp.family !== family && re.test(sp.surface)) return sp;
  }
  return null;
}

/** The names in an authors' apposition (", Fatou Diallo and Jonas Meyer,"), remembered by surname as the document's voice. */
function learnAuthors(between: string, source: Speaker, d: Discourse, block: number): void {
  const app = /^\s*,\s*([^,;]+?)\s*,/u.exec(between);
  if (!app) return;
  for (const part of app[1].split(/\s*(?:,|\band\b)\s*/u)) {
    const name = part.trim();
    if (!/^\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}$/u.test(name)) continue;
    d.bySurname.set(surnameOf(name), { family: source.family, surface: name, kind: 'person', plural: false, block });
  }
}

/**
 * "the network", "the Bank", "the panel" after a body named earlier stand in for it, so a document of theirs
 * ("The network's previous study", "figures gathered by the network's researchers", "reports by the panel") is its.
 * Only bodies named in earlier sentences, by a word of their name; an organisation anaphor ("the panel") may also
 * find an unnamed body with that word ("a panel of experts").
 */
function addBodyAnaphors(ctx: Ctx, terms: TermMention[], d: Discourse, bodiesBefore: number, block: number): void {
  const { toks, c } = ctx;
  for (let i = 1; i < toks.length; i += 1) {
    const head = toks[i].lower;
    if (toks[i - 1].lower !== 'the' || !c.bodyHeads.has(head) || !WS.test(sep(ctx, i))) continue;
    if (terms.some((t) => t.first <= i && i <= t.last)) continue;
    // "the network of brokers" / "the Bank of Zambia": a new name, not the one named before.
    if (i + 1 < toks.length && (toks[i + 1].lower === 'of' || /^\p{Lu}/u.test(toks[i + 1].text)) && WS.test(sep(ctx, i + 1))) continue;
    const body = lastBody(d, head, bodiesBefore);
    const unnamed = !body && c.organisationAnaphors.has(head) ? recentOrganisationWith(d, head, block) : undefined;
    const family = body?.family ?? unnamed?.family;
    if (!family) continue;
    const phrase = body?.surface ?? unnamed?.surface ?? head;
    terms.push({ start: toks[i].start, end: toks[i].end, first: i, last: i, consumed: false, info: { family, kind: 'organisation', modifierOnly: false, plural: false, phrase, placeName: false, anaphoric: true } });
  }
  terms.sort((a, b) => a.first - b.first);
}

/** "the analyst", "the official": the last speaker (within two paragraphs) whose description ends in that word. */
function describedSpeaker(d: Discourse, noun: string, block: number): Speaker | null {
  const re = new RegExp(`(?<![\\p{L}])${noun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'iu');
  return lastSpeaker(d, block, (x) => re.test(x.surface));
}

/** A word the lexicon classes ("analyst" → expert), as a speaker of its own. */
function termSpeaker(c: CompiledLexicon, noun: string, block: number): Speaker | null {
  const info = c.caselessTerms.get(noun);
  return info && !info.modifierOnly ? { family: info.family, surface: `the ${noun}`, kind: info.kind, plural: info.plural, block } : null;
}

function resolvePronoun(d: Discourse, p: Pronoun, block: number): Speaker | null {
  if (p === 'they') return lastSpeaker(d, block, (x) => (x.kind === 'group' && x.plural) || x.kind === 'organisation');
  if (p === 'it') return lastSpeaker(d, block, (x) => x.kind === 'organisation' || x.kind === 'document');
  return lastSpeaker(d, block, (x) => x.kind === 'person' || (x.kind === 'group' && !x.plural));
}

// Pronouns reach back at most two blocks; further than that the antecedent is a guess.
function lastSpeaker(d: Discourse, block: number, ok: (s: Speaker) => boolean): Speaker | null {
  for (let i = d.speakers.length - 1; i >= 0; i -= 1) {
    const sp = d.speakers[i];
    if (block - sp.block > 2) return null;
    if (ok(sp)) return sp;
  }
  return null;
}

const APPOSITION_START = /^(?:in|at|on|for|after|before|during|with|from|by|despite|since|as|when|while|although|though|but|and|speaking|asked|whom)\b/iu;

/** Who a named person speaks for, from the words around the name, else from an earlier mention of the same surname. */
function affiliation(ctx: Ctx, start: number, end: number, name: string, terms: TermMention[], d: Discourse, describedBefore = false): { family: string | null; why: string; kind?: SpeakerKind } {
  const { s, c } = ctx;
  // Court reports: "Prosecuting, Sarah Whitley told the court" — counsel for the Crown speaks for the prosecution.
  if (/^[\s“"]*Prosecuting\s*,\s*$/u.test(s.slice(0, start))) return { family: PROSECUTION_FAMILY, why: "introduced as 'Prosecuting,' (counsel for the prosecution)" };
  const rank = (t: TermMention): number => c.affiliationRank.get(t.info.family) ?? 99;
  const pick = (found: TermMention[]): TermMention | undefined =>
    found.filter((t) => !t.info.modifierOnly || t.info.family === 'research').sort((a, b) => rank(a) - rank(b) || a.start - b.start)[0];
  // ", a WHO trauma specialist" / ", Consultant Fellow at the Royal United Services Institute (RUSI)" / ", who studies … at the University of Goma"
  const app = describedBefore ? null : /^,\s+(?:\d{1,3},\s+)?[^,;“”"]{1,160}/u.exec(s.slice(end));
  // ", told the Senate Intelligence Committee": the name's own verb, not an apposition describing it.
  const appVerb = app ? /^,\s+(?:\d{1,3},\s+)?([\p{L}]+)/u.exec(app[0])?.[1]?.toLowerCase() : undefined;
  // ", in a conversation with our correspondent, expressed …" is a circumstance, not who the person is.
  if (app && !(appVerb && c.speakerVerbForms.has(appVerb)) && !APPOSITION_START.test(app[0].replace(/^,\s+(?:\d{1,3},\s+)?/u, ''))) {
    const org = pick(terms.filter((t) => t.start >= end && t.end <= end + app[0].length));
    if (org) return { family: org.info.family, why: `described as '${app[0].replace(/^,\s+/, '')}'` };
  }
  // "who studies North Korean cyber operations": a relative clause of expertise before capitalised words is no title of them.
  const role = terms.find((t) => t.end < start && WS.test(s.slice(t.end, start)) && !t.info.modifierOnly && !/^who\s/u.test(t.info.phrase));
  // "WFP spokeswoman Carla Benedetti", "Pentagon spokesman X": a role word straight after a body is that body's staff.
  const employer = role && role.info.kind !== 'organisation' ? terms.find((t) => t.last === role.first - 1 && t.info.kind === 'organisation' && !t.info.placeName && !t.info.modifierOnly && /^(?:\s+|['’]s\s+)$/u.test(s.slice(t.end, role.start))) : undefined;
  if (role && employer) return { family: employer.info.family, why: `introduced as '${s.slice(employer.start, role.end)}'` };
  // "Former ISI chief Lt Gen (retd) Ahmed Shuja", "NIA director X": a body, a role word, then the name.
  if (!role) {
    const head = terms.find((t) => t.end < start && t.info.kind === 'organisation' && !t.info.placeName && !t.info.modifierOnly && ROLE_HEADS.has(/^\s+(\p{Ll}+)\s+$/u.exec(s.slice(t.end, start))?.[1] ?? ''));
    if (head) return { family: head.info.family, why: `introduced as '${s.slice(head.start, start).trim()}'` };
  }
  if (role) return { family: role.info.family, why: `introduced as '${s.slice(role.start, role.end)}'`, ...(role.info.kind === 'organisation' ? { kind: 'organisation' as const } : {}) };
  // "the director of the CIA, William Harlan, told" / "The party’s spokesman, Femi Adeyemi, said"
  const from = Math.max(0, start - 100);
  // "Speaking at the launch, the Bank’s country director for Kenya, Amina Odhiambo, said": a role in a body named earlier
  // speaks for that body — before any place in the role's own phrase ("for Kenya").
  // "A former head of the service's analysis department, Tor Brekke,": the role may itself be "<role> of" the body's.
  const owned = /(?:^|[,“”"(;:]\s*)((?:(?:a|an|the)\s+(?:former\s+|deputy\s+|senior\s+|acting\s+)?\p{L}+\s+of\s+)?(?:the|its)\s+(\p{L}+)['’]s\s[^“”"(;:,]{1,60}),\s*$/iu.exec(s.slice(from, start));
  const ownerHead = owned?.[2].toLowerCase();
  if (owned && ownerHead && c.bodyHeads.has(ownerHead)) {
    const body = d.bodies.findLast((b) => b.words.has(ownerHead));
    const back = body ?? (c.organisationAnaphors.has(ownerHead) ? (d.speakers.findLast((x) => x.kind === 'organisation') ?? null) : null);
    if (back) return { family: back.family, why: `introduced as '${owned[1].trim()}' ('${back.surface}')` };
  }
  // "…, its head of threat intelligence, Sofia Marquez, told": the role of the organisation last spoken of.
  // The role is the first or second word: "its head of research", "Its lead author".
  const itsRole = /(?:^|[,“”"(;:]\s*)((?:its|their)\s+(\p{L}+)(?:\s+(\p{L}+))?[^“”"(;:,]{0,60}),\s*$/iu.exec(s.slice(from, start));
  const isRole = (w: string | undefined): boolean => !!w && (ROLE_HEADS.has(w) || c.organisationHeads.has(w) || c.authorNouns.has(w));
  if (itsRole && (isRole(itsRole[2]?.toLowerCase()) || isRole(itsRole[3]?.toLowerCase()))) {
    const back = lastSpeaker(d, d.speakers.at(-1)?.block ?? 0, (x) => x.kind === 'organisation' || x.kind === 'document');
    if (back) return { family: back.family, why: `introduced as '${itsRole[1].trim()}' ('${back.surface}')` };
  }
  // "The expert of the Centre for Strategic Research under the President of …, Mr. Farrukh Nazarov,": long descriptions too.
  const wide = Math.max(0, start - 140);
  // The description may follow an opening phrase: "Interviewed on TV on Monday, the leader of the … Party's group, Kjetil Moen,".
  const before = /(?:^|[,“”"(;:]\s*)([^“”"(;:,]{3,120}),\s*$/u.exec(s.slice(wide, start));
  // "The post, by a British member of parliament, Gareth Pryce, …": whose it is, then who.
  const byWhom = before ? /^by\s+(?=(?:a|an|the)\s)/iu.exec(before[1]) : null;
  if (before && (byWhom || !APPOSITION_START.test(before[1])) && (wide === 0 || before[0].length < start - wide)) {
    const npStart = start - before[0].length + before[0].indexOf(before[1]) + (byWhom?.[0].length ?? 0);
    const org = pick(terms.filter((t) => t.start >= npStart && t.end <= start));
    if (org) return { family: org.info.family, why: `introduced as '${before[1].trim()}'` };
  }
  // Translated news runs a description straight into the name: "The independent expert in the field of industrial safety
  // Bakhtiyor Rakhimov". The sentence must open with it, with no punctuation or verb between.
  const lead = /^[\s“"‘]*((?:the|an?)\s+[^,;:“”"()]{2,90})\s$/iu.exec(s.slice(0, start));
  if (lead) {
    const leadStart = s.indexOf(lead[1]);
    const org = pick(terms.filter((t) => t.start >= leadStart && t.end <= start && !t.info.placeName));
    const words = tokenize(lead[1]);
    if (org && !words.some((w) => c.speakerVerbForms.has(w.lower))) return { family: org.info.family, why: `introduced as '${lead[1].trim()}'` };
  }
  // "Brigadier (retd) Naveed Afridi", "Lt Gen (retd) …": a retired officer quoted on his own speaks as a commentator, not for the army.
  if (RETIRED.test(name)) return { family: RETIRED_FAMILY, why: `retired rank '${name.slice(0, (RETIRED.exec(name)?.index ?? 0) + (RETIRED.exec(name)?.[0].length ?? 0)).trim()}'` };
  // An ordinal may open the rank: the IRGC's "Second Brigadier General …".
  const title = /^(?:(?:First|Second|Third)\s+)?([\p{L}]+)\.?\s/u.exec(name);
  const fam = title ? c.titles.get(title[1]) : undefined;
  if (title && fam) return { family: fam, why: `title '${title[1]}'` };
  // "Kugelman underlined" after "Michael Kugelman, a senior program associate at …"
  const sp = d.bySurname.get(surnameOf(name));
  if (sp) return { family: sp.family, why: `same person as '${sp.surface}' (¶${sp.block})` };
  return { family: null, why: '' };
}

function surnameOf(name: string): string {
  return name.slice(name.lastIndexOf(' ') + 1);
}

/** "U.N. panel of experts": the organisation's head noun (and its "of" phrase) speaks for the term; the inner term is consumed. */
function extendRight(ctx: Ctx, last: number, terms: TermMention[]): number {
  const { toks, c } = ctx;
  // "the local television channel Navoi TV": a paper, broadcaster or firm named after what it is ends with its name.
  const described = terms.find((t) => t.last === last && t.info.kind === 'organisation' && DESCRIBED_FAMILIES.has(t.info.family) && !/\p{Lu}/u.test(t.info.phrase));
  if (described) {
    let k = last;
    // "the regional radio station Radio Sogd": a name the lexicon reads as the same kind of body is that name.
    const same = terms.find((x) => x.first === last + 1 && x.info.family === described.info.family && WS.test(sep(ctx, last + 1)));
    if (same) {
      same.consumed = true;
      return same.end;
    }
    while (k + 1 < toks.length && k - last < 4 && WS.test(sep(ctx, k + 1)) && isNameWord(toks[k + 1].text) && !terms.some((x) => x.first === k + 1)) k += 1;
    if (k > last) return toks[k].end;
  }
  // "Some analysts", "Many officials": a quantifier is no body whose staff the head would be.
  if (terms.some((t) => t.last === last && c.lexicon.families[t.info.family] && t.info.family === 'vague')) return toks[last].end;
  // "A former Research and Analysis Wing (R&AW) officer": the body's initials in brackets stand between it and its staff.
  const bracket = /^\s*\(\s*\p{Lu}[\p{Lu}&]{1,7}\s*\)(?=\s)/u.exec(ctx.s.slice(toks[last].end));
  const base = bracket ? lastTokenBefore(ctx, toks[last].end + bracket[0].length) : last;
  let j = last + 1;
  // "a UN-backed hunger monitor": up to two plain lowercase words may stand between the term and the head it names.
  const spaced = (h: number): boolean => WS.test(sep(ctx, h)) || (bracket !== null && h === base + 1);
  for (let h = base + 1; h <= base + 3 && h < toks.length && spaced(h); h += 1) {
    if (c.organisationHeads.has(toks[h].lower)) {
      j = h;
      break;
    }
    if (h === base + 3 || !/^\p{Ll}+$/u.test(toks[h].text) || c.speakerVerbForms.has(toks[h].lower) || NOT_SUBJECT_NEXT.has(toks[h].lower) || DETERMINERS.has(toks[h].lower)) break;
  }
  if (j >= toks.length || !c.organisationHeads.has(toks[j].lower) || !spaced(j)) return toks[last].end;
  let end = toks[j].end;
  // "CIA analysts say": the head speaks as the term's staff, not again as independent analysts.
  for (const t of terms) if (t.first === j && t.last === j) t.consumed = true;
  if (j + 2 < toks.length && toks[j + 1].lower === 'of' && WS.test(sep(ctx, j + 1)) && WS.test(sep(ctx, j + 2))) {
    end = toks[j + 2].end;
    for (const t of terms) if (t.first === j + 2) t.consumed = true;
  }
  return end;
}

function extendLeft(ctx: Ctx, first: number): number {
  const { toks } = ctx;
  let at = toks[first].start;
  for (let j = first - 1; j >= 0 && j >= first - 3; j -= 1) {
    if (!WS.test(sep(ctx, j + 1))) break;
    const w = toks[j].text;
    const ok = EXTEND.has(toks[j].lower) || (/^\p{Lu}/u.test(w) && !NOT_NAMES.has(w) && !/\.$/.test(w));
    if (!ok) break;
    at = toks[j].start;
  }
  return at;
}

function singular(noun: string): string {
  if (noun === 'findings' || noun === 'data' || noun === 'figures' || noun === 'records') return noun;
  if (noun.endsWith('ies')) return noun.slice(0, -3) + 'y';
  return noun.endsWith('s') && !noun.endsWith('ss') ? noun.slice(0, -1) : noun;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) && !/^(?:un|uni|eu)/i.test(word) ? 'an' : 'a';
}

function trimCue(cue: string): string {
  const t = cue.replace(/^[\s,"“”]+|[\s,"“”]+$/g, '');
  // "The World Bank has cut its forecast … , warning": a reason names the speaker and the verb, not the clause between.
  if (t.length <= 110) return t;
  const words = t.split(/\s+/);
  return `${words.slice(0, 5).join(' ')} … ${words.slice(-2).join(' ')}`;
}
