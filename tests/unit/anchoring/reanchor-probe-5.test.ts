// Blind probe 5 (issue #12): one invented regional story (a water company's sewage spills, written
// for this test in the style of a British local paper) taken through five rounds of newsroom edits,
// each round's text the next round's previous version: (1) figures and a name corrected, with a
// correction note at the foot quoting the old figure; (2) a paragraph split, two merged, a quotation
// trimmed; (3) a "key findings" box repeating the lede's figures and a ranked list re-ordered with
// one item's figure corrected; (4) the American syndication edition — British → American spelling,
// "per cent" → "percent", straight → curly quotes, a hyphen → an em dash; (5) an update block at the
// top naming the same places and people, the headline reworded, a figure corrected in the body but
// not in the box, a clause cut. The expectations were written from the scenarios, as a careful
// analyst would judge them, before the engine ran on them. Each version goes through the import path
// (parseArticle, then placeOnVersion with the previous text) and is also imported the W3C way
// (TextQuote + TextPosition in code points, no previous text): there a safe orphan is counted,
// other words never allowed. The same expectations serve both: in every case the quote's stored
// context still names its place on at least one side, so an analyst holding only the W3C selector
// would re-attach (or orphan) it as confidently as one holding the diff.
//
// Blind figures (first run, before any fix), 55 cases: with the previous text 54 right, none on other
// words, 1 safe orphan (the list item "Hatherleigh Lane: 154 days", moved up its list and corrected to
// 194). Without the previous text (W3C) 53 right, none on other words, 2 safe orphans (the same item,
// and the unchanged item "Sudbrook Mill: 187 days" moved one line down, whose neighbours both changed).
// After the fixes (general rules in reanchor.ts, see the README): 55 of 55 with the previous text and
// 55 of 55 without it, none on other words.
import { edit, judge, paras, probe, textOf } from './probe-support';

// ---------------------------------------------------------------- the article (invented for this test)

const V1 = [
  '# Sewage was pumped into the River Alde 2,340 times last year, figures show',
  'IPSWORTH — Tidewell Water discharged untreated sewage into the River Alde and its tributaries 2,340 times in 2025, according to figures published on Wednesday by the Environment Agency, a rise of 18 per cent on the year before.',
  'The discharges lasted a combined 14,900 hours. The worst single site, the storm overflow at Marlow Bridge, spilled on 212 days of the year, the agency said.',
  'Councillor Peter Ogundipe, who chairs the county\'s environment scrutiny committee, said the figures were "a disgrace, plain and simple, and the company has known about this for years". He called on the regulator to fine the company.',
  'Tidewell Water said it was investing £310 million in its network over five years. A spokesperson said: "We recognise that the number of spills is unacceptable, we apologise to our customers, and we are committed to halving them by 2030." The company blamed the wettest autumn on record for much of the rise.',
  'Campaigners from the Save the Alde group, which has tested the water at 40 sites since 2022, said E. coli levels near the village of Sudbrook were at times 30 times the safe limit for bathing. Dr Helen Marsh, a microbiologist at the University of East Wessex who analysed the samples, said the readings were the highest she had seen in a river used for swimming. The group\'s chair, Ruth Adeyemi, said members had stopped their children paddling after the water turned a grey-brown colour in August.',
  'The agency\'s report lists the five worst-performing overflows:',
  '- Marlow Bridge: 212 days\n- Sudbrook Mill: 187 days\n- Hatherleigh Lane: 154 days\n- Castle Weir: 139 days\n- Eastgate: 121 days',
  'Tidewell Water\'s chief executive, Graham Pell, received a bonus of £420,000 last year - the largest in the industry. The organisation representing the company\'s customers, the Consumer Council for Water, said it would raise the bonus with the regulator.',
  'Ofwat, the water regulator, said it was examining the figures.',
  'It has fined Tidewell twice since 2019.',
  'The River Alde is one of 14 rivers in England that campaigners want designated as bathing waters, which would require regular testing throughout the summer.',
];

