// Human wording for a rule id ("<pattern>:<family>", see Suggestion.rules), for the desk settings page.
import { DEFAULT_LEXICON, type Lexicon } from './lexicon';

const PATTERNS: Record<string, string> = {
  'speaker.subject': 'a named source before a reporting verb (“Officials said…”)',
  'speaker.according': '“according to” a named source',
  'speaker.inverted': 'a reporting verb before its source (“…, said officials.”)',
  'speaker.agent': 'a document “released by” a named source',
  'speaker.relayed': 'unnamed people “familiar with” / “briefed on” a document, speaking for its source',
  'speaker.source': 'an unnamed source placed in a body (“sources in the ministry said”), or “the same sources” again',
  'document.subject': 'a document as the subject (“A UN report says…”)',
  'document.according': '“according to” or “described in” a document',
  'document.inverted': '“…, said the report.”',
  'document.mention': 'a document mentioned without a reporting verb',
  'anaphor.subject': '“the report” / “the document” referring back, as the subject',
  'anaphor.according': '“according to the report” referring back',
  'anaphor.inverted': '“…, said the report.” referring back',
  'anaphor.mention': '“the report” referring back, mentioned without a reporting verb',
  'pronoun.subject': 'a pronoun for the last speaker (“They argue…”, “He said…”)',
  'pronoun.inverted': '“…,” he said.',
  'pronoun.according': '“according to him/them”',
  'organisation.subject': '“the agency” / “the investigators” referring back',
  'organisation.inverted': '“…, the investigators found.”',
  'organisation.according': '“according to the agency”',
  'organisation.listener': '“… told the panel that …”: what the body was told',
  'name.subject': 'a named person before a reporting verb',
  'name.inverted': 'a reporting verb before a named person (“…, said Dr. Roe.”)',
  'name.according': '“according to” a named person',
  'speaker.described': '“the official said” after a fuller description of the same person (“A European intelligence official who …”)',
  'description.according': '“in the analyst’s view” / “in Varga’s view”',
  'description.inverted': 'a description speaking after a quotation (“…,” the old fisherman says.)',
  'age.subject': 'a person referred to by age (“the 38-year-old is not optimistic”)',
  'age.inverted': '“…,” says the 67-year-old.',
  'age.according': '“according to the 67-year-old”',
  label: 'a guest’s turn in a transcript or an interviewee’s answer, by its speaker label (“OLSBERG: …”, “A: …”)',
  hedge: 'a hedge (“reportedly”, “is believed to”, “sources say”)',
  quote: 'inside a quotation whose speaker is named where it closes',
  continuation: 'no cue: continues the paragraph’s attribution',
  retro: 'no cue: a later sentence summing it up names the source (“That chain … is traced in a report by …”)',
  author: 'no cue: asserted by the article itself',
  analysis: 'the article’s own evaluation (“the most serious test yet”)',
  opinion: 'the writer’s own opinion (“In my view”, “It is time for”; in a column or an editorial, its uncued sentences and calls to act)',
  background: 'the reporter’s background (“It is pertinent to mention that …” recounting a dated past event)',
};

export function describeRule(id: string, lexicon: Lexicon = DEFAULT_LEXICON): string {
  const at = id.lastIndexOf(':');
  const pattern = at < 0 ? id : id.slice(0, at);
  const family = at < 0 ? '' : id.slice(at + 1);
  const what = PATTERNS[pattern] ?? pattern;
  const who = lexicon.families[family]?.label ?? family;
  return who ? `${what} → ${who}` : what;
}
