// Blind probe 3 (issue #12): written from the scenarios before reading lib/anchoring, on articles
// invented for this test (news style, many repeated figures, names and dates). Every case says what a
// fact-checker must see after a new version: the same words (exact/moved), the replacement in place
// (fuzzy, a person confirms) or nothing (orphaned) — never other words. Versions go through the
// import path (parseArticle, then placeOnVersion with the previous text), except the "raw" group,
// which feeds the matcher texts that skipped import normalisation. Each version is also imported
// the W3C way (TextQuote + TextPosition in code points, no previous text, so no diff), scored
// against the same expectations: there a safe orphan is allowed, other words never.
import type { VersionPlacement } from '@/lib/anchoring/place-on-version';
import { core, locate, paras, probe, textOf, type Outcome } from './probe-support';

// ---------------------------------------------------------------- articles (invented for this test)

const WAZIRISTAN = [
  'Militant attacks in South Waziristan rise sharply in 2025, officials say',
  'PESHAWAR — Militant attacks in South Waziristan killed 450 people in the first nine months of 2025, according to figures released on Tuesday by the provincial home department, up from 310 in the same period of 2024.',
  'Officials blamed most of the violence on the Tehrik-i-Taliban Pakistan (TTP), which they estimate has 6,000-6,500 fighters in the tribal districts. A UN monitoring team put the figure at 6000 in its July report, while a second UN panel said the TTP could field "as many as 6,500 men" along the Afghan border. The UN envoy, José Ramírez, said the estimates were "broadly consistent".',
  'The TTP\'s commander in the district, Zarif Mehsud, denied that his group targeted civilians. "We are fighting the army, not the people," Mehsud said in an audio message shared with journalists on Monday. Security officials said Mehsud had been based across the border since 2021.',
  'Colonel Asma Durrani, a spokeswoman for the paramilitary Frontier Corps, said 450 of the dead were civilians and police officers, and that 1,200 suspected militants had been arrested since January 2025. "The situation is under control," Durrani said. "We will not allow the TTP to return to Waziristan."',
  'Unemployment in the district stands at 38 per cent, and 62 per cent of schools remain closed, according to a UN survey published in March 2025. Aid groups said the closures affected about 6000 children.',
  'Local elders said the violence had emptied villages around Wana and Makeen. "Every family has lost someone," said Haji Gul Mehsud, an elder from Makeen, who said he had buried three relatives in 2025 alone. The elders have asked the UN to send observers.',
  'The home department said 2025 had been the deadliest year in the district since 2014, when the army launched a major offensive. Officials said the TTP had carried out 212 attacks this year, compared with 145 in 2024.',
  'Analysts said the rise reflected the TTP\'s freedom of movement since 2021. "The group has rebuilt its networks," said Sana Khattak, a researcher at the Peshawar-based Institute for Conflict Studies. "Six thousand fighters is a conservative estimate."',
  'Durrani said security forces would hold talks with elders in Wana on 14 October 2025. "We are ready to talk," she said.',
];

const SWAT_LIVE_ENTRIES = [
  '14:05 — The district administration says 37 people are confirmed dead and 112 are missing. Rescue teams from Rescue 1122 are searching the riverbank near Mingora.',
  '13:40 — Chief Minister Tariq Rahim says the government will pay compensation of Rs1 million to each bereaved family. "No family will be left alone," he says.',
  '13:15 — The Pakistan Meteorological Department forecasts more rain in Swat over the next 48 hours. Residents near the river are asked to move to higher ground.',
  '12:50 — Rescue 1122 says 37 people are confirmed dead. The figure was 29 an hour ago.',
  '12:20 — Footage shared on social media shows a hotel near Fizagat being swept away. Officials say the hotel had been evacuated on Thursday.',
  '11:45 — The UN says it is ready to support relief efforts. A UN spokesperson in Islamabad says teams are in contact with the provincial disaster authority.',
  '11:10 — The river at Khwazakhela is flowing at 227,000 cusecs, the highest level since 2022, according to the irrigation department.',
  '10:30 — Welcome to our live coverage of the floods in Swat. At least 29 people have died and 112 are missing after the river burst its banks overnight.',
];
const SWAT_TITLE = 'Live: Swat floods — rescue teams search for missing after river bursts banks';
const SWAT_LIVE = [SWAT_TITLE, ...SWAT_LIVE_ENTRIES];

