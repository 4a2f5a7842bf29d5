// The text passage features are read from: a source's own acronyms, footnote markers (invented text).
import { describe, expect, it } from 'vitest';
import { clockTimes, documentAliases, featureText, phrasalMovements, sameMeasures } from '@/lib/provenance/passage-text';
import { proposePassages } from '@/lib/provenance/propose-passages';

describe('documentAliases / featureText', () => {
  it('reads a long form the source defines as its acronym, on any side', () => {
    const aliases = documentAliases('The Alliance for the Liberation of Talvora (ALT) expanded. Units of the Talvoran Armed Forces (FAT) withdrew. The ALT attacked.');
    expect(aliases.acronyms.map((a) => a.short)).toEqual(['ALT', 'FAT']);
    expect(featureText('The alliance for the liberation of Talvora now fields nearly 2,000 fighters', aliases)).toBe('The ALT now fields nearly 2,000 fighters');
    // A word run whose initials do not spell the acronym defines nothing.
    expect(documentAliases('Talks in Geneva Last Week (ALT) ended.').acronyms).toEqual([]);
  });

  it('drops a footnote marker glued to a full stop, not a decimal', () => {
    expect(featureText('exported to Durenia in 2018.5')).toBe('exported to Durenia in 2018.');
    expect(featureText('in the prefectures of Mbanti.2')).toBe('in the prefectures of Mbanti.');
    expect(featureText('exports of 2.9 tonnes and 0.8 tonnes')).toBe('exports of 2.9 tonnes and 0.8 tonnes');
  });

  it('drops a marker the importer set apart ("[12]"), wherever it stands', () => {
    expect(featureText('turnout was 58 per cent,[2] down from 71 per cent in 2020.[3]')).toBe('turnout was 58 per cent, down from 71 per cent in 2020.');
    expect(featureText('[14] Figures verified by two sources')).toBe(' Figures verified by two sources');
  });
});

describe('clock times', () => {
  it('reads 12- and 24-hour times as one word, the same for the same time', () => {
    expect(featureText('by 2pm')).toBe(featureText('by 14:00'));
    expect(featureText('at 2.30 p.m.')).toBe(featureText('at 14:30'));
    expect(featureText('at 11 am')).toBe(featureText('at 11:00'));
    expect(featureText('at 13:20')).not.toBe(featureText('at 13:25'));
    // A decimal, a word that merely starts with "am", a ratio that is no time stay as they are.
    expect(featureText('rose 2.30 per cent')).toBe('rose 2.30 per cent');
    expect(featureText('5 amps')).toBe('5 amps');
    expect(featureText('won 3:75')).toBe('won 3:75');
  });

  it('finds each time once, in order', () => {
    expect(clockTimes('from 13:25 to 2.10 pm').map((t) => t.text)).toEqual(['13:25', '2.10 pm']);
  });

  it('says one measure one way: basis points and fractions of a point as percentage points, fractions of a century and a decade as years', () => {
    expect(sameMeasures('raised the rate by 25 basis points')).toBe('raised the rate by 0.25 percentage points');
    expect(sameMeasures('by a quarter of a percentage point')).toBe('by 0.25 percentage points');
    expect(sameMeasures('cut by half a percentage point')).toBe('cut by 0.5 percentage points');
    expect(sameMeasures('for a quarter of a century')).toBe('for 25 years');
    expect(sameMeasures('the worst in a decade')).toBe('the worst in 10 years');
    // a quarter of the votes is a share, not a measure of time or rates
    expect(sameMeasures('a quarter of the votes')).toBe('a quarter of the votes');
    const source = 'The deposit rate was raised to 3.25%.\nThe Committee decided to increase the policy rate by 25 basis points to 3.75%.';
    expect(proposePassages('raised its main rate by a quarter of a percentage point to 3.75 per cent', source)[0]!.exact).toMatch(/25 basis points/);
  });
});

describe('phrasal verbs of rising and falling', () => {
  it('reads "shot up", "went up" and "went down" as one-word verbs, and leaves "shot" alone', () => {
    expect(phrasalMovements('Prices shot up, then went down; wages went up.')).toBe('Prices rose, then fell; wages rose.');
    expect(phrasalMovements('Two men were shot outside the station.')).toBe('Two men were shot outside the station.');
    expect(featureText('Demand for storage shot up')).toBe('Demand for storage rose');
  });

  it('reads "two halves" as parts, not as a fall to 50 %, and keeps the verb "halves"', () => {
    expect(featureText('This has been a year of two halves for the group.')).toBe('This has been a year of two parts for the group.');
    expect(featureText('The plan halves the waiting list.')).toBe('The plan halves the waiting list.');
    const [p] = proposePassages('The company\'s shares fell 4% in early trading', 'Anders Lind, Chief Executive, said: "This has been a year of two halves for the company."');
    expect(p?.reason ?? '').not.toMatch(/50%|fell/);
  });
});
