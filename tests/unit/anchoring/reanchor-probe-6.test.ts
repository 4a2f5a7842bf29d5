// Blind probe 6 (issue #12): one invented election-night results story (four county seats counted
// overnight, written for this test in the style of an English regional daily's live results page),
// taken through four rounds of updates, each round's text the next round's previous version:
// (1) a declaration prepended at the top, a vote total corrected, the count in another seat moved on,
// the returning officer's name corrected to another person's, and the declared seat's paragraph
// rewritten, which removes one of three identical "counting would continue" sentences; (2) a
// sentence cut that named one candidate beside a look-alike sentence naming another, a candidate's
// name given its accent, a results list added; (3) the second seat declared (a second copy of the
// identical sentence removed), the headline rewritten, the winner's quotation trimmed; (4) the
// morning wrap: a summary block at the top repeating names and figures, curly quotes, the last seat
// declared. The expectations were written from the scenarios, as a careful analyst would judge
// them, before the engine ran on them. Each version goes through the import path with the previous
// text and is also imported the W3C way (no previous text): there a safe orphan is counted, other
// words never allowed. Deliberately hard: look-alike sentences whose quote and 32 characters of
// context on both sides are identical (one copy deleted: the annotation on it must be orphaned, not
// moved to the other seat's sentence), and a deleted sentence whose short quote is a person's whole
// name, beside a look-alike sentence naming someone else between the same words (another person:
// orphaned, never "Check position" on the other name).
import { edit, judge, paras, probe, textOf } from './probe-support';

// ---------------------------------------------------------------- the article (invented for this test)

const COUNTING = 'Candidates were told that counting would continue until every ballot box had been verified and checked twice by the count staff.';

const V1 = [
  '# Election night: Labour takes Carrow Vale as counts go on across the county',
  'Live updates, 00:40',
  "CARROW — Labour has taken Carrow Vale from the Conservatives, the first of the county's four seats to declare, with Nadia Frost winning 18,412 votes to 15,977 for the sitting MP, Richard Holloway, a majority of 2,435.",
  'Turnout in Carrow Vale was 61.4 per cent, down from 66.0 per cent at the last general election, the returning officer, Margaret Ellison, said.',
  'Ms Frost told supporters at the Guildhall: "People here have been ignored for too long, and tonight they have said so, loudly and clearly. I will be a full-time MP for every street in this constituency."',
  'Mr Holloway, who held the seat for 14 years, said he accepted the result and wished his successor well.',
  "Reform UK's candidate in Carrow Vale, Tomasz Wielgus, finished third with 6,120 votes. The Liberal Democrats' candidate in Carrow Vale, Anjali Mehra, finished fourth with 2,954 votes.",
  `In Ashby, with 70 per cent of ballot boxes verified, both main parties said the result was too close to call. ${COUNTING}`,
  `In Fenmoor, with 55 per cent of ballot boxes verified, Conservative officials were privately confident of holding the seat. ${COUNTING}`,
  `In Kestle Moor, with 40 per cent of ballot boxes verified, a Labour agent, Siobhan Keane, said postal votes were running in her party's favour. ${COUNTING}`,
  'The county council said 212 staff were working at the three counts still under way, and that a fault with a ballot-box scanner at Kestle Moor had delayed verification by about an hour.',
];

// Round 1, 01:30: Fenmoor declares (an entry at the top; its paragraph rewritten, its counting sentence gone), a vote total
// corrected and the majority with it, Ashby's count moves on, the returning officer was someone else.
const V2 = edit(
  V1,
  ['Live updates, 00:40', 'Live updates, 01:30\n\n01:30 — Fenmoor: Conservative hold. Daniel Osei keeps the seat with a majority of 3,018.'],
  ['winning 18,412 votes', 'winning 18,421 votes'],
  ['a majority of 2,435.', 'a majority of 2,444.'],
  ['the returning officer, Margaret Ellison, said', 'the returning officer, Joanne Pryce, said'],
  ['In Ashby, with 70 per cent', 'In Ashby, with 90 per cent'],
  [
    `In Fenmoor, with 55 per cent of ballot boxes verified, Conservative officials were privately confident of holding the seat. ${COUNTING}`,
    'In Fenmoor, the Conservatives held the seat with a reduced majority, and Labour moved into second place for the first time since 1997.',
  ],
  ['at the three counts still under way', 'at the two counts still under way'],
);

