// Claims without figures and bodies known by name only, as the third holdout found them
// (tests/fixtures/matching-holdout-3): an event told in opposite states, set phrases, a body and
// its initials, a demonym, a surname alone, a sentence's capitalised first word, shares of different
// things. Each case is the phenomenon, with names of its own, not a sentence of the gold set.
import { describe, expect, it } from 'vitest';
import { alignEntities } from '@/lib/matching/align-entities';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';
import { selectQueryKeys } from '@/lib/matching/select-query-keys';

const features = extractClaimFeatures;
const ids = (text: string) => features(text).entityIds;
const match = (a: string, b: string) => scoreClaimMatch(features(a), features(b));

describe('an event in opposite states', () => {
  it('does not match a ceasefire agreed with the same ceasefire collapsing', () => {
    const r = match('The army and the Varn Popular Front agreed a truce in Oresk on Sunday.', 'The truce between the army and the Varn Popular Front collapsed on Tuesday.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('opposite states (agreed vs collapsed)');
    expect(r.signals.stateConflict).toBe(true);
  });

  it('tells arrested from released, cut from restored, appointed from sacked, approved from vetoed', () => {
    expect(match('Police arrested the blogger Ilse Marow in Oresk on Monday.', 'The blogger Ilse Marow was released by police in Oresk.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('Authorities cut mobile internet in Lenova district.', 'Mobile internet was restored in Lenova district.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('President Aldo Brenn appointed Tomas Keel as interior minister.', 'Tomas Keel was sacked as interior minister by President Brenn.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The senate approved the water bill.', 'The senate vetoed the water bill.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('still matches one state in other words, and leaves a claim naming both states unknown', () => {
    expect(match('Police arrested the blogger Ilse Marow in Oresk on Monday.', 'The blogger Ilse Marow was detained by police in Oresk on Monday.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(features('A truce agreed in 2021 collapsed within days.').states).toEqual({});
    expect(features('The truce collapsed on Tuesday.').states).toEqual({ agreement: { state: 1, word: 'collapsed' } });
  });
});

describe('set phrases', () => {
  it('reads "halt hostilities" as a ceasefire and "carried out" as the deed done', () => {
    expect(features('Both sides agreed to halt hostilities.').terms).toContain('ceasefire');
    expect(features('The front claimed responsibility for the bombing.').terms).toContain('perpetrate');
    expect(features('The front said it had carried out the bombing.').terms).toContain('perpetrate');
  });

  it('reads "fell to the rebels" as a capture, but "fell to 20%" as a fall', () => {
    const town = features('Oresk fell to the rebels in May.');
    expect(town.terms).toContain('seize');
    expect(town.direction).toBeNull();
    expect(features('Turnout fell to 20% in May.').direction).toBe('down');
    expect(features('Exports fell to their lowest level in May.').direction).toBe('down');
  });
});

describe('bodies and people by name only', () => {
  it('knows a body of three words or more by its initials, and a person not', () => {
    expect(ids('the Varn Popular Front said')).toEqual(ids('the VPF said'));
    expect(ids('The Global Water Agency (GWA) warned of shortages')).toEqual(ids('The GWA warned of shortages'));
    expect(ids('Chief Election Commissioner Sikandar Sultan Raja')).toEqual(ids('CEC Sikandar Raja').slice(-1));
  });

  it('reads a demonym as its country and a surname alone as the full name', () => {
    expect(ids('Lenovan mediators brokered the deal.')).toEqual(ids('The deal was brokered by Lenova.'));
    expect(ids('Dravish troops crossed the border.')).toEqual(ids('The troops of Dravi crossed the border.'));
    const r = match('President Aldo Brenn appointed Tomas Keel as interior minister.', 'Tomas Keel was named interior minister by Brenn.');
    expect(r.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(r.reason).toMatch(/same actors .*Aldo Brenn/);
  });

  it('counts a sentence\'s capitalised first word as a name only when the other claim names it too', () => {
    const velk = features('Oresk had fallen to the rebels in May.');
    expect(velk.entities.find((e) => e.text === 'Oresk')?.tentative).toBe(true);
    const other = features('The rebels captured the town of Oresk in May.');
    expect(alignEntities(velk, other).left.entityIds).toEqual(other.entityIds);
    const lawmakers = features('Lawmakers approved the water bill.');
    expect(alignEntities(lawmakers, features('The senate approved the water bill.')).left.entityIds).toEqual([]);
    // A number word opening a sentence stays a figure.
    expect(features('Forty rebel detainees were freed.').quantities[0]).toMatchObject({ lo: 40, unit: 'prisoners' });
  });
});

describe('figures of different things', () => {
  it('does not match the same share of different things, and still matches a share restated', () => {
    const r = match('Twenty per cent of clinics in Lenova remain closed.', 'A fifth of the wells in Lenova have been destroyed.');
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('shares of different things');
    expect(match('About 40 percent of the funding for its weapons programmes comes from theft.', 'Theft pays for two-fifths of its weapons programmes.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('keeps families, houses, prisoners and soldiers apart; rebels are fighters', () => {
    expect(match('Some 2,300 families fled Oresk.', 'Some 2,300 houses were damaged in Oresk.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(match('The government will free 60 rebel prisoners.', 'The rebels will free 60 captured soldiers.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(features('The army killed 30 rebels.').quantities[0].unit).toBe('fighters');
    expect(features('a 4.5bn-dollar reconstruction plan').quantities[0]).toMatchObject({ kind: 'money', lo: 4.5e9, unit: 'usd' });
  });
});

describe('candidate keys of a claim already in the library', () => {
  it('looks up the keys only the claim has without spending a slot on them', () => {
    const own = ['e:name:a', 'e:name:b', 't:x', 't:y'];
    const shared = ['n:money:153', 'p:9'];
    const df = new Map([...own.map((k) => [k, 1] as const), ...shared.map((k) => [k, 3] as const)]);
    const freq = { total: 50, df };
    expect(selectQueryKeys([...own, ...shared], freq, { maxLookup: 3 }).lookup).toEqual(['e:name:a', 'e:name:b', 't:x']);
    expect(selectQueryKeys([...own, ...shared], freq, { maxLookup: 3, selfIncluded: true }).lookup).toEqual([...own, ...shared]);
  });
});