// Round 1, the morning after: the transposed figure and the councillor's first name corrected, the rise recomputed, a note at the foot.
const V2 = [
  ...edit(
    V1,
    ['River Alde 2,340 times last year', 'River Alde 2,430 times last year'],
    ['tributaries 2,340 times in 2025', 'tributaries 2,430 times in 2025'],
    ['a rise of 18 per cent', 'a rise of 21 per cent'],
    ['Councillor Peter Ogundipe', 'Councillor Peta Ogundipe'],
  ),
  "Correction: an earlier version of this article gave the number of discharges as 2,340 and misspelled Councillor Ogundipe's first name.",
];

// Round 2, the afternoon edit: the campaigners' paragraph split in two, the regulator's two lines merged, the spokesperson's quotation trimmed.
const V3 = edit(
  V2,
  ['the safe limit for bathing. Dr Helen Marsh', 'the safe limit for bathing.\n\nDr Helen Marsh'],
  ['examining the figures.\n\nIt has fined', 'examining the figures. It has fined'],
  ['spills is unacceptable, we apologise to our customers, and we are committed', 'spills is unacceptable and we are committed'],
);

// Round 3, the web desk: a key-findings box under the lede repeating its figures; the list re-ordered after Hatherleigh Lane's figure was corrected 154 → 194.
const V4 = edit(
  V3,
  ['a rise of 21 per cent on the year before.', 'a rise of 21 per cent on the year before.\n\n## Key findings\n\n- 2,430 discharges in 2025, up 21 per cent\n- 14,900 hours of spills\n- Worst site: Marlow Bridge, 212 days'],
  [
    '- Marlow Bridge: 212 days\n- Sudbrook Mill: 187 days\n- Hatherleigh Lane: 154 days\n- Castle Weir: 139 days\n- Eastgate: 121 days',
    '- Marlow Bridge: 212 days\n- Hatherleigh Lane: 194 days\n- Sudbrook Mill: 187 days\n- Castle Weir: 139 days\n- Eastgate: 121 days',
  ],
);

// Round 4, the American syndication edition: spelling, "percent", curly quotes and apostrophes, an em dash for the hyphen.
const V5 = edit(
  V4,
  [/ per cent/g, ' percent'],
  [/organisation/g, 'organization'],
  [/analysed/g, 'analyzed'],
  [/recognise/g, 'recognize'],
  [/colour/g, 'color'],
  [/Councillor/g, 'Councilor'],
  [/"([^"]*)"/g, '“$1”'],
  [/(\w)'(\w)/g, '$1’$2'],
  ['last year - the largest', 'last year — the largest'],
);

// Round 5, the evening update: a block at the top naming the same site and people, the headline reworded,
// the hours corrected in the body but not in the box, the last paragraph's clause cut.
const V6 = edit(
  V5,
  ['# Sewage was pumped into the River Alde 2,430 times last year, figures show', '# Sewage pumped into River Alde 2,430 times last year, figures show\n\nUpdate, 16:40: Tidewell Water says it will appeal against the agency’s figures for Sudbrook Mill, which it says counted 31 spills twice. Councilor Ogundipe called the appeal “a distraction”. Graham Pell has not commented.'],
  ['lasted a combined 14,900 hours', 'lasted a combined 14,090 hours'],
  [' bathing waters, which would require regular testing throughout the summer.', ' bathing waters.'],
);

const run = probe('probe 5', judge);
const md = (lines: readonly string[]) => textOf(paras(lines), 'markdown');
const [v1, v2, v3, v4, v5, v6] = [V1, V2, V3, V4, V5, V6].map(md) as [string, string, string, string, string, string];

// ---------------------------------------------------------------- the rounds

