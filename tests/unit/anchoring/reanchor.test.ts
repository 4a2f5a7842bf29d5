import { describe, expect, it } from 'vitest';
import { describeRange, MIN_QUOTE_SIMILARITY, reanchor, reanchorAll, type AnchorTarget, type ReanchorResult } from '@/lib/anchoring';
import { loadArticle, prng, replaceRange } from './fixtures';

const article = loadArticle();

/** Target for the `nth` (0-based) occurrence of `quote` in `text`. */
function annotate(text: string, quote: string, nth = 0): AnchorTarget {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(quote, at + 1);
    if (at === -1) throw new Error(`fixture: occurrence ${nth} of "${quote}" not found`);
  }
  return describeRange(text, at, at + quote.length);
}

/** Replaces the first occurrence of `find` (after `from`) with `replacement`. */
function edit(text: string, find: string, replacement: string, from = 0): string {
  const at = text.indexOf(find, from);
  if (at === -1) throw new Error(`fixture: "${find}" not found`);
  return replaceRange(text, at, at + find.length, replacement);
}

function slice(text: string, r: ReanchorResult): string {
  return text.slice(r.start, r.end);
}

/** Removes the whole line (paragraph) that contains `needle`, with its newline. */
function deleteLineContaining(text: string, needle: string): string {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`fixture: "${needle}" not found`);
  const start = text.lastIndexOf('\n', at) + 1;
  const end = text.indexOf('\n', at);
  return end === -1 ? text.slice(0, Math.max(0, start - 1)) : text.slice(0, start) + text.slice(end + 1);
}

const CLAIM = 'carried out over 600 attacks in Pakistan in 2025 alone';

describe('reanchor: exact and moved', () => {
  it('keeps an unchanged quote where it was, with full confidence', () => {
    const target = annotate(article, CLAIM);
    expect(reanchor(target, article)).toEqual({ start: target.start, end: target.end, state: 'exact', score: 1 });
  });

  it('follows the quote when text is inserted before it (moved)', () => {
    const target = annotate(article, CLAIM);
    const inserted = ' Officials in Islamabad welcomed the report on Tuesday.';
    const edited = edit(article, 'the wider region.', `the wider region.${inserted}`);
    const r = reanchor(target, edited);
    expect(r.state).toBe('moved');
    expect(r.start).toBe(target.start + inserted.length);
    expect(slice(edited, r)).toBe(CLAIM);
    expect(r.score).toBeGreaterThan(0.99);
  });

  it('stays exact when only the text after the quote changed, with a lower score when its suffix changed', () => {
    const target = annotate(article, CLAIM);
    const farAfter = edit(article, 'A complex road ahead', 'A long road ahead');
    expect(reanchor(target, farAfter)).toEqual({ start: target.start, end: target.end, state: 'exact', score: 1 });

    const rightAfter = edit(article, `${CLAIM}, targeting`, `${CLAIM}, mostly targeting`);
    const r = reanchor(target, rightAfter);
    expect(r).toMatchObject({ start: target.start, end: target.end, state: 'exact' });
    expect(r.score).toBeLessThan(1);
    expect(r.score).toBeGreaterThan(0.9);
  });

  it('picks the right occurrence of a repeated phrase by its context, even when another one sits at the old offset', () => {
    // "the TTP" occurs several times; annotate the one in "used by the TTP, al Qaeda, and the Balochistan".
    const quote = 'the TTP';
    const occurrences = [...article.matchAll(/the TTP/g)].map((m) => m.index);
    const nth = occurrences.indexOf(article.indexOf('the TTP, al Qaeda, and the Balochistan'));
    expect(nth).toBeGreaterThan(0);
    const target = annotate(article, quote, nth);
    const previous = occurrences[nth - 1];
    // Insert a paragraph between the previous occurrence and ours, longer than the gap between them,
    // so that by position alone the previous occurrence would be the closer one.
    const gap = target.start - previous;
    const insertAt = article.indexOf('\n', previous) + 1;
    const paragraph = `${'Analysts in Kabul declined to comment on the findings. '.repeat(Math.ceil((gap + 200) / 55))}\n`;
    const edited = replaceRange(article, insertAt, insertAt, paragraph);
    expect(Math.abs(previous - target.start)).toBeLessThan(paragraph.length);

    const r = reanchor(target, edited);
    expect(r).toMatchObject({ start: target.start + paragraph.length, state: 'moved' });
    expect(edited.slice(r.start - 8, r.end + 10)).toBe('used by the TTP, al Qaeda');
  });

  it('picks the right copy of a duplicated passage by position when the contexts are identical', () => {
    // A pull quote repeats a paragraph verbatim; the analyst annotated the second copy.
    const pull = 'UN findings and intelligence assessments point to shared facilities used by the TTP, al Qaeda, and the Balochistan Liberation Army (BLA) a development that signals a growing convergence between jihadist and ethno-nationalist militants.';
    const text = edit(article, 'A complex road ahead\n', `${pull}\nA complex road ahead\n`);
    const quote = 'shared facilities used by the TTP';
    const target = annotate(text, quote, 1);
    expect(text.indexOf(quote)).toBeLessThan(target.start);
    const edited = `Editor’s note: updated with the UN’s response.\n${text}`;
    const r = reanchor(target, edited);
    expect(r.state).toBe('moved');
    expect(r.start).toBe(target.start + 'Editor’s note: updated with the UN’s response.\n'.length);
    expect(slice(edited, r)).toBe(quote);
  });

  it('moves a short quote that kept its context, but does not send it to an unrelated occurrence', () => {
    const target = annotate(article, 'Kandahar', 0); // "provinces such as Kandahar, Helmand, …"
    expect(article.indexOf('Kandahar', target.end)).toBeGreaterThan(0); // "cities such as Kandahar and Kabul"

    const reworded = edit(article, 'In November, representatives', 'Last November, representatives');
    expect(reanchor(target, reworded)).toMatchObject({ start: target.start, state: 'exact' });
    const shifted = edit(article, 'UN findings and intelligence', 'Fresh UN findings and intelligence');
    expect(reanchor(target, shifted)).toMatchObject({ start: target.start + 6, state: 'moved' });

    const deleted = deleteLineContaining(article, 'provinces such as Kandahar');
    expect(deleted).toContain('such as Kandahar and Kabul');
    expect(reanchor(target, deleted).state).toBe('orphaned');
  });
});