// Round 2, 02:15: a sentence cut for space (the Reform candidate's), a results list for Carrow Vale, the Labour agent's name given its accent.
const V3 = edit(
  V2,
  ["Reform UK's candidate in Carrow Vale, Tomasz Wielgus, finished third with 6,120 votes. The Liberal", 'The Liberal'],
  [
    'wished his successor well.',
    'wished his successor well.\n\n## Carrow Vale result\n\n- Labour: 18,421\n- Conservative: 15,977\n- Reform UK: 6,120\n- Liberal Democrat: 2,954\n- Green: 1,877',
  ],
  ['Siobhan Keane', 'Siobhán Keane'],
);

// Round 3, 03:50: Ashby declares after a recount (its paragraph rewritten, the second copy of the counting sentence gone),
// the headline rewritten, Ms Frost's quotation trimmed, Kestle Moor's count moves on.
const V4 = edit(
  V3,
  ['# Election night: Labour takes Carrow Vale as counts go on across the county', '# Election night: Labour takes Carrow Vale and Ashby, Conservatives hold Fenmoor'],
  ['Live updates, 01:30', 'Live updates, 03:50\n\n03:50 — Ashby: Labour gain after a recount. Priya Lal wins by 311 votes.'],
  [
    `In Ashby, with 90 per cent of ballot boxes verified, both main parties said the result was too close to call. ${COUNTING}`,
    'In Ashby, a recount was called at 02:30 at the request of the Conservative candidate, Hugh Barclay, after the first count put him 287 votes behind.',
  ],
  ['ignored for too long, and tonight they have said so, loudly and clearly. I will be', 'ignored for too long. I will be'],
  ['In Kestle Moor, with 40 per cent', 'In Kestle Moor, with 85 per cent'],
  ['at the two counts still under way', 'at the count still under way'],
);

// Round 4, 07:00, the morning wrap: a summary block under the headline repeating names and figures, curly quotes,
// Kestle Moor declared (its paragraph rewritten: the last copy of the counting sentence gone).
const V5 = edit(
  V4,
  [
    'Live updates, 03:50',
    'Updated 07:00\n\nLabour won three of the county’s four seats overnight: Nadia Frost took Carrow Vale by 2,444 votes, Priya Lal took Ashby by 311 after a recount, and Siobhán Keane’s party took Kestle Moor. Turnout in Carrow Vale was 61.4 per cent.\n\n06:10 — Kestle Moor: Labour gain. Ruth Ibbotson wins by 1,902 votes.',
  ],
  [/"([^"]*)"/g, '“$1”'],
  [
    `In Kestle Moor, with 85 per cent of ballot boxes verified, a Labour agent, Siobhán Keane, said postal votes were running in her party's favour. ${COUNTING}`,
    "In Kestle Moor, a Labour agent, Siobhán Keane, said postal votes had decided the seat in her party's favour.",
  ],
);

const run = probe('probe 6', judge);
const md = (lines: readonly string[]) => textOf(paras(lines), 'markdown');
const [v1, v2, v3, v4, v5] = [V1, V2, V3, V4, V5].map(md) as [string, string, string, string, string];

// ---------------------------------------------------------------- the rounds