run({
  group: 'round 1: 2,340 → 2,430, Peter → Peta, 18 → 21 per cent, a correction note quoting the old figure',
  before: v1,
  after: v2,
  cases: [
    { name: 'the headline\'s "2,340" → its "2,430", not the note\'s "2,340"', on: { context: 'Alde 2,340 times last year', quote: '2,340' }, expect: { kind: 'replaced', context: 'Alde 2,430 times last year', quote: '2,430' } },
    { name: 'the lede\'s "2,340 times" → "2,430 times"', on: { context: 'tributaries 2,340 times in 2025', quote: '2,340 times' }, expect: { kind: 'replaced', context: 'tributaries 2,430 times in 2025', quote: '2,430 times' } },
    { name: 'the lede\'s "2,340" → "2,430", never the note\'s old figure', on: { context: 'tributaries 2,340 times in 2025', quote: '2,340' }, expect: { kind: 'replaced', context: 'tributaries 2,430 times in 2025', quote: '2,430' } },
    { name: '"18 per cent" → "21 per cent"', on: { context: '18 per cent' }, expect: { kind: 'replaced', context: '21 per cent' } },
    { name: '"Councillor Peter Ogundipe" → "Councillor Peta Ogundipe", not the note\'s "Councillor Ogundipe"', on: { context: 'Councillor Peter Ogundipe' }, expect: { kind: 'replaced', context: 'Councillor Peta Ogundipe' } },
    { name: 'the first name "Peter" → "Peta", or a person decides', on: { context: 'Councillor Peter Ogundipe', quote: 'Peter' }, expect: { kind: 'ask', context: 'Councillor Peta Ogundipe', quote: 'Peta' } },
    { name: '"14,900 hours" (untouched) → same', on: { context: '14,900 hours' }, expect: { kind: 'same', context: '14,900 hours' } },
    { name: '"a disgrace, plain and simple" → same', on: { context: 'a disgrace, plain and simple' }, expect: { kind: 'same', context: 'a disgrace, plain and simple' } },
    { name: 'the body\'s "Marlow Bridge" → same, not the list\'s', on: { context: 'overflow at Marlow Bridge', quote: 'Marlow Bridge' }, expect: { kind: 'same', context: 'overflow at Marlow Bridge', quote: 'Marlow Bridge' } },
    { name: '"£310 million" → same', on: { context: '£310 million' }, expect: { kind: 'same', context: '£310 million' } },
  ],
});

run({
  group: 'round 2: a paragraph split, two merged, a quotation trimmed',
  before: v2,
  after: v3,
  cases: [
    { name: '"Dr Helen Marsh, a microbiologist" (now opening its own paragraph) → same', on: { context: 'Dr Helen Marsh, a microbiologist' }, expect: { kind: 'same', context: 'Dr Helen Marsh, a microbiologist' } },
    { name: '"at times 30 times the safe limit for bathing" (now ending its paragraph) → same', on: { context: 'at times 30 times the safe limit for bathing' }, expect: { kind: 'same', context: 'at times 30 times the safe limit for bathing' } },
    { name: 'across the split: "the safe limit for bathing. Dr Helen Marsh" → the same words over the paragraph break', on: { context: 'the safe limit for bathing. Dr Helen Marsh' }, expect: { kind: 'replaced', context: 'the safe limit for bathing.\nDr Helen Marsh' } },
    { name: 'the merged "It has fined Tidewell twice since 2019." → same', on: { context: 'It has fined Tidewell twice since 2019.' }, expect: { kind: 'same', context: 'It has fined Tidewell twice since 2019.' } },
    { name: 'the merged "said it was examining the figures" → same', on: { context: 'said it was examining the figures' }, expect: { kind: 'same', context: 'said it was examining the figures' } },
    {
      name: 'the whole trimmed quotation → what is left of it, or a person decides',
      on: { context: 'We recognise that the number of spills is unacceptable, we apologise to our customers, and we are committed to halving them by 2030.' },
      expect: { kind: 'ask', context: 'We recognise that the number of spills is unacceptable and we are committed to halving them by 2030.' },
    },
    { name: '"we apologise to our customers" (cut) → orphaned', on: { context: 'we apologise to our customers' }, expect: { kind: 'orphaned' } },
    { name: '"we are committed to halving them by 2030" → same', on: { context: 'we are committed to halving them by 2030' }, expect: { kind: 'same', context: 'we are committed to halving them by 2030' } },
    { name: '"the number of spills is unacceptable" → same', on: { context: 'the number of spills is unacceptable' }, expect: { kind: 'same', context: 'the number of spills is unacceptable' } },
    { name: '"Peta Ogundipe" → same', on: { context: 'Peta Ogundipe' }, expect: { kind: 'same', context: 'Peta Ogundipe' } },
  ],
});

