import { describe, expect, it } from 'vitest';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { MATCH_THRESHOLD, scoreClaimMatch } from '@/lib/matching/score-claim-match';

const roles = (text: string) => extractClaimFeatures(text).roles;
const score = (a: string, b: string) => scoreClaimMatch(extractClaimFeatures(a), extractClaimFeatures(b));

describe('entity roles', () => {
  it('reads the doer from "by X" after an action and from "X <past verb>"', () => {
    expect(roles('$112m was stolen by the Lazarus Group.')).toEqual({ 'lazarus-group': 'agent' });
    expect(roles('The Lazarus Group stole $112m from a payments firm.')['lazarus-group']).toBe('agent');
    expect(roles('The TTP killed 12 soldiers in Bannu.').ttp).toBe('agent');
    expect(roles('Soldiers were attacked by the TTP.').ttp).toBe('agent');
    expect(roles('American officials have confiscated $112m.').us).toBe('agent');
    // "from" before the verb names where the attackers come from, not whom it was done to.
    expect(roles('Fighters from the TTP attacked a checkpoint.').ttp).toBe('agent');
  });

  it('reads the one it was done to from "from/against/on X" after an action, a passive subject and an object', () => {
    expect(roles('$112m was seized from the Lazarus Group.')).toEqual({ 'lazarus-group': 'patient' });
    expect(roles('The army attacked the TTP in Bannu.').ttp).toBe('patient');
    expect(roles('12 TTP fighters were killed in Bannu.').ttp).toBe('patient');
    expect(roles('Airstrikes killed 12 soldiers in attacks against the TTP.').ttp).toBe('patient');
  });

  it('leaves the role unknown where the words do not say it plainly', () => {
    expect(roles('TTP attacks increased by some 70% in 2024.')).toEqual({});
    expect(roles('The Hafiz Gul Bahadur group did not claim the Dera Ismail Khan attack.')).toEqual({});
    expect(roles('Attacks declined under pressure from Taliban security forces.')).toEqual({});
    expect(roles('Residents of Bannu said militants attacked a police post.').bannu).toBeUndefined();
    expect(roles('The US seized $112m in funds tied to the Lazarus hacking group.')['lazarus-group']).toBeUndefined();
  });
});

describe('scoreClaimMatch with roles', () => {
  it('does not match a shared actor in the opposite role', () => {
    const stolen = score('$112m was stolen by the Lazarus Group.', '$112m was seized from the Lazarus Group.');
    expect(stolen.score).toBeLessThan(MATCH_THRESHOLD);
    expect(stolen.signals.roleConflict).toBe(true);
    expect(stolen.reason).toContain('opposite roles (Lazarus Group');
    expect(score('The TTP attacked the army in Bannu on Sunday.', 'The army attacked the TTP in Bannu on Sunday.').score).toBeLessThan(MATCH_THRESHOLD);
    expect(score('The TTP killed 12 soldiers in Bannu.', '12 TTP fighters were killed in Bannu.').score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('does not match the doer in one claim with another doer acting on it in the other', () => {
    const r = score(
      'In one case, the Lazarus Group stole $112 million from an Estonian payments firm in 2022.',
      'American officials have confiscated 112 million dollars in funds tied to the Lazarus hacking group, the report said.',
    );
    expect(r.score).toBeLessThan(MATCH_THRESHOLD);
    expect(r.reason).toContain('different doers Lazarus Group vs');
  });

  it('still matches active and passive wordings of one deed, and claims whose roles are unknown', () => {
    const same = score('The Lazarus Group stole $112m.', '$112m was stolen by the Lazarus Group.');
    expect(same.signals.roleConflict).toBe(false);
    expect(same.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(score('The TTP killed 12 soldiers in Bannu.', '12 soldiers were killed by the TTP in Bannu.').score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(
      score('US authorities had seized $112 million in assets linked to the Lazarus Group.', 'American officials have confiscated 112 million dollars in funds tied to the Lazarus hacking group.').score,
    ).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(score('The TTP killed 12 soldiers in Bannu.', 'Twelve soldiers died in a TTP attack in Bannu.').signals.roleConflict).toBe(false);
  });
});