describe('reanchor: fuzzy', () => {
  it('re-anchors a quote with a word changed inside it', () => {
    const target = annotate(article, CLAIM);
    const edited = edit(article, CLAIM, 'carried out over 650 attacks in Pakistan in 2025 alone');
    const r = reanchor(target, edited);
    expect(r).toMatchObject({ start: target.start, end: target.end, state: 'fuzzy' });
    expect(slice(edited, r)).toBe('carried out over 650 attacks in Pakistan in 2025 alone');
    expect(r.score).toBeLessThan(1);
  });

  it('re-anchors after edits inside and around the quote at once', () => {
    const target = annotate(article, CLAIM);
    const edited = edit(
      edit(article, 'TTP continues to operate from Afghan soil and carried out over 600', 'TTP still operates from Afghan soil and has carried out more than 600'),
      'alone, targeting',
      'alone, chiefly targeting',
    );
    const r = reanchor(target, edited);
    expect(r.state).toBe('fuzzy');
    // Words inserted between the old prefix and the quote now belong to the passage.
    expect(slice(edited, r)).toBe('has carried out more than 600 attacks in Pakistan in 2025 alone');
  });

  it('treats whitespace changes as small edits', () => {
    const target = annotate(article, CLAIM);
    const spaced = edit(article, CLAIM, 'carried out over  600 attacks in\tPakistan in 2025 alone');
    const r = reanchor(target, spaced);
    expect(r).toMatchObject({ start: target.start, state: 'fuzzy' });
    expect(slice(spaced, r)).toBe('carried out over  600 attacks in\tPakistan in 2025 alone');

    // A quote spanning a heading and the next paragraph survives the two blocks being merged.
    const across = annotate(article, 'A dangerous militant ecosystem\nThe report identifies');
    const merged = edit(article, 'ecosystem\nThe report', 'ecosystem. The report');
    expect(slice(merged, reanchor(across, merged))).toBe('A dangerous militant ecosystem. The report identifies');

    // Whitespace added before the quote only moves it.
    const before = edit(article, 'According to the report,', 'According to  the report, ');
    expect(reanchor(target, before)).toMatchObject({ start: target.start + 2, state: 'moved' });
  });

  it('prefers the edited original over an exact copy of the old quote elsewhere with no shared context', () => {
    // The copy-edit changed the figure in place, while the old wording now appears verbatim
    // in an unrelated sentence far away.
    const target = annotate(article, 'With an estimated strength of 6,000 fighters');
    const edited = edit(article, 'With an estimated strength of 6,000 fighters', 'With an estimated strength of 6,500 fighters').concat(
      '\nCorrection: With an estimated strength of 6,000 fighters was misreported.',
    );
    const r = reanchor(target, edited);
    expect(r).toMatchObject({ start: target.start, state: 'fuzzy' });
    expect(slice(edited, r)).toBe('With an estimated strength of 6,500 fighters');
  });
});