const RECOUNT = [
  'Court orders recount in Lahore constituency after disputed vote',
  'LAHORE — The Lahore High Court on Wednesday ordered a recount in constituency NA-128 after the runner-up, Farah Naqvi, said that 6,412 ballots had been wrongly excluded. The court gave the Election Commission 15 days to complete the recount.',
  'Naqvi, who lost by 1,987 votes, told reporters outside the court: "This is a victory for every voter in Lahore." Her lawyer, Omar Siddiqui, said the excluded ballots came from 23 polling stations.',
  'The winning candidate, Bilal Chaudhry, said he would appeal. "The people of Lahore have spoken, and the court cannot change that," Chaudhry said. He said the recount was "a waste of public money."',
  'Turnout in the constituency was 41 per cent, down from 47 per cent in 2018. The Election Commission said it had received 14 complaints from NA-128, more than from any other Lahore seat.',
  'Observers from the Free and Fair Election Network said irregularities had been reported at 23 polling stations. "This is a victory for every voter in Lahore," Naqvi repeated in a post on social media on Thursday.',
  'The recount will begin on 3 March. Siddiqui said his team would send 40 observers. The Election Commission said the result would be announced within 15 days.',
  'Chaudhry won the seat with 88,210 votes against Naqvi\'s 86,223, according to official results. The Election Commission had rejected Naqvi\'s first complaint in January.',
];

/** A different story entirely, sharing only everyday words, years and acronyms with WAZIRISTAN. */
const UNRELATED = [
  'Wheat harvest expected to fall short of target, ministry says',
  'ISLAMABAD — Pakistan\'s wheat harvest is expected to reach 28 million tonnes in 2025, short of the government\'s target of 32 million tonnes, the food security ministry said on Friday.',
  'Officials blamed a dry winter and the late arrival of fertiliser. A UN agency said in a report that prices of flour had risen by a third since 2024, and that 450 districts across South Asia faced shortages.',
  'Farmers in Punjab said they had been paid late for the previous crop. "We are ready to talk to the government, but nobody listens," said Rana Aslam, who farms near Okara.',
  'The ministry said it would import up to 2 million tonnes before the end of 2025 to keep flour prices stable, and the TTP attacks in the northwest had not affected supply routes.',
].join('\n\n');


// ---------------------------------------------------------------- locating words

type Expect =
  /** The same characters, wherever they went: exact or moved. */
  | { kind: 'same'; context: string; quote?: string }
  /** The text that replaced the quote, in place: fuzzy (orphaned is safe, but not what a checker wants). */
  | { kind: 'replaced'; context: string; quote?: string }
  /** The quote's words are gone: orphaned. */
  | { kind: 'orphaned' }
  /** Half the quote is gone: fuzzy on what is left or orphaned, both right. */
  | { kind: 'remnant-or-orphaned'; context: string; quote?: string };




function judge(after: string, placed: VersionPlacement, expect: Expect): Outcome {
  if (expect.kind === 'orphaned') return placed.state === 'orphaned' ? 'right' : 'other-words';
  const [s, e] = locate(after, expect.context, expect.quote);
  if (placed.state === 'orphaned') return expect.kind === 'remnant-or-orphaned' ? 'right' : 'safe-orphan';
  const overlaps = placed.start < e && s < placed.end;
  if (!overlaps) return 'other-words';
  const sameRange = placed.start === s && placed.end === e;
  const sameCore = core(after.slice(placed.start, placed.end)) === core(after.slice(s, e)) && placed.start >= s - 2 && placed.end <= e + 2;
  if (expect.kind === 'same') {
    if (!sameRange) return sameCore && placed.state === 'fuzzy' ? 'weak-state' : 'imprecise';
    return placed.state === 'fuzzy' ? 'weak-state' : 'right';
  }
  // A replacement: fuzzy in place; the same characters are also right when the edit left the quote's text intact.
  if (!(sameRange || sameCore)) return 'imprecise';
  return 'right';
}

