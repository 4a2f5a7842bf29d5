// How a source's text is cut into passages (invented report text written for this test).
import { describe, expect, it } from 'vitest';
import { sourceSentences } from '@/lib/provenance/source-sentences';

const texts = (t: string) => sourceSentences(t).map((s) => s.text);

describe('sourceSentences', () => {
  it('ends a sentence at a footnote marker glued to its full stop, keeping the marker with it', () => {
    const t = '6. The Panel estimates that the group commands 1,940 combatants.2 An additional 300 auxiliaries provide logistics.';
    expect(texts(t)).toEqual(['The Panel estimates that the group commands 1,940 combatants.2', 'An additional 300 auxiliaries provide logistics.']);
    // A year before the marker ("in 2018.5") ends it too; a decimal goes on.
    expect(texts('Rifles were exported to the army in 2018.5 Neither company replied.')).toEqual(['Rifles were exported to the army in 2018.5', 'Neither company replied.']);
    expect(texts('Exports reached 2.9 tonnes in 2024.')).toEqual(['Exports reached 2.9 tonnes in 2024.']);
  });

  it('ends a sentence at a marker the importer set apart ("[2]"), after any full stop, keeping it with the sentence', () => {
    const t = '6. The Panel estimates that the group commands 1,940 combatants.[2] An additional 300 auxiliaries provide logistics, according to the Front[3] and its allies.';
    expect(texts(t)).toEqual(['The Panel estimates that the group commands 1,940 combatants.[2]', 'An additional 300 auxiliaries provide logistics, according to the Front[3] and its allies.']);
    expect(sourceSentences('The group recruited in 2022.[14]')[0]!.heading).toBe(false);
  });

  it('makes each inline sub-item its own passage, without its label, remembering its lead-in', () => {
    const t = '35. The Panel notes that: (a) the drones were commercially available; (b) the parts were bought abroad; and (c) the changes required expertise.';
    const out = sourceSentences(t);
    expect(out.map((s) => s.text)).toEqual(['The Panel notes that:', 'the drones were commercially available;', 'the parts were bought abroad;', 'the changes required expertise.']);
    expect(out[2]!.leadIn).toBe('The Panel notes that:');
    expect(out[0]!.leadIn).toBeUndefined();
    for (const s of out) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('leaves list labels and bullets out of the passage; items on their own lines inherit the lead-in', () => {
    const t = ['Key findings', '• Incidents rose by 62 per cent between 2018 and 2023.', '47. The Panel recommends that the Council:', '(a) Request a report within 90 days;', '(b) Consider the designation of two traders;', 'Notes follow below.'].join('\n');
    const out = sourceSentences(t);
    expect(out.map((s) => s.text)).toEqual([
      'Key findings',
      'Incidents rose by 62 per cent between 2018 and 2023.',
      'The Panel recommends that the Council:',
      'Request a report within 90 days;',
      'Consider the designation of two traders;',
      'Notes follow below.',
    ]);
    expect(out[4]!.leadIn).toBe('The Panel recommends that the Council:');
    expect(out[5]!.leadIn).toBeUndefined();
    expect(out[1]!.leadIn).toBeUndefined();
  });

  it('flags titles, headings and table rows, and drops bare section numbers', () => {
    const t = ['II. Armed groups', '3.1 The rise of violence', 'Lasso     17 Nov 2024     4,200     ALT', 'Varda | 18,400 | 61,000', 'The group grew.'].join('\n');
    const out = sourceSentences(t);
    expect(out.map((s) => [s.text, s.heading])).toEqual([
      ['Armed groups', true],
      ['The rise of violence', true],
      ['Lasso     17 Nov 2024     4,200     ALT', true],
      // A PDF's or web page's table row as the importers write it: one passage, the whole row.
      ['Varda | 18,400 | 61,000', true],
      ['The group grew.', false],
    ]);
  });

  it('a numbered section line after a heading starts a unit of its own', () => {
    expect(texts('Findings\n3.1 The rise of violence\nViolence has increased since 2018.')).toEqual(['Findings', 'The rise of violence', 'Violence has increased since 2018.']);
  });
});
