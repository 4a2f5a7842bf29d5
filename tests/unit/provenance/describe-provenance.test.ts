import { describe, expect, it } from 'vitest';
import { decidingLink, describeProvenance, describeReference, paragraphNumber } from '@/lib/provenance/describe-provenance';
import type { EvidenceRelation } from '@/lib/provenance/relations';

const link = (relation: EvidenceRelation, over: Partial<{ symbol: string | null; title: string; exact: string; prefix: string; page: string | null }> = {}) => ({
  relation,
  document: { title: over.title ?? 'Thirty-sixth report', symbol: over.symbol === undefined ? 'S/2025/482' : over.symbol },
  target: relation === 'not_found' ? null : { exact: over.exact ?? 'estimated 6,000 to 6,500 fighters', prefix: over.prefix ?? '\n42. The Team notes the TTP has ' },
  page: over.page ?? null,
});

describe('paragraphNumber', () => {
  it('reads the number opening the paragraph the passage starts in', () => {
    expect(paragraphNumber({ prefix: 'end of 41.\n42. The Team notes ', exact: 'about 6,000 fighters' })).toBe(42);
    expect(paragraphNumber({ prefix: 'end of 41.\n', exact: '7. Member States report' })).toBe(7);
  });
  it('is null for unnumbered text, and a figure inside the sentence is not a paragraph number', () => {
    expect(paragraphNumber({ prefix: 'The Team notes ', exact: 'about 6,000 fighters' })).toBeNull();
    expect(paragraphNumber({ prefix: '\nIn 2024 there were ', exact: '600. attacks' })).toBeNull();
  });
  it('does not take a sentence end inside a paragraph for its number (the prefix is cut mid-paragraph)', () => {
    const prefix = '25. Several Member States said ';
    expect(paragraphNumber({ prefix: `…attacks in 20${prefix}`.slice(-32), exact: 'the group' })).toBeNull();
    // The same words at the very start of the text are a paragraph's opening.
    expect(paragraphNumber({ prefix, exact: 'the group' })).toBe(25);
  });
});

describe('describeProvenance', () => {
  it('names the deciding link by symbol, paragraph and page', () => {
    expect(describeProvenance('verified', [link('supports', { page: 'p. 3' })])).toBe('Supported by S/2025/482 ¶42, p. 3');
  });
  it('the worst finding names its own link, not the first one', () => {
    const links = [link('supports'), link('contradicts', { symbol: null, title: 'Ministry statement', prefix: '' })];
    expect(decidingLink('contradicted', links)).toBe(links[1]);
    expect(describeProvenance('contradicted', links)).toBe('Contradicted by Ministry statement');
  });
  it('says the state alone while the links are not loaded, and Unlinked without links', () => {
    expect(describeProvenance('verified', undefined)).toBe('Verified');
    expect(describeProvenance('unlinked', [])).toBe('Unlinked');
    expect(describeProvenance('not_found', [link('not_found')])).toBe('Not found in S/2025/482');
  });
  it('the server’s paragraph (read from the whole text) wins over the prefix, also when it says there is none', () => {
    expect(describeReference({ ...link('supports', { prefix: 'the Team notes that ' }), paragraph: 42 })).toBe('S/2025/482 ¶42');
    expect(describeReference({ ...link('supports'), paragraph: null })).toBe('S/2025/482');
    expect(describeReference(link('supports'))).toBe('S/2025/482 ¶42');
  });
  it('a reference without symbol or numbers is the title', () => {
    expect(describeReference(link('partial', { symbol: null, prefix: 'x ' }))).toBe('Thirty-sixth report');
  });
});