describe('reanchor: orphaned', () => {
  it('orphans a quote whose paragraph was deleted, keeping the old offsets', () => {
    const target = annotate(article, 'representatives of several militant groups reportedly held a secret meeting');
    const edited = deleteLineContaining(article, 'held a secret meeting');
    expect(reanchor(target, edited)).toEqual({ start: target.start, end: target.end, state: 'orphaned', score: 0 });
  });

  it('clamps the old offsets into a shorter text', () => {
    const target = annotate(article, 'the militant triangle forming across borders');
    const edited = article.slice(0, 1000);
    const r = reanchor(target, edited);
    expect(r).toEqual({ start: 1000, end: 1000, state: 'orphaned', score: 0 });
  });
});

describe(`reanchor: the quote-similarity floor (${MIN_QUOTE_SIMILARITY})`, () => {
  const sentences = [...article.matchAll(/[^.\n]+\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

  it('re-anchors light copy-edits as fuzzy: a changed word, punctuation, a typo fix, quote marks', () => {
    const cases: Array<[quote: string, edited: string]> = [
      ['Taliban officials have rejected Pakistan’s demands for guarantees', 'Taliban officials have dismissed Pakistan’s demands for guarantees'],
      ['Kabul is described as a coordination hub', 'Kabul is described as a coordinating hub'],
      ['operate from Afghan soil and carried out over 600', 'operate from Afghan soil, and carried out over 600'],
      ['prompting repeated security concerns from Beijing', 'prompting repeated security concerns from Beijng'],
      ['the Balochistan Liberation Army (BLA) a development', 'the Balochistan Liberation Army (BLA), a development'],
      ['Pakistan’s frustration has grown amid a surge', "Pakistan's frustration has grown amid a surge"],
    ];
    for (const [quote, replacement] of cases) {
      const target = annotate(article, quote);
      const edited = edit(article, quote, replacement);
      const r = reanchor(target, edited);
      expect({ quote, state: r.state }).toEqual({ quote, state: 'fuzzy' });
      expect(slice(edited, r)).toBe(replacement);
    }
  });

  it('is not stricter than it must be: a one-word swap in a short claim falls below 0.9', () => {
    const quote = 'Taliban officials have rejected Pakistan’s demands';
    const target = annotate(article, quote);
    const edited = edit(article, quote, 'Taliban officials have dismissed Pakistan’s demands');
    expect(reanchor(target, edited).state).toBe('fuzzy');
    expect(reanchor(target, edited, { minQuoteSimilarity: 0.9 }).state).toBe('orphaned');
  });

  it('orphans a deleted claim that a floor of 0.5 would pin on a different claim', () => {
    const quote = 'a growing nexus between religious extremists and ethno-nationalist outfits';
    const target = annotate(article, quote);
    const edited = deleteLineContaining(article, quote);

    const lax = reanchor(target, edited, { minQuoteSimilarity: 0.5 });
    expect(lax.state).toBe('fuzzy');
    // …the convergence claim from the "shared facilities" paragraph: a different statement.
    expect(slice(edited, lax)).toMatch(/^a growing convergence between jihadist and ethno-nationalist/);

    expect(reanchor(target, edited)).toMatchObject({ start: target.start, end: target.end, state: 'orphaned' });
  });

  it('across the article: deleted phrases rarely attach at 0.75 but often at 0.5, while edited sentences always re-anchor', () => {
    let phrases = 0;
    const attached = { strict: 0, lax: 0 };
    for (const sentence of sentences) {
      const edited = replaceRange(article, sentence.start, sentence.end, '');
      const words = [...article.slice(sentence.start, sentence.end).matchAll(/\S+/g)];
      for (let i = 0; i + 6 <= words.length; i += 2) {
        const start = sentence.start + words[i].index;
        const last = words[i + 5];
        const target = describeRange(article, start, sentence.start + last.index + last[0].length);
        if (edited.includes(target.exact)) continue; // still present verbatim: moving is right
        phrases++;
        if (reanchor(target, edited).state !== 'orphaned') attached.strict++;
        if (reanchor(target, edited, { minQuoteSimilarity: 0.5 }).state !== 'orphaned') attached.lax++;
      }
    }
    expect(phrases).toBeGreaterThan(250);
    expect(attached.strict / phrases).toBeLessThan(0.02);
    expect(attached.lax / phrases).toBeGreaterThan(0.2);

    let edits = 0;
    for (const sentence of sentences) {
      const target = describeRange(article, sentence.start, sentence.end);
      for (const word of target.exact.matchAll(/[A-Za-z]{4,}/g)) {
        if (word[0] === 'reportedly') continue;
        const at = sentence.start + word.index;
        const edited = replaceRange(article, at, at + word[0].length, 'reportedly');
        const r = reanchor(target, edited);
        edits++;
        // Edges stay put even when the edited word is the first or last one of the quote.
        expect(r).toMatchObject({ state: 'fuzzy', start: target.start, end: target.end + 'reportedly'.length - word[0].length });
      }
    }
    expect(edits).toBeGreaterThan(500);
  });
});

describe('reanchor: hostile input', () => {
  const text = 'The quick brown fox jumps over the lazy dog.';
  const ok = (r: ReanchorResult, t: string) => {
    expect(Number.isInteger(r.start) && Number.isInteger(r.end)).toBe(true);
    expect(0 <= r.start && r.start <= r.end && r.end <= t.length).toBe(true);
    expect(r.score >= 0 && r.score <= 1).toBe(true);
  };

  it('handles empty quotes, inverted, negative, fractional and non-finite offsets', () => {
    const cases: AnchorTarget[] = [
      { exact: '', prefix: '', suffix: '', start: 0, end: 0 },
      { exact: '', prefix: 'x', suffix: 'y', start: 10, end: 5 },
      { exact: 'fox', prefix: '', suffix: '', start: 30, end: 2 },
      { exact: 'fox', prefix: '', suffix: '', start: -40, end: -3 },
      { exact: 'fox', prefix: '', suffix: '', start: 16.7, end: 19.2 },
      { exact: 'fox', prefix: '', suffix: '', start: Number.NaN, end: Number.POSITIVE_INFINITY },
      { exact: 'cat', prefix: '', suffix: '', start: 500, end: 900 },
    ];
    for (const target of cases) {
      for (const t of [text, '']) ok(reanchor(target, t), t);
    }
    expect(reanchor(cases[0], text).state).toBe('orphaned');
    expect(reanchor(cases[2], text)).toMatchObject({ start: 16, end: 19, state: 'moved' });
    expect(reanchor(cases[4], text)).toMatchObject({ start: 16, end: 19, state: 'exact' });
    expect(reanchor(cases[6], text)).toEqual({ start: text.length, end: text.length, state: 'orphaned', score: 0 });
  });

  it('survives malformed stored targets', () => {
    const junk = [null, {}, { exact: 42, start: '3', end: [] }] as unknown as AnchorTarget[];
    for (const target of junk) ok(reanchor(target, text), text);
  });

  it('handles huge texts and quotes longer than the text', () => {
    const random = prng(7);
    const words = article.split(/\s+/);
    const parts: string[] = [];
    for (let n = 0; n < 1_000_000; n += parts[parts.length - 1].length + 1) parts.push(words[Math.floor(random() * words.length)]);
    const big = parts.join(' '); // ~1 MB of shuffled article words
    const quote = big.slice(500_000, 600_000);
    const target: AnchorTarget = { exact: quote, prefix: 'z'.repeat(5000), suffix: '', start: 500_000, end: 600_000 };
    expect(reanchor(target, big)).toMatchObject({ start: 500_000, state: 'exact' });
    const edited = `${big.slice(0, 550_000)}inserted${big.slice(550_000)}`;
    // Beyond MAX_FUZZY_QUOTE_LENGTH an edited quote is orphaned rather than searched for seconds.
    expect(reanchor(target, edited)).toMatchObject({ start: 500_000, end: 600_000, state: 'orphaned' });
    ok(reanchor({ ...target, exact: text.repeat(3) }, text), text);
    const long = { exact: big.slice(545_000, 555_000), prefix: big.slice(544_968, 545_000), suffix: '', start: 545_000, end: 555_000 };
    expect(reanchor(long, edited)).toMatchObject({ start: 545_000, end: 555_008, state: 'fuzzy' });
    const periodic = 'lorem ipsum dolor sit amet '.repeat(40_000);
    ok(reanchor({ exact: 'dolor sit amet!', prefix: '', suffix: '', start: 12, end: 27 }, periodic), periodic);
  });
});

describe('reanchorAll', () => {
  it('returns what reanchor returns for each target, sharing work between identical quotes', () => {
    const quotes = [CLAIM, 'the TTP', 'Kandahar', 'Kabul', 'the TTP', CLAIM, 'A dangerous militant ecosystem'];
    const targets = quotes.map((q, i) => annotate(article, q, i % 2 === 0 || q === CLAIM ? 0 : 1));
    const edited = edit(edit(article, 'ISLAMABAD: ', 'ISLAMABAD (Reuters): '), 'over 600 attacks', 'over 650 attacks');
    const all = reanchorAll(targets, edited);
    expect(all).toEqual(targets.map((t) => reanchor(t, edited)));
    expect(all.map((r) => r.state)).toEqual(['fuzzy', 'moved', 'moved', 'moved', 'moved', 'fuzzy', 'moved']);
  });

  it('keeps annotations on two identical copies of a passage apart when both shift', () => {
    const pull = 'Kabul is described as a coordination hub, while provinces such as Kandahar, Helmand, Kunar, and Nangarhar continue to function as key safe havens.';
    const text = `${article}\n${pull}\n${pull}`;
    const quote = 'a coordination hub, while provinces';
    const targets = [annotate(text, quote, 1), annotate(text, quote, 2), annotate(text, quote, 0)];
    const edited = edit(text, 'ISLAMABAD: ', 'ISLAMABAD (Reuters): ');
    const shift = 'ISLAMABAD (Reuters): '.length - 'ISLAMABAD: '.length;
    const all = reanchorAll(targets, edited);
    expect(all.map((r) => r.start)).toEqual(targets.map((t) => t.start + shift));
    expect(all).toEqual(targets.map((t) => reanchor(t, edited)));
  });

  it('does not reuse a neighbour’s shift when that lands on a farther identical copy', () => {
    // Two back-to-back copies of a paragraph. Text inserted at the top and deleted between the
    // first annotation and the copies leaves the copies shifted by 1, while the first annotation
    // moved by exactly the distance between the copies.
    const title = article.slice(0, article.indexOf('\n'));
    const p = article.split('\n').find((line) => line.startsWith('UN findings')) ?? '';
    const filler = 'Filler sentence for the test. '.repeat(20).slice(0, p.length);
    const text = `${title}\n${filler}\n${p}\n${p}`;
    const first = annotate(text, 'Militant Nexus');
    const quote = 'a growing convergence between jihadist';
    const inFirstCopy = annotate(text, quote, 0);
    const edited = `${'N'.repeat(p.length + 1)}\n${title}\n${p}\n${p}`;
    const all = reanchorAll([first, inFirstCopy], edited);
    expect(all[0].start - first.start).toBe(p.length + 2);
    expect(edited.indexOf(quote, all[1].start + 1) - all[1].start).toBe(p.length + 1);
    expect(all[1]).toMatchObject({ start: inFirstCopy.start + 1, state: 'moved' });
    expect(all).toEqual([first, inFirstCopy].map((t) => reanchor(t, edited)));
  });
});

describe('reanchor: probe 4 rules (issue #12)', () => {
  it('does not take the last word of its own prefix when the punctuation after it changed (a sentence split in two)', () => {
    const before = 'The mayor said the city had lost money in federal grants, and she promised that the routes would be restored next year.';
    const after = 'The mayor said the city had lost money in federal grants. She promised that the routes would be restored next year.';
    const r = reanchor(annotate(before, 'and she promised that the routes would be restored'), after);
    expect(r.state).toBe('fuzzy');
    expect(slice(after, r)).toBe('She promised that the routes would be restored');
  });

  it('with the previous text: a corrected figure right after a rewritten clause is fuzzy on the new figure, never the figure before it', () => {
    const before = 'A landslide buried at least 30 homes in the village early on Saturday, killing at least 12 people, police said.';
    const after = 'Rescuers dug on Saturday after a landslide buried at least 30 homes in the village, killing at least 19 people, police said.';
    const target = annotate(before, '12');
    const r = reanchorAll([target], after, { previousText: before })[0]!;
    expect({ state: r.state, at: slice(after, r) }).toEqual({ state: 'fuzzy', at: '19' });
    // A figure whose nearest neighbour changed too is not vouched for: orphaned, not "30".
    const rewritten = after.replace('killing at least 19', 'killing 19');
    const s = reanchorAll([target], rewritten, { previousText: before })[0]!;
    expect(s.state === 'orphaned' || slice(rewritten, s) === '19').toBe(true);
  });

  it('with the previous text: a toll revised with its "at least" dropped is fuzzy on the new toll; a toll deleted never takes another figure', () => {
    const before = 'Landslide in northern village, at least 19 dead and 30 hurt\nCHITRAL — Rescue workers dug through the mud on Saturday.';
    const revised = 'Landslide in northern village, 23 dead and 30 hurt\nCHITRAL — Rescue workers dug through the mud on Saturday.';
    const target = annotate(before, '19');
    const r = reanchorAll([target], revised, { previousText: before })[0]!;
    expect({ state: r.state, at: slice(revised, r) }).toEqual({ state: 'fuzzy', at: '23' });
    const deleted = 'Landslide in northern village, dead and 30 hurt\nCHITRAL — Rescue workers dug through the mud on Saturday.';
    const d = reanchorAll([target], deleted, { previousText: before })[0]!;
    expect(d.state === 'orphaned' || !/\d/.test(slice(deleted, d))).toBe(true);
  });

  it('with the previous text: a list item re-ordered keeps its words; a two-word line does not move on that evidence alone', () => {
    // Untouched paragraphs around the list: a re-ordered list, not a rewritten article.
    const around = 'The city council on Thursday approved the budget for the coming year after a debate that lasted most of the day. '.repeat(3);
    const before = `${around}\nItems:\nWater and sewerage: Rs 14 billion\nRoads and bridges: Rs 9 billion\nPublic transport: Rs 6 billion\nHealth clinics: Rs 4 billion\nKey figures\nEnd.\n${around}`;
    const after = `${around}\nItems:\nPublic transport: Rs 6 billion\nHealth clinics: Rs 4 billion\nWater and sewerage: Rs 14 billion\nRoads and bridges: Rs 9 billion\nEnd.\nKey figures\n${around}`;
    const [road, key] = reanchorAll([annotate(before, 'Roads and bridges: Rs 9 billion'), annotate(before, 'Key figures')], after, { previousText: before });
    expect({ state: road!.state, at: slice(after, road!) }).toEqual({ state: 'moved', at: 'Roads and bridges: Rs 9 billion' });
    expect(key!.state === 'orphaned' || slice(after, key!) === 'Key figures').toBe(true);
  });
});
