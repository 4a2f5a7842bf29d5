// What the tenth and eleventh holdouts (tests/fixtures/matching-holdout-10, -11: a checkpoint bombing,
// a convoy ambush, UN sanctions on a broker) found unread: one name spelt by several transliterations
// (particles written apart, hyphenated or assimilated, q/k, kh/ch, tz/ts), and similar names that are
// different groups, places or people; a police post as a checkpoint, motorbikes, drones as unmanned
// aerial vehicles; a toll against "killed 13 policemen"; "the town" for the place named on the other side.
// Each case is the phenomenon with names of its own, not a sentence of the gold sets.
//
// Figures (`npm run eval:matching -- tests/fixtures/<set>/articles tests/fixtures/<set>/gold.json`):
//   holdout 10: blind R@1 0.571, R@5 0.607, MAP@5 0.545, false 0/22 → after R@1 0.893, R@5 1.000, MAP@5 0.932, false 0/22
//   holdout 11: blind R@1 0.600, R@5 0.600, MAP@5 0.600, false 0/20 → after R@1 0.933, R@5 0.933, MAP@5 0.933, false 0/20
//   holdout 12: blind R@1 0.850, R@5 0.750, MAP@5 0.750, false 0/16 → after R@1 1.000, R@5 1.000, MAP@5 1.000, false 0/16
//     (Iurii / Yuri and Wadim / Vadim read as other people by the similar-name guard; "designated" not a sanction)
//   the original set and holdouts 1–11 unchanged by holdout 12's fixes.
import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';
import { fromStoredFeatures, toStoredFeatures } from '@/lib/matching/stored-features';

const features = extractClaimFeatures;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));
const nameIds = (text: string) => features(text).entityIds.filter((id) => id.startsWith('name:'));

