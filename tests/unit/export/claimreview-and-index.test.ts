import { describe, expect, it } from 'vitest';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS } from '@/lib/export/brief-input';
import { EXPORT_FORMATS, isExportFormat, renderExport } from '@/lib/export';
import { toClaimReview } from '@/lib/export/to-claimreview';
import { BASE_URL, buildFixture } from './fixture';

describe('toClaimReview', () => {
  const doc = toClaimReview(buildBrief(buildFixture(), DEFAULT_BRIEF_OPTIONS), BASE_URL);

  it('reviews only confirmed and disputed claims', () => {
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph'].map((r) => [r.claimReviewed.slice(0, 30), r.reviewRating.alternateName])).toEqual([
      ['Afghanistan has once again bec', 'Confirmed'],
      ['carried out over 600 attacks i', 'Disputed'],
      ['With an estimated strength of ', 'Confirmed'],
      ['The Taliban have fully dismant', 'Disputed'],
    ]);
  });

  it('fills the fields fact-check aggregators read', () => {
    const disputed = doc['@graph'][1];
    expect(disputed).toMatchObject({
      '@type': 'ClaimReview',
      url: `${BASE_URL}/articles/art-un-nexus#claim-a-600`,
      datePublished: '2025-06-04',
      author: { '@type': 'Organization', name: 'South Asia Desk' },
      reviewRating: { '@type': 'Rating', ratingValue: 1, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Claim',
        datePublished: '2025-06-01',
        appearance: { '@type': 'NewsArticle', headline: 'UN Flags Militant Nexus Threatening Pakistan', url: 'https://tribune.example/story/un-flags-militant-nexus', publisher: { name: 'The Express Tribune' } },
      },
    });
    expect(disputed.reviewBody).toMatch(/^PIPS database counts 521/);
    expect(doc['@graph'][0].reviewRating.ratingValue).toBe(5);
  });
});

describe('renderExport', () => {
  const input = buildFixture();

  it('lists the formats and recognises them', () => {
    expect(EXPORT_FORMATS).toEqual(['md', 'docx', 'html', 'csv', 'jsonld', 'claimreview']);
    expect(isExportFormat('md')).toBe(true);
    expect(isExportFormat('pdf')).toBe(false);
    expect(isExportFormat(undefined)).toBe(false);
  });

  it('renders every format with its content type, extension and an ASCII filename', async () => {
    const expected: Record<string, [RegExp, string, (b: string | Buffer) => boolean]> = {
      md: [/^text\/markdown; charset=utf-8$/, 'md', (b) => typeof b === 'string' && b.startsWith('# UN Flags')],
      docx: [/^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/, 'docx', (b) => Buffer.isBuffer(b) && b.subarray(0, 2).toString('latin1') === 'PK'],
      html: [/^text\/html; charset=utf-8$/, 'html', (b) => typeof b === 'string' && b.startsWith('<!DOCTYPE html>')],
      csv: [/^text\/csv; charset=utf-8/, 'csv', (b) => typeof b === 'string' && b.startsWith('\uFEFFnumber,quote,')],
      jsonld: [/^application\/ld\+json; profile="http:\/\/www\.w3\.org\/ns\/anno\.jsonld"/, 'jsonld', (b) => typeof b === 'string' && (JSON.parse(b) as { type: string }).type === 'AnnotationCollection'],
      claimreview: [/^application\/ld\+json/, 'claimreview.jsonld', (b) => typeof b === 'string' && (JSON.parse(b) as { '@graph': unknown[] })['@graph'].length === 4],
    };
    for (const format of EXPORT_FORMATS) {
      const out = await renderExport(format, input, DEFAULT_BRIEF_OPTIONS, BASE_URL);
      const [ct, ext, check] = expected[format];
      expect(out.contentType, format).toMatch(ct);
      expect(out.extension, format).toBe(ext);
      expect(check(out.body), format).toBe(true);
      expect(out.filename, format).toBe(`un-flags-militant-nexus-threatening-pakistan-v2.${ext}`);
    }
  });

  it('applies options', async () => {
    const out = await renderExport('csv', input, { ...DEFAULT_BRIEF_OPTIONS, onlyConfirmed: true }, BASE_URL);
    expect((out.body as string).trim().split('\r\n')).toHaveLength(3);
  });

  it('falls back to a generic filename for titles without ASCII letters', async () => {
    const inp = buildFixture();
    inp.article.title = 'تحليل';
    expect((await renderExport('md', inp, DEFAULT_BRIEF_OPTIONS, BASE_URL)).filename).toBe('brief-v2.md');
  });
});