run({
  group: 'round 3: a key-findings box repeating the lede, the list re-ordered with one figure corrected',
  before: v3,
  after: v4,
  cases: [
    { name: 'the lede\'s "2,430 times" → same, not the box\'s "2,430 discharges"', on: { context: '2,430 times in 2025' }, expect: { kind: 'same', context: '2,430 times in 2025' } },
    { name: 'the lede\'s "21 per cent" → same, not the box\'s', on: { context: 'a rise of 21 per cent', quote: '21 per cent' }, expect: { kind: 'same', context: 'a rise of 21 per cent', quote: '21 per cent' } },
    { name: 'the body\'s "14,900 hours" → same, not the box\'s', on: { context: 'combined 14,900 hours', quote: '14,900 hours' }, expect: { kind: 'same', context: 'combined 14,900 hours', quote: '14,900 hours' } },
    { name: 'the body\'s "212 days" → same, not the box\'s or the list\'s', on: { context: 'spilled on 212 days', quote: '212 days' }, expect: { kind: 'same', context: 'spilled on 212 days', quote: '212 days' } },
    { name: 'list item "Marlow Bridge: 212 days" → same', on: { context: 'Marlow Bridge: 212 days' }, expect: { kind: 'same', context: 'Marlow Bridge: 212 days' } },
    { name: 'list item "Hatherleigh Lane: 154 days" (moved up, corrected) → "Hatherleigh Lane: 194 days"', on: { context: 'Hatherleigh Lane: 154 days' }, expect: { kind: 'replaced', context: 'Hatherleigh Lane: 194 days' } },
    { name: 'the list\'s "154" → "194" in its moved item, or a person decides; never "187"', on: { context: 'Hatherleigh Lane: 154 days', quote: '154' }, expect: { kind: 'ask', context: 'Hatherleigh Lane: 194 days', quote: '194' } },
    { name: 'list item "Sudbrook Mill: 187 days" (moved down) → same', on: { context: 'Sudbrook Mill: 187 days' }, expect: { kind: 'same', context: 'Sudbrook Mill: 187 days' } },
    { name: 'list item "Castle Weir: 139 days" → same', on: { context: 'Castle Weir: 139 days' }, expect: { kind: 'same', context: 'Castle Weir: 139 days' } },
    { name: 'the last item "Eastgate: 121 days" → same', on: { context: 'Eastgate: 121 days' }, expect: { kind: 'same', context: 'Eastgate: 121 days' } },
  ],
});

run({
  group: 'round 4: the American edition — spelling, "percent", curly quotes, an em dash',
  before: v4,
  after: v5,
  cases: [
    { name: 'the lede\'s "21 per cent" → "21 percent", not the box\'s', on: { context: 'a rise of 21 per cent', quote: '21 per cent' }, expect: { kind: 'replaced', context: 'a rise of 21 percent', quote: '21 percent' } },
    { name: 'the box\'s "up 21 per cent" → "up 21 percent"', on: { context: 'up 21 per cent' }, expect: { kind: 'replaced', context: 'up 21 percent' } },
    {
      name: '"The organisation representing the company\'s customers" → the American spelling with its curly apostrophe',
      on: { context: "The organisation representing the company's customers" },
      expect: { kind: 'replaced', context: 'The organization representing the company’s customers' },
    },
    { name: '"analysed the samples" → "analyzed the samples"', on: { context: 'analysed the samples' }, expect: { kind: 'replaced', context: 'analyzed the samples' } },
    { name: '"Councillor Peta Ogundipe" → "Councilor Peta Ogundipe"', on: { context: 'Councillor Peta Ogundipe' }, expect: { kind: 'replaced', context: 'Councilor Peta Ogundipe' } },
    { name: '"Peta Ogundipe" → same', on: { context: 'Peta Ogundipe' }, expect: { kind: 'same', context: 'Peta Ogundipe' } },
    {
      name: 'the trimmed quotation with its straight quotes → the curly-quoted, American-spelt words',
      on: { context: '"We recognise that the number of spills is unacceptable and we are committed to halving them by 2030."' },
      expect: { kind: 'replaced', context: '“We recognize that the number of spills is unacceptable and we are committed to halving them by 2030.”' },
    },
    { name: '"£420,000 last year - the largest" → with the em dash', on: { context: '£420,000 last year - the largest' }, expect: { kind: 'replaced', context: '£420,000 last year — the largest' } },
    { name: '"£420,000" → same', on: { context: '£420,000' }, expect: { kind: 'same', context: '£420,000' } },
    { name: '"a disgrace, plain and simple" (its quotation marks now curly) → same', on: { context: 'a disgrace, plain and simple' }, expect: { kind: 'same', context: 'a disgrace, plain and simple' } },
    { name: '"a grey-brown colour" → "a grey-brown color"', on: { context: 'a grey-brown colour' }, expect: { kind: 'replaced', context: 'a grey-brown color' } },
    { name: '"Graham Pell" → same', on: { context: 'Graham Pell' }, expect: { kind: 'same', context: 'Graham Pell' } },
  ],
});