const run = probe('probe 3', judge);

// ---------------------------------------------------------------- the edits

const waz = textOf(paras(WAZIRISTAN));
const swat = textOf(paras(SWAT_LIVE));
const recount = textOf(paras(RECOUNT));

/** Replaces one unique occurrence of `find` (throws when it is missing or repeated). */
function replaceOnce(text: string, find: string, by: string): string {
  const at = text.indexOf(find);
  if (at === -1 || text.indexOf(find, at + 1) !== -1) throw new Error(`fixture: "${find}" must occur once`);
  return text.slice(0, at) + by + text.slice(at + find.length);
}
const replaceParas = (lines: readonly string[], f: (p: string) => string) => lines.map(f);

run({
  group: 'a correction appended, the figure changed in place',
  before: waz,
  after: textOf(
    paras([
      ...replaceParas(WAZIRISTAN, (p) => p.replace('killed 450 people', 'killed 520 people')),
      'Correction: An earlier version of this article said militant attacks had killed 450 people in the first nine months of 2025. The correct figure is 520.',
    ]),
  ),
  cases: [
    { name: '"450" in the lede → fuzzy "520" in the lede', on: { context: 'killed 450 people', quote: '450' }, expect: { kind: 'replaced', context: 'South Waziristan killed 520 people', quote: '520' } },
    { name: '"killed 450 people" → fuzzy "killed 520 people"', on: { context: 'killed 450 people' }, expect: { kind: 'replaced', context: 'Waziristan killed 520 people', quote: 'killed 520 people' } },
    {
      name: 'the lede claim, quoted verbatim in the correction note → fuzzy on the lede, not the note',
      on: { context: 'killed 450 people in the first nine months of 2025' },
      expect: { kind: 'replaced', context: 'Waziristan killed 520 people in the first nine months of 2025', quote: 'killed 520 people in the first nine months of 2025' },
    },
    { name: 'the other "450" (of the dead), untouched → same', on: { context: '450 of the dead', quote: '450' }, expect: { kind: 'same', context: '450 of the dead', quote: '450' } },
    { name: '"310" next to the edit → same', on: { context: 'up from 310', quote: '310' }, expect: { kind: 'same', context: 'up from 310', quote: '310' } },
  ],
});