run({
  group: 'round 1: Fenmoor declared at the top, 18,412 → 18,421, the returning officer renamed, one of three identical sentences gone',
  before: v1,
  after: v2,
  cases: [
    { name: '"18,412" → "18,421", not the other figures of the lede', on: { context: 'winning 18,412 votes', quote: '18,412' }, expect: { kind: 'replaced', context: 'winning 18,421 votes', quote: '18,421' } },
    { name: '"a majority of 2,435" → "a majority of 2,444", not Fenmoor\'s "a majority of 3,018"', on: { context: 'a majority of 2,435' }, expect: { kind: 'replaced', context: 'a majority of 2,444' } },
    { name: '"15,977" (untouched, beside the corrected figure) → same', on: { context: '15,977 for the sitting MP', quote: '15,977' }, expect: { kind: 'same', context: '15,977 for the sitting MP', quote: '15,977' } },
    { name: '"Labour has taken Carrow Vale from the Conservatives" → same, below the new entry', on: { context: 'Labour has taken Carrow Vale from the Conservatives' }, expect: { kind: 'same', context: 'Labour has taken Carrow Vale from the Conservatives' } },
    { name: 'the returning officer "Margaret Ellison" → "Joanne Pryce", or a person decides (another name in the same role)', on: { context: 'Margaret Ellison' }, expect: { kind: 'ask', context: 'Joanne Pryce' } },
    { name: '"61.4 per cent" → same', on: { context: '61.4 per cent' }, expect: { kind: 'same', context: '61.4 per cent' } },
    { name: 'Ashby\'s "70 per cent" → "90 per cent", never Kestle Moor\'s "40 per cent"', on: { context: 'Ashby, with 70 per cent', quote: '70 per cent' }, expect: { kind: 'replaced', context: 'Ashby, with 90 per cent', quote: '90 per cent' } },
    { name: 'Ashby\'s "too close to call" → same', on: { context: 'too close to call' }, expect: { kind: 'same', context: 'too close to call' } },
    { name: 'Fenmoor\'s copy of "every ballot box" (its sentence gone) → orphaned, never another seat\'s identical sentence', on: { context: COUNTING, quote: 'every ballot box', copy: 1 }, expect: { kind: 'orphaned' } },
    { name: 'Fenmoor\'s copy of the whole counting sentence (gone) → orphaned', on: { context: COUNTING, copy: 1 }, expect: { kind: 'orphaned' } },
    { name: 'Ashby\'s copy of "every ballot box" → same, its own copy', on: { context: `too close to call. ${COUNTING}`, quote: 'every ballot box' }, expect: { kind: 'same', context: `too close to call. ${COUNTING}`, quote: 'every ballot box' } },
    { name: 'Kestle Moor\'s copy of "verified and checked twice" → same, its own copy', on: { context: `favour. ${COUNTING}`, quote: 'verified and checked twice' }, expect: { kind: 'same', context: `favour. ${COUNTING}`, quote: 'verified and checked twice' } },
    { name: '"privately confident of holding the seat" (rewritten away) → orphaned', on: { context: 'privately confident of holding the seat' }, expect: { kind: 'orphaned' } },
    { name: '"the three counts" → "the two counts", or a person decides', on: { context: 'the three counts' }, expect: { kind: 'ask', context: 'the two counts' } },
  ],
});

