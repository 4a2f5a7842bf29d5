import { describe, expect, it } from 'vitest';
import { compileEntityTable } from '@/lib/matching/entity-variants';
import { extractClaimFeatures } from '@/lib/matching/extract-claim-features';
import { findKnownEntities, nameSkeleton } from '@/lib/matching/find-entities';
import { foldText } from '@/lib/matching/fold-text';

const ids = (text: string) => extractClaimFeatures(text).entityIds;

describe('entities', () => {
  it('folds the variants of a group into one id', () => {
    for (const v of ['TTP', 'Tehreek-e-Taliban Pakistan', 'Tehrik-i-Taliban Pakistan', 'Tehrik e Taliban Pakistan', 'the Pakistani Taliban', 'TTP’s']) {
      expect(ids(`${v} fighters`), v).toEqual(['ttp']);
    }
    for (const v of ['IS-K', 'ISKP', 'ISIS-K', 'Islamic State Khorasan', 'Islamic State–Khorasan', 'Islamic State Khorasan Province', 'Islamic State-Khorasan']) {
      expect(ids(`${v} fighters`), v).toEqual(['iskp']);
    }
    expect(ids('al-Qaida and al Qaeda and Al-Qaeda')).toEqual(['al-qaeda']);
  });

  it('prefers the longest variant and does not read a group as its country', () => {
    expect(ids('Tehreek-e-Taliban Pakistan')).toEqual(['ttp']);
    expect(ids('the Afghan Taliban')).toEqual(['taliban']);
    expect(ids('the Balochistan Liberation Army struck in Balochistan')).toEqual(['bla', 'balochistan']);
  });

  it('matches acronyms only in capitals', () => {
    expect(ids('TIP and IS fighters')).toEqual(['etim', 'islamic-state']);
    expect(ids('what is the tip of it')).toEqual([]);
  });

  it('keys unknown names by a skeleton that survives transliteration', () => {
    expect(nameSkeleton('Mehsud')).toBe(nameSkeleton('Mahsud'));
    const a = ids('The commander Qari Zainullah Mehsud was killed');
    const b = ids('The commander Qari Zainulla Mahsud was killed');
    expect(a.length).toBe(1);
    expect(a).toEqual(b);
  });

  it('reads a desk-provided table (data, not code)', () => {
    const table = compileEntityTable([{ id: 'acme', label: 'ACME', kind: 'group', variants: ['ACME', 'Acme Liberation Front'] }]);
    expect(findKnownEntities(foldText('The Acme Liberation Front and ACME'), table).map((e) => e.id)).toEqual(['acme', 'acme']);
  });
});