const curly = (p: string) =>
  p
    .replace(/"([^"]*)"/g, '“$1”')
    .replace(/(\w)'(\w)/g, '$1’$2')
    .replace(/(\d)-(\d)/g, '$1–$2')
    .replace(/ per cent/g, '%');
run({
  group: 'typography across the whole text (curly quotes, en dash ranges, "per cent" → "%")',
  before: waz,
  after: textOf(paras(WAZIRISTAN.map(curly))),
  cases: [
    { name: 'a quote with its quotation marks → the curly-quoted words', on: { context: '"We are fighting the army, not the people,"' }, expect: { kind: 'replaced', context: '“We are fighting the army, not the people,”' } },
    { name: 'the words inside the quotation marks → same', on: { context: 'We are fighting the army, not the people' }, expect: { kind: 'same', context: 'We are fighting the army, not the people' } },
    { name: '"6,000-6,500 fighters" → "6,000–6,500 fighters"', on: { context: '6,000-6,500 fighters' }, expect: { kind: 'replaced', context: '6,000–6,500 fighters' } },
    { name: '"6,500" of the range → same', on: { context: '6,000-6,500 fighters', quote: '6,500' }, expect: { kind: 'same', context: '6,000–6,500 fighters', quote: '6,500' } },
    { name: '"38 per cent" → fuzzy "38%"', on: { context: '38 per cent' }, expect: { kind: 'replaced', context: '38%' } },
    { name: '"62 per cent of schools remain closed" → "62% of schools remain closed"', on: { context: '62 per cent of schools remain closed' }, expect: { kind: 'replaced', context: '62% of schools remain closed' } },
    { name: '"the TTP\'s freedom of movement" → with a curly apostrophe', on: { context: "the TTP's freedom of movement" }, expect: { kind: 'replaced', context: 'the TTP’s freedom of movement' } },
    { name: 'a whole quoted sentence of Durrani → curly version', on: { context: '"The situation is under control," Durrani said.' }, expect: { kind: 'replaced', context: '“The situation is under control,” Durrani said.' } },
  ],
});

run({
  group: 'import normalisation: double spaces, non-breaking spaces, decomposed accents',
  before: waz,
  after: textOf(
    paras(WAZIRISTAN)
      .replace(/\. /g, '.  ')
      .replace('Colonel Asma Durrani', 'Colonel\u00a0Asma\u00a0Durrani')
      .normalize('NFD'),
  ),
  cases: [
    { name: '"José Ramírez" → same', on: { context: 'José Ramírez' }, expect: { kind: 'same', context: 'José Ramírez' } },
    // The canonical text keeps a non-breaking space (it is a character of the text), so the name's spaces changed.
    { name: '"Colonel Asma Durrani, a spokeswoman" → with its non-breaking spaces', on: { context: 'Colonel Asma Durrani, a spokeswoman' }, expect: { kind: 'replaced', context: 'Colonel\u00a0Asma\u00a0Durrani, a spokeswoman' } },
    { name: 'two sentences across a full stop → same', on: { context: 'denied that his group targeted civilians. "We are fighting' }, expect: { kind: 'same', context: 'denied that his group targeted civilians. "We are fighting' } },
  ],
});

run({
  group: 'raw (no import normalisation): double spaces, non-breaking spaces, decomposed accents',
  before: paras(WAZIRISTAN),
  after: paras(WAZIRISTAN).replace(/\. /g, '.  ').replace('Colonel Asma Durrani', 'Colonel\u00a0Asma\u00a0Durrani').normalize('NFD'),
  cases: [
    { name: '"José Ramírez" → the decomposed name', on: { context: 'José Ramírez' }, expect: { kind: 'replaced', context: 'José Ramírez'.normalize('NFD') } },
    { name: '"Colonel Asma Durrani, a spokeswoman" → with its non-breaking spaces', on: { context: 'Colonel Asma Durrani, a spokeswoman' }, expect: { kind: 'replaced', context: 'Colonel\u00a0Asma\u00a0Durrani, a spokeswoman' } },
    { name: 'two sentences across a now double space', on: { context: 'denied that his group targeted civilians. "We are fighting' }, expect: { kind: 'replaced', context: 'denied that his group targeted civilians.  "We are fighting' } },
    { name: '"Durrani said" (the first, untouched) → same', on: { context: '," Durrani said. "We will', quote: 'Durrani said' }, expect: { kind: 'same', context: '," Durrani said.  "We will', quote: 'Durrani said' } },
  ],
});

run({
  group: 'a name\'s spelling corrected everywhere ("Mehsud" → "Mahsud")',
  before: waz,
  after: textOf(paras(WAZIRISTAN).replace(/Mehsud/g, 'Mahsud')),
  cases: [
    { name: 'the commander\'s "Mehsud" → his "Mahsud"', on: { context: 'Zarif Mehsud, denied', quote: 'Mehsud' }, expect: { kind: 'replaced', context: 'Zarif Mahsud, denied', quote: 'Mahsud' } },
    { name: 'the second "Mehsud" (said in an audio message) → its own "Mahsud"', on: { context: 'Mehsud said in an audio', quote: 'Mehsud' }, expect: { kind: 'replaced', context: 'Mahsud said in an audio', quote: 'Mahsud' } },
    { name: 'the third "Mehsud" (based across the border) → its own "Mahsud"', on: { context: 'said Mehsud had been', quote: 'Mehsud' }, expect: { kind: 'replaced', context: 'said Mahsud had been', quote: 'Mahsud' } },
    { name: '"Haji Gul Mehsud" → "Haji Gul Mahsud"', on: { context: 'Haji Gul Mehsud' }, expect: { kind: 'replaced', context: 'Haji Gul Mahsud' } },
    {
      name: 'a whole sentence with the name → the corrected sentence',
      on: { context: 'Security officials said Mehsud had been based across the border since 2021.' },
      expect: { kind: 'replaced', context: 'Security officials said Mahsud had been based across the border since 2021.' },
    },
  ],
});

run({
  group: 'numbers reformatted ("6000" → "6,000") next to an existing "6,000"',
  before: waz,
  after: textOf(paras(WAZIRISTAN).replace(/6000/g, '6,000')),
  cases: [
    { name: '"6000" of the UN team → its "6,000", not the range\'s', on: { context: 'figure at 6000 in', quote: '6000' }, expect: { kind: 'replaced', context: 'figure at 6,000 in', quote: '6,000' } },
    { name: '"about 6000 children" → "about 6,000 children"', on: { context: 'about 6000 children' }, expect: { kind: 'replaced', context: 'about 6,000 children' } },
    { name: '"6000" of the children → its "6,000"', on: { context: 'about 6000 children', quote: '6000' }, expect: { kind: 'replaced', context: 'about 6,000 children', quote: '6,000' } },
    { name: 'the range\'s "6,000" → same', on: { context: '6,000-6,500', quote: '6,000' }, expect: { kind: 'same', context: '6,000-6,500', quote: '6,000' } },
  ],
});

run({
  group: 'a sentence reworded around a quote that stays; a quote half deleted',
  before: waz,
  after: textOf(
    paras(
      WAZIRISTAN.map((p) =>
        p
          .replace(
            'Durrani said security forces would hold talks with elders in Wana on 14 October 2025. "We are ready to talk," she said.',
            'Talks with elders will be held in Wana on 14 October 2025, Durrani said, adding that security forces were prepared: "We are ready to talk."',
          )
          .replace(' "We will not allow the TTP to return to Waziristan."', '')
          .replace('who said he had buried three relatives in 2025 alone', 'who said three of his relatives had been killed in 2025 alone'),
      ),
    ),
  ),
  cases: [
    { name: '"We are ready to talk" → same, in the reworded sentence', on: { context: 'We are ready to talk' }, expect: { kind: 'same', context: 'We are ready to talk' } },
    { name: '"14 October 2025" → same, in the reworded sentence', on: { context: '14 October 2025' }, expect: { kind: 'same', context: '14 October 2025' } },
    {
      name: 'Durrani\'s two quoted sentences, the second deleted → what is left, or orphaned',
      on: { context: '"The situation is under control," Durrani said. "We will not allow the TTP to return to Waziristan."' },
      expect: { kind: 'remnant-or-orphaned', context: '"The situation is under control," Durrani said.' },
    },
    { name: '"We will not allow the TTP to return" (deleted) → orphaned', on: { context: 'We will not allow the TTP to return' }, expect: { kind: 'orphaned' } },
    { name: 'the elder\'s "2025" in a reworded clause → same', on: { context: 'relatives in 2025 alone', quote: '2025' }, expect: { kind: 'same', context: 'killed in 2025 alone', quote: '2025' } },
    { name: 'the TTP of the deleted quote → orphaned, not another TTP', on: { context: 'allow the TTP to return', quote: 'TTP' }, expect: { kind: 'orphaned' } },
  ],
});

run({
  group: 'short quotes with many copies ("TTP", "2025", "UN") under an editor\'s note, one sentence deleted',
  before: waz,
  after: textOf(
    paras([
      WAZIRISTAN[0]!,
      'Editor\'s note: This article was updated on 3 November 2025 with new figures from the UN and a response from the TTP. The UN figures for 2025 are provisional.',
      ...WAZIRISTAN.slice(1).map((p) => p.replace(' The elders have asked the UN to send observers.', '')),
    ]),
  ),
  cases: [
    { name: '"TTP" of "the TTP had carried out" → same', on: { context: 'the TTP had carried out', quote: 'TTP' }, expect: { kind: 'same', context: 'the TTP had carried out', quote: 'TTP' } },
    { name: '"(TTP)" → same', on: { context: 'Pakistan (TTP)', quote: 'TTP' }, expect: { kind: 'same', context: 'Pakistan (TTP)', quote: 'TTP' } },
    { name: '"2025" of "said 2025 had been" → same', on: { context: 'said 2025 had been', quote: '2025' }, expect: { kind: 'same', context: 'said 2025 had been', quote: '2025' } },
    { name: '"2025" of the headline → same', on: { context: 'sharply in 2025', quote: '2025' }, expect: { kind: 'same', context: 'sharply in 2025', quote: '2025' } },
    { name: '"UN" of the deleted sentence → orphaned', on: { context: 'asked the UN to send', quote: 'UN' }, expect: { kind: 'orphaned' } },
    { name: '"UN" of "a UN survey" → same', on: { context: 'a UN survey', quote: 'UN' }, expect: { kind: 'same', context: 'a UN survey', quote: 'UN' } },
    { name: '"UN" of "The UN envoy" → same', on: { context: 'The UN envoy', quote: 'UN' }, expect: { kind: 'same', context: 'The UN envoy', quote: 'UN' } },
  ],
});

run({
  group: 'a headline changed',
  before: waz,
  after: textOf(paras(['Militant violence in South Waziristan at highest level since 2014', ...WAZIRISTAN.slice(1)])),
  cases: [
    { name: '"rise sharply in 2025" (rewritten) → orphaned', on: { context: 'rise sharply in 2025' }, expect: { kind: 'orphaned' } },
    { name: 'the headline\'s "2025" (gone) → orphaned, not a "2025" of the body', on: { context: 'sharply in 2025', quote: '2025' }, expect: { kind: 'orphaned' } },
    { name: 'the headline\'s "South Waziristan" → same', on: { context: 'attacks in South Waziristan rise', quote: 'South Waziristan' }, expect: { kind: 'same', context: 'violence in South Waziristan at', quote: 'South Waziristan' } },
  ],
});

const swatUpdated = textOf(
  paras([
    'Live: Swat floods — death toll rises to 41 as rescue teams search for missing after river bursts banks',
    '15:20 — The death toll rises to 41, the district administration says. 112 people remain missing. Rescue 1122 says it has recovered four more bodies near Mingora.',
    '14:50 — The UN says a team will arrive in Swat on Saturday. Officials say 37 of the dead have been identified.',
    ...SWAT_LIVE_ENTRIES.map((p) => p.replace('14:05 — The district administration says 37 people', '14:05 — The district administration says 38 people')),
  ]),
);
run({
  group: 'a live blog: entries prepended, the headline extended, one figure corrected in an old entry',
  before: swat,
  after: swatUpdated,
  cases: [
    { name: '14:05\'s "37" (corrected to 38) → fuzzy "38", not 12:50\'s "37"', on: { context: 'says 37 people are confirmed dead and', quote: '37' }, expect: { kind: 'replaced', context: 'says 38 people are confirmed dead and', quote: '38' } },
    { name: '12:50\'s "37 people are confirmed dead" → same', on: { context: '1122 says 37 people are confirmed dead', quote: '37 people are confirmed dead' }, expect: { kind: 'same', context: '1122 says 37 people are confirmed dead', quote: '37 people are confirmed dead' } },
    { name: '14:05\'s "112 are missing" → same', on: { context: 'dead and 112 are missing', quote: '112 are missing' }, expect: { kind: 'same', context: 'dead and 112 are missing', quote: '112 are missing' } },
    { name: '10:30\'s "112 are missing" → same', on: { context: 'died and 112 are missing', quote: '112 are missing' }, expect: { kind: 'same', context: 'died and 112 are missing', quote: '112 are missing' } },
    { name: '"A UN spokesperson" UN → same', on: { context: 'A UN spokesperson', quote: 'UN' }, expect: { kind: 'same', context: 'A UN spokesperson', quote: 'UN' } },
    { name: '"The UN says it is ready" UN → same', on: { context: 'The UN says it is ready', quote: 'UN' }, expect: { kind: 'same', context: 'The UN says it is ready', quote: 'UN' } },
    { name: '"No family will be left alone" → same', on: { context: 'No family will be left alone' }, expect: { kind: 'same', context: 'No family will be left alone' } },
    { name: '"29" an hour ago → same', on: { context: 'was 29 an hour', quote: '29' }, expect: { kind: 'same', context: 'was 29 an hour', quote: '29' } },
    { name: '"14:05" → same', on: { context: '14:05' }, expect: { kind: 'same', context: '14:05' } },
    { name: 'headline "rescue teams search for missing" → same', on: { context: 'rescue teams search for missing' }, expect: { kind: 'same', context: 'rescue teams search for missing' } },
  ],
});

run({
  group: 'paragraphs split and merged',
  before: recount,
  after: textOf(
    paras(RECOUNT)
      .replace(' Her lawyer, Omar Siddiqui', '\n\nHer lawyer, Omar Siddiqui')
      .replace('within 15 days.\n\nChaudhry won', 'within 15 days. Chaudhry won'),
  ),
  cases: [
    { name: '"told reporters outside the court" → same', on: { context: 'told reporters outside the court' }, expect: { kind: 'same', context: 'told reporters outside the court' } },
    { name: 'a quote across the split → the same words over the new paragraph break', on: { context: 'voter in Lahore." Her lawyer, Omar Siddiqui', quote: 'Lahore." Her lawyer, Omar Siddiqui' }, expect: { kind: 'replaced', context: 'voter in Lahore."\nHer lawyer, Omar Siddiqui', quote: 'Lahore."\nHer lawyer, Omar Siddiqui' } },
    { name: 'a quote across the merge → the same words, one paragraph', on: { context: 'within 15 days.\nChaudhry won the seat' }, expect: { kind: 'replaced', context: 'within 15 days. Chaudhry won the seat' } },
    { name: '"88,210 votes" → same', on: { context: '88,210 votes' }, expect: { kind: 'same', context: '88,210 votes' } },
    { name: '"23 polling stations" of the lawyer (now its own paragraph) → same', on: { context: 'came from 23 polling stations', quote: '23 polling stations' }, expect: { kind: 'same', context: 'came from 23 polling stations', quote: '23 polling stations' } },
  ],
});

const movedSentence = 'The court gave the Election Commission 15 days to complete the recount.';
run({
  group: 'a sentence moved to another paragraph',
  before: recount,
  after: textOf(
    paras(
      RECOUNT.map((p) =>
        p.replace(` ${movedSentence}`, '').replace('The recount will begin on 3 March.', `The recount will begin on 3 March. ${movedSentence}`),
      ),
    ),
  ),
  cases: [
    { name: 'the moved sentence → same, where it went', on: { context: movedSentence }, expect: { kind: 'same', context: movedSentence } },
    { name: '"15 days" of the moved sentence → where it went (not "within 15 days")', on: { context: 'Commission 15 days to', quote: '15 days' }, expect: { kind: 'same', context: 'Commission 15 days to', quote: '15 days' } },
    { name: '"within 15 days" of the last paragraph → same', on: { context: 'within 15 days', quote: '15 days' }, expect: { kind: 'same', context: 'within 15 days', quote: '15 days' } },
    { name: '"6,412 ballots" next to where it left → same', on: { context: '6,412 ballots' }, expect: { kind: 'same', context: '6,412 ballots' } },
  ],
});

run({
  group: 'a paragraph deleted that held one of two copies of a quote',
  before: recount,
  after: textOf(paras(RECOUNT.filter((p) => !p.startsWith('Observers from')))),
  cases: [
    { name: 'the deleted copy of the quote → orphaned, not the surviving copy', on: { context: '"This is a victory for every voter in Lahore," Naqvi repeated', quote: 'This is a victory for every voter in Lahore' }, expect: { kind: 'orphaned' } },
    { name: 'the surviving copy → same', on: { context: 'court: "This is a victory for every voter in Lahore."', quote: 'This is a victory for every voter in Lahore' }, expect: { kind: 'same', context: 'court: "This is a victory for every voter in Lahore."', quote: 'This is a victory for every voter in Lahore' } },
    { name: '"23 polling stations" of the deleted paragraph → orphaned', on: { context: 'reported at 23 polling stations', quote: '23 polling stations' }, expect: { kind: 'orphaned' } },
    { name: '"23 polling stations" of the lawyer → same', on: { context: 'came from 23 polling stations', quote: '23 polling stations' }, expect: { kind: 'same', context: 'came from 23 polling stations', quote: '23 polling stations' } },
  ],
});

const recountMarkdown = [
  `# ${RECOUNT[0]}`,
  RECOUNT[1],
  RECOUNT[2],
  '## The winner\'s response',
  RECOUNT[3],
  '## Key figures',
  '- Ballots excluded: 6,412',
  '- Margin of defeat: 1,987 votes',
  '- Turnout: 41 per cent',
  RECOUNT[4],
  RECOUNT[6],
].join('\n\n');
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const recountHtml = [
  `<h1>${escape(RECOUNT[0]!)}</h1>`,
  `<p>${escape(RECOUNT[1]!)}</p>`,
  `<div><p>${escape(RECOUNT[2]!).replace('Naqvi,', '<strong>Naqvi</strong>,')}</p></div>`,
  `<p><strong>The winner's response</strong></p>`,
  `<p>${escape(RECOUNT[3]!).replace('Bilal Chaudhry', '<a href="/people/chaudhry">Bilal Chaudhry</a>')}</p>`,
  '<p><b>Key figures</b></p>',
  '<p>Ballots excluded: 6,412</p><p>Margin of defeat: 1,987&nbsp;votes</p><p>Turnout: 41 per cent</p>',
  `<p>${escape(RECOUNT[4]!)}</p>`,
  `<p>${escape(RECOUNT[6]!)}</p>`,
].join('\n');
run({
  group: 'the same article re-imported from HTML (headings and a list become paragraphs)',
  before: textOf(recountMarkdown, 'markdown'),
  after: textOf(recountHtml, 'html'),
  cases: [
    { name: 'the subheading "The winner\'s response" → same', on: { context: "The winner's response" }, expect: { kind: 'same', context: "The winner's response" } },
    { name: 'list item "Margin of defeat: 1,987 votes" → with its non-breaking space', on: { context: 'Margin of defeat: 1,987 votes' }, expect: { kind: 'replaced', context: 'Margin of defeat: 1,987\u00a0votes' } },
    { name: '"1,987" of the body → same, not the list\'s', on: { context: 'lost by 1,987 votes', quote: '1,987' }, expect: { kind: 'same', context: 'lost by 1,987 votes', quote: '1,987' } },
    { name: '"Bilal Chaudhry, said he would appeal" (now a link) → same', on: { context: 'Bilal Chaudhry, said he would appeal' }, expect: { kind: 'same', context: 'Bilal Chaudhry, said he would appeal' } },
    { name: '"41 per cent" of the list → same', on: { context: 'Turnout: 41 per cent', quote: '41 per cent' }, expect: { kind: 'same', context: 'Turnout: 41 per cent', quote: '41 per cent' } },
  ],
});

run({
  group: 'an entirely new article text under the same article',
  before: waz,
  after: textOf(UNRELATED),
  cases: [
    { name: '"TTP" → orphaned', on: { context: 'the TTP had carried out', quote: 'TTP' }, expect: { kind: 'orphaned' } },
    { name: '"2025" → orphaned', on: { context: 'said 2025 had been', quote: '2025' }, expect: { kind: 'orphaned' } },
    { name: '"UN" → orphaned', on: { context: 'a UN survey', quote: 'UN' }, expect: { kind: 'orphaned' } },
    { name: '"450" → orphaned', on: { context: 'killed 450 people', quote: '450' }, expect: { kind: 'orphaned' } },
    { name: '"We are ready to talk" → orphaned (another speaker in another story)', on: { context: 'We are ready to talk' }, expect: { kind: 'orphaned' } },
    { name: 'a whole sentence → orphaned', on: { context: 'Officials said the TTP had carried out 212 attacks this year, compared with 145 in 2024.' }, expect: { kind: 'orphaned' } },
  ],
});
