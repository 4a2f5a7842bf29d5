import { describe, expect, it } from 'vitest';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS } from '@/lib/export/brief-input';
import { toDocx, xmlSafe } from '@/lib/export/to-docx';
import { HOSTILE, buildFixture } from './fixture';
import { readZip } from './zip';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('toDocx', async () => {
  const input = buildFixture();
  const buf = await toDocx(buildBrief(input, DEFAULT_BRIEF_OPTIONS));
  const files = readZip(buf);
  const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
  const plain = xml.replace(/<[^>]+>/g, '');

  it('is a ZIP holding a Word document', () => {
    expect(Buffer.isBuffer(buf)).toBe(true);
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
    expect(xml.startsWith('<?xml')).toBe(true);
  });

  it('has real headings, the title and the article text', () => {
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?UN Flags Militant Nexus Threatening Pakistan/);
    expect((xml.match(/<w:pStyle w:val="Heading2"\/>/g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(plain).toContain('Released this month by the UN Analytical Support and Sanctions Monitoring Team');
    expect(plain).toContain('South Asia Desk');
  });

  it('escapes hostile user text instead of injecting markup', () => {
    expect(xml).toContain(xmlEscape(HOSTILE.script));
    expect(xml).toContain(xmlEscape(HOSTILE.img));
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    expect(plain).toContain(HOSTILE.mdLink);
    expect(plain).toContain(HOSTILE.rtl);
    expect(plain).toContain(HOSTILE.emoji);
  });

  it('has the summary table with a bar per tag coloured by tag', () => {
    expect(xml).toContain('<w:tbl>');
    const bars = [...xml.matchAll(/<w:color w:val="([0-9A-F]{6})"\/>(?:(?!<\/w:r>)[\s\S])*?<w:t(?: xml:space="preserve")?>(█+)<\/w:t>/g)].map((m) => [m[1], m[2].length]);
    expect(bars).toEqual([
      ['2563EB', 24],
      ['DC2626', 12],
      ['16A34A', 12],
    ]);
  });

  it('shades quotes in a tint of the tag colour and marks claims with superscript links to bookmarks', () => {
    // #2563eb at 25% over white
    expect(xml).toMatch(/<w:shd w:fill="C9D8FA"[^>]*\/>[\s\S]{0,300}Afghanistan has once again become a safe haven/);
    expect((xml.match(/<w:vertAlign w:val="superscript"\/>/g) ?? []).length).toBe(7);
    for (let n = 1; n <= 8; n++) expect(xml).toContain(`w:name="claim_${n}"`);
    expect(xml).toMatch(/safe haven for militant groups<\/w:t><\/w:r><w:hyperlink [^>]*w:anchor="claim_2"[^>]*>(?:(?!<\/w:hyperlink>)[\s\S])*>\[2\]<\/w:t>/);
  });

  it('survives control characters that XML 1.0 forbids', async () => {
    const inp = buildFixture();
    inp.annotations[0].note = 'bell\u0007 nul\u0000 ok\ud800';
    const out = readZip(await toDocx(buildBrief(inp, DEFAULT_BRIEF_OPTIONS))).get('word/document.xml')!.toString('utf8');
    expect(out).not.toMatch(/[\u0000\u0007]/);
    expect(out).toContain('bell\uFFFD nul\uFFFD ok\uFFFD');
    expect(xmlSafe('a\u0001b\n\tc')).toBe('a\uFFFDb\n\tc');
  });
});