run({
  group: 'round 2: a candidate\'s sentence cut beside a look-alike, a results list added, "Siobhan" → "Siobhán"',
  before: v2,
  after: v3,
  cases: [
    { name: 'the cut sentence\'s whole name "Tomasz Wielgus" → orphaned, never "Anjali Mehra" of the look-alike sentence', on: { context: 'Tomasz Wielgus' }, expect: { kind: 'orphaned' } },
    { name: 'the cut sentence\'s "finished third with 6,120 votes" → orphaned, never the list\'s "6,120" or "finished fourth"', on: { context: 'finished third with 6,120 votes' }, expect: { kind: 'orphaned' } },
    { name: 'the cut sentence\'s "6,120" → orphaned, never the list\'s copy', on: { context: 'third with 6,120 votes', quote: '6,120' }, expect: { kind: 'orphaned' } },
    { name: 'the look-alike sentence\'s "Anjali Mehra" → same', on: { context: 'Anjali Mehra' }, expect: { kind: 'same', context: 'Anjali Mehra' } },
    { name: '"finished fourth with 2,954 votes" → same, not the list\'s figure', on: { context: 'finished fourth with 2,954 votes' }, expect: { kind: 'same', context: 'finished fourth with 2,954 votes' } },
    { name: '"Siobhan Keane" → "Siobhán Keane"', on: { context: 'Siobhan Keane' }, expect: { kind: 'replaced', context: 'Siobhán Keane' } },
    { name: 'the lede\'s "18,421 votes" → same, not the list\'s "18,421"', on: { context: '18,421 votes' }, expect: { kind: 'same', context: '18,421 votes' } },
    { name: '"wished his successor well" (the list now follows) → same', on: { context: 'wished his successor well' }, expect: { kind: 'same', context: 'wished his successor well' } },
    { name: '"Daniel Osei" → same', on: { context: 'Daniel Osei' }, expect: { kind: 'same', context: 'Daniel Osei' } },
    { name: '"Joanne Pryce" → same', on: { context: 'Joanne Pryce' }, expect: { kind: 'same', context: 'Joanne Pryce' } },
    { name: 'Ashby\'s copy of "every ballot box" → same, not Kestle Moor\'s', on: { context: `too close to call. ${COUNTING}`, quote: 'every ballot box' }, expect: { kind: 'same', context: `too close to call. ${COUNTING}`, quote: 'every ballot box' } },
  ],
});

run({
  group: 'round 3: Ashby declared (another identical sentence gone), the headline rewritten, a quotation trimmed',
  before: v3,
  after: v4,
  cases: [
    { name: 'Ashby\'s copy of "every ballot box" (its sentence gone) → orphaned, never Kestle Moor\'s identical sentence', on: { context: `too close to call. ${COUNTING}`, quote: 'every ballot box' }, expect: { kind: 'orphaned' } },
    { name: 'Ashby\'s copy of "counting would continue" (gone) → orphaned', on: { context: `too close to call. ${COUNTING}`, quote: 'counting would continue' }, expect: { kind: 'orphaned' } },
    { name: 'Kestle Moor\'s copy of "every ballot box" → same', on: { context: `favour. ${COUNTING}`, quote: 'every ballot box' }, expect: { kind: 'same', context: `favour. ${COUNTING}`, quote: 'every ballot box' } },
    { name: 'Ashby\'s "90 per cent" (paragraph rewritten) → orphaned, never Kestle Moor\'s "85 per cent"', on: { context: 'Ashby, with 90 per cent', quote: '90 per cent' }, expect: { kind: 'orphaned' } },
    { name: 'Kestle Moor\'s "40 per cent" → "85 per cent"', on: { context: 'Moor, with 40 per cent', quote: '40 per cent' }, expect: { kind: 'replaced', context: 'Moor, with 85 per cent', quote: '85 per cent' } },
    { name: 'the headline\'s "Labour takes Carrow Vale" → same', on: { context: 'Labour takes Carrow Vale' }, expect: { kind: 'same', context: 'Labour takes Carrow Vale' } },
    { name: 'the headline\'s "as counts go on across the county" (rewritten away) → orphaned', on: { context: 'as counts go on across the county' }, expect: { kind: 'orphaned' } },
    { name: '"and tonight they have said so, loudly and clearly" (cut) → orphaned', on: { context: 'and tonight they have said so, loudly and clearly' }, expect: { kind: 'orphaned' } },
    { name: '"People here have been ignored for too long" → same', on: { context: 'People here have been ignored for too long' }, expect: { kind: 'same', context: 'People here have been ignored for too long' } },
    { name: '"I will be a full-time MP for every street in this constituency" → same', on: { context: 'I will be a full-time MP for every street in this constituency' }, expect: { kind: 'same', context: 'I will be a full-time MP for every street in this constituency' } },
    { name: 'the results list\'s "Reform UK: 6,120" → same', on: { context: 'Reform UK: 6,120' }, expect: { kind: 'same', context: 'Reform UK: 6,120' } },
    { name: '"Siobhán Keane" → same', on: { context: 'Siobhán Keane' }, expect: { kind: 'same', context: 'Siobhán Keane' } },
    { name: '"a fault with a ballot-box scanner" → same', on: { context: 'a fault with a ballot-box scanner' }, expect: { kind: 'same', context: 'a fault with a ballot-box scanner' } },
  ],
});