run({
  group: 'round 5: an update block at the top, the headline reworded, the body\'s hours corrected but not the box\'s, a clause cut',
  before: v5,
  after: v6,
  cases: [
    { name: 'the headline\'s "2,430" (headline reworded around it) → same', on: { context: 'Alde 2,430 times last year', quote: '2,430' }, expect: { kind: 'same', context: 'Alde 2,430 times last year', quote: '2,430' } },
    { name: 'the lede\'s "Tidewell Water discharged untreated sewage" → same, below the update', on: { context: 'Tidewell Water discharged untreated sewage' }, expect: { kind: 'same', context: 'Tidewell Water discharged untreated sewage' } },
    { name: 'the body\'s "14,900 hours" → "14,090 hours" in place, never the box\'s unchanged "14,900 hours"', on: { context: 'combined 14,900 hours', quote: '14,900 hours' }, expect: { kind: 'replaced', context: 'combined 14,090 hours', quote: '14,090 hours' } },
    { name: 'the body\'s "14,900" → "14,090", never the box\'s', on: { context: 'combined 14,900 hours', quote: '14,900' }, expect: { kind: 'replaced', context: 'combined 14,090 hours', quote: '14,090' } },
    { name: 'the box\'s "14,900 hours of spills" (untouched) → same', on: { context: '14,900 hours of spills' }, expect: { kind: 'same', context: '14,900 hours of spills' } },
    { name: 'list item "Sudbrook Mill: 187 days" → same, not the update\'s "Sudbrook Mill"', on: { context: 'Sudbrook Mill: 187 days' }, expect: { kind: 'same', context: 'Sudbrook Mill: 187 days' } },
    { name: 'the body\'s "Ogundipe" → same, not the update\'s', on: { context: 'Councilor Peta Ogundipe', quote: 'Ogundipe' }, expect: { kind: 'same', context: 'Councilor Peta Ogundipe', quote: 'Ogundipe' } },
    { name: 'the body\'s "Graham Pell" → same, not the update\'s', on: { context: 'executive, Graham Pell', quote: 'Graham Pell' }, expect: { kind: 'same', context: 'executive, Graham Pell', quote: 'Graham Pell' } },
    { name: '"the wettest autumn on record" → same', on: { context: 'the wettest autumn on record' }, expect: { kind: 'same', context: 'the wettest autumn on record' } },
    { name: '"Ruth Adeyemi" → same', on: { context: 'Ruth Adeyemi' }, expect: { kind: 'same', context: 'Ruth Adeyemi' } },
    { name: 'the correction note\'s "2,340" → same', on: { context: 'discharges as 2,340', quote: '2,340' }, expect: { kind: 'same', context: 'discharges as 2,340', quote: '2,340' } },
    { name: '"which would require regular testing throughout the summer" (cut) → orphaned', on: { context: 'which would require regular testing throughout the summer' }, expect: { kind: 'orphaned' } },
    { name: '"one of 14 rivers in England" → same', on: { context: 'one of 14 rivers in England' }, expect: { kind: 'same', context: 'one of 14 rivers in England' } },
  ],
});