describe('one name, several transliterations', () => {
  it('folds particles written apart, hyphenated or between hyphens', () => {
    const ids = ['Sipah al-Nasr said so.', 'Sipah ul Nasr said so.', 'Sipah el-Nasr said so.', 'Sipah-ul-Nasr said so.', 'Sipah ul-Nasr said so.'].map(nameIds);
    for (const id of ids) expect(id).toEqual(ids[0]);
    expect(ids[0]).toHaveLength(1);
  });

  it('reads an article assimilated to a sun letter only when hyphenated before that letter', () => {
    const [al, ash] = ['Shelling hit Tal al-Shams.', 'Shelling hit Tal ash-Shams.'].map(nameIds);
    expect(ash).toEqual(al);
    // "as" is an English word: not a particle joining two names.
    const f = features('The council named Nadia Rahmani as Interior Minister.');
    expect(f.entities.map((e) => e.text)).toContain('Nadia Rahmani');
  });

  it('folds q/k, doubled letters, ch before a consonant, tz/ts and an opening ye', () => {
    const pairs = [
      ['Troops entered Qasr Bakhit.', 'Troops entered Kassr Bakheet.'],
      ['The UN listed Radiotechnika.', 'The UN listed Radiotekhnika.'],
      ['The UN listed Pavel Belyavtsev.', 'The UN listed Pavel Belyavtzev.'],
      ['The UN listed Yevgeny Morozkin.', 'The UN listed Evgeny Morozkin.'],
      ['The UN listed Neftegaz-Sever.', 'The UN listed Neftegaz Sever.'],
    ];
    for (const [a, b] of pairs) expect(nameIds(b), `${a} / ${b}`).toEqual(nameIds(a));
  });

  it('matches a claim told through another transliteration', () => {
    expect(match('Kataib ul-Haqq claimed the raid on the fuel depot.', 'The raid on the fuel depot was claimed by Kataeb al Haq.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Pavel Belyavtsev was added to the sanctions list on Friday.', 'Pavel Belyavtzev was blacklisted on Friday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});

describe('similar names stay apart', () => {
  it('keeps names differing by a consonant or a syllable on different keys', () => {
    expect(nameIds('Liwa al-Ansar said so.')).not.toEqual(nameIds('Liwa al-Anbar said so.'));
    expect(nameIds('Shelling hit Deh-e-Gul.')).not.toEqual(nameIds('Shelling hit Deh-e-Gulab.'));
    expect(nameIds('Shelling hit Kafr Sita.')).not.toEqual(nameIds('Shelling hit Kafr Zita.'));
  });

  it('reads two names of one shape differing in one part as two actors, however alike the sentences', () => {
    for (const [a, b] of [
      ['Liwa al-Ansar claimed the raid on the fuel depot.', 'Liwa al-Anbar claimed the raid on the fuel depot.'],
      ['A curfew was imposed in Tal ash-Shams on Friday.', 'A curfew was imposed in Tal as-Sawda on Friday.'],
      ['Pavel Belyavtsev was added to the sanctions list.', 'Ilya Belyavtzev was added to the sanctions list.'],
      ['Jamaat-ul-Nasr claimed the ambush.', 'Sipah-ul-Nasr claimed the ambush.'],
    ]) {
      const r = match(a, b);
      expect(r.signals.similarNameConflict, `${a} / ${b}`).toBe(true);
      expect(r.score, `${a} / ${b}`).toBeLessThan(MATCH_THRESHOLD);
    }
  });

  it('survives storage (the conflict is read from the stored names)', () => {
    const [a, b] = ['Liwa al-Ansar claimed the raid on the fuel depot.', 'Liwa al-Anbar claimed the raid on the fuel depot.'].map((t) => fromStoredFeatures(JSON.parse(JSON.stringify(toStoredFeatures(features(t))))));
    expect(scoreClaimMatch(a, b).score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('vocabulary of the beat', () => {
  it('reads motorbikes, police posts, drones, IEDs, firms and escapes as one thing each', () => {
    for (const [a, b] of [
      ['The gunmen fled on motorbikes after the raid on Marun.', 'The attackers escaped on motorcycles after the raid on Marun.'],
      ['Militants overran a police post outside Marun.', 'Militants overran a checkpoint outside Marun.'],
      ['The broker sold drones to the militia in Marun.', 'The broker sold unmanned aerial vehicles to the militia in Marun.'],
      ['A roadside bomb struck the patrol near Marun.', 'An improvised explosive device struck the patrol near Marun.'],
      ['The Treasury blacklisted the firm that shipped the parts.', 'The Treasury sanctioned the company that shipped the parts.'],
    ]) {
      expect(match(a, b).score, `${a} / ${b}`).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    }
  });
});

describe('tolls and places', () => {
  it('compares a toll with a count of soldiers killed, and keeps soldiers and militants apart', () => {
    expect(match('The death toll from the raid on the Marun barracks rose to 17.', 'The raid on the Marun barracks killed 17 soldiers.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('The raid on the Marun barracks killed 17 soldiers.', 'The raid on the Marun barracks killed 17 militants.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('ends a figure\'s noun at a second figure in words', () => {
    const [toll] = features('The toll rose to 17 on Friday after three wounded guards died.').quantities;
    expect(toll.unit).not.toBe('wounded');
  });

  it('reads "the town" as the one place the other claim names, and keeps opposite states apart', () => {
    expect(match('Authorities imposed a curfew in Dasht-e-Mor.', 'A curfew was imposed on the town after the raid.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('Authorities imposed a curfew in Dasht-e-Mor.', 'The curfew on the town was lifted after the raid.').score).toBeLessThan(MATCH_THRESHOLD);
  });
});

describe('first names in German and Polish spellings of Slavic names (holdout 12)', () => {
  it('folds an opening i before a vowel and a consonant, and a consonantal w, into y and v', () => {
    const pairs = [
      ['The UN listed Iurii Dashkov.', 'The UN listed Yuri Dashkov.'],
      ['The envoy Wadim Sorokel spoke.', 'The envoy Vadim Sorokel spoke.'],
      ['The UN listed Iakov Brenko.', 'The UN listed Yakov Brenko.'],
      ['Police held Pawel Kowalczin.', 'Police held Pavel Kovalczin.'],
    ];
    for (const [a, b] of pairs) expect(nameIds(a), a).toEqual(nameIds(b));
    // A w that is a vowel's glide (Dawson, Shaw) is not a v.
    expect(nameIds('The UN listed Tom Dawson.')).not.toEqual(nameIds('The UN listed Tom Davson.'));
  });

  it('keeps another person of the same first or last name apart', () => {
    expect(match('The UN designated Iurii Dashkov on Monday.', 'The UN sanctioned Yuri Dashkov on Monday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match('The UN designated Iurii Dashkov on Monday.', 'The UN sanctioned Yuri Morenko on Monday.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The UN designated Iurii Dashkov on Monday.', 'The UN sanctioned Andrei Dashkov on Monday.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The envoy Wadim Sorokel urged a ceasefire.', 'The envoy Vadim Sorokel called for a ceasefire.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });
});