run({
  group: 'round 4: the morning wrap — a summary repeating names and figures at the top, curly quotes, the last seat declared',
  before: v4,
  after: v5,
  cases: [
    { name: 'the lede\'s "Nadia Frost" → same, not the summary\'s', on: { context: 'with Nadia Frost winning', quote: 'Nadia Frost' }, expect: { kind: 'same', context: 'with Nadia Frost winning', quote: 'Nadia Frost' } },
    { name: 'the lede\'s "a majority of 2,444" → same, not the summary\'s "2,444 votes"', on: { context: 'a majority of 2,444' }, expect: { kind: 'same', context: 'a majority of 2,444' } },
    { name: 'the body\'s "Turnout in Carrow Vale was 61.4 per cent" → same, not the summary\'s copy', on: { context: 'Turnout in Carrow Vale was 61.4 per cent, down', quote: 'Turnout in Carrow Vale was 61.4 per cent' }, expect: { kind: 'same', context: 'Turnout in Carrow Vale was 61.4 per cent, down', quote: 'Turnout in Carrow Vale was 61.4 per cent' } },
    { name: 'the Ashby entry\'s "Priya Lal wins by 311 votes" → same, not the summary\'s "Priya Lal took Ashby by 311"', on: { context: 'Priya Lal wins by 311 votes' }, expect: { kind: 'same', context: 'Priya Lal wins by 311 votes' } },
    { name: 'the body\'s "Siobhán Keane" → same, not the summary\'s "Siobhán Keane’s"', on: { context: 'agent, Siobhán Keane', quote: 'Siobhán Keane' }, expect: { kind: 'same', context: 'agent, Siobhán Keane', quote: 'Siobhán Keane' } },
    { name: 'Kestle Moor\'s copy of "every ballot box" (the last copy gone) → orphaned', on: { context: COUNTING, quote: 'every ballot box' }, expect: { kind: 'orphaned' } },
    { name: 'Kestle Moor\'s "85 per cent" (its clause cut) → orphaned', on: { context: '85 per cent' }, expect: { kind: 'orphaned' } },
    { name: '"said postal votes were running in her party\'s favour" → the revised words, or a person decides', on: { context: "said postal votes were running in her party's favour" }, expect: { kind: 'ask', context: "said postal votes had decided the seat in her party's favour" } },
    {
      name: 'the quotation with its straight quotes → the curly-quoted words',
      on: { context: '"People here have been ignored for too long. I will be a full-time MP for every street in this constituency."' },
      expect: { kind: 'replaced', context: '“People here have been ignored for too long. I will be a full-time MP for every street in this constituency.”' },
    },
    { name: '"Hugh Barclay" → same', on: { context: 'Hugh Barclay' }, expect: { kind: 'same', context: 'Hugh Barclay' } },
    { name: '"287 votes behind" → same', on: { context: '287 votes behind' }, expect: { kind: 'same', context: '287 votes behind' } },
    { name: '"Daniel Osei keeps the seat" → same', on: { context: 'Daniel Osei keeps the seat' }, expect: { kind: 'same', context: 'Daniel Osei keeps the seat' } },
    { name: '"the count still under way" → same', on: { context: 'the count still under way' }, expect: { kind: 'same', context: 'the count still under way' } },
  ],
});
