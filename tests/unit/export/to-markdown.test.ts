import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS } from '@/lib/export/brief-input';
import { mdInline } from '@/lib/export/escape';
import { toMarkdown } from '@/lib/export/to-markdown';
import { HOSTILE, buildFixture } from './fixture';

const render = (md: string) => marked.parse(md, { async: false, gfm: true });

/** Text content of rendered HTML, entities decoded, for "does it read literally" checks. */
function textContent(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('toMarkdown', () => {
  const input = buildFixture();
  const md = toMarkdown(buildBrief(input, DEFAULT_BRIEF_OPTIONS));
  const html = render(md);

  it('has the header, summary table, claims and article text', () => {
    expect(md.startsWith('# UN Flags Militant Nexus Threatening Pakistan\n')).toBe(true);
    for (const s of ['**Outlet:** The Express Tribune', '**Byline:** Kamran Yousaf', '**Published:** 2025-06-01', '**Desk:** South Asia Desk', '**Prepared by:** Sara Lindqvist, 2025-06-04 15:30 UTC', '**Article version:** 2']) {
      expect(md).toContain(s);
    }
    expect(md).toContain('| UN report (un) | 4 | 50% |');
    expect(md).toContain('| Disputed | 2 |');
    expect(md).toContain('### 2. UN report — Confirmed');
    expect(md).toContain('> Afghanistan has once again become a safe haven for militant groups');
    expect(md).toContain('- **Grade:** B2');
    expect(md).toContain('- **Confidence:** High');
    expect(md).toMatch(/Dispute — Sara Lindqvist, 2025-06-03 \(suggests tag analyst\): PIPS database counts 521 attacks/);
    expect(md).toContain('## Orphaned claims');
    expect(md).toContain('## Article text');
    // rendered tables really are tables
    expect(html).toMatch(/<table>[\s\S]*<td>UN report \(un\)<\/td>/);
  });

  it('places footnote markers after the claimed text and defines every footnote', () => {
    expect(md).toContain('safe haven for militant groups[^2], warning');
    expect(md).toContain('carried out over 600 attacks[^3] in Pakistan in 2025 alone[^4], targeting');
    // The headline is the document's h1, a heading under "## Article text" as in the reader.
    expect(md).toContain('\n#### UN Flags Militant Nexus Threatening Pakistan[^1]\n');
    for (let n = 1; n <= 7; n++) expect(md).toContain(`\n[^${n}]: `);
    expect(md).not.toContain('[^8]'); // orphaned: listed, but no marker in the text
  });

  it('renders hostile user text literally: no script, no javascript: links, no raw tags', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/href="javascript:/i);
    // the only link is the article URL we emit ourselves
    const anchors = html.match(/<a\s[^>]*>/g) ?? [];
    expect(anchors).toEqual(['<a href="https://tribune.example/story/un-flags-militant-nexus">']);
    const text = textContent(html);
    expect(text).toContain(HOSTILE.script);
    expect(text).toContain(HOSTILE.img);
    expect(text).toContain(HOSTILE.mdLink);
    expect(text).toContain('**bold** _under_ `code` # hash | pipe');
    expect(text).toContain(HOSTILE.rtl);
    expect(text).toContain(HOSTILE.emoji);
    expect(html).not.toMatch(/<(strong|em|code)>(bold|under|code)</);
  });

  it('keeps line-start syntax in multi-line notes literal', () => {
    expect(html).not.toMatch(/<h1>not a heading/);
    expect(html).not.toMatch(/<li>not a list/);
    expect(textContent(html)).toContain('# not a heading');
    expect(textContent(html)).toContain('1. not a list either');
  });

  it('does not autolink a non-http article URL', () => {
    const inp = buildFixture();
    inp.article.url = 'javascript:alert(document.cookie)';
    inp.article.title = '<b>Injected</b> [t](javascript:x)';
    const out = render(toMarkdown(buildBrief(inp, DEFAULT_BRIEF_OPTIONS)));
    expect(out).not.toMatch(/<a\s/);
    expect(out).not.toMatch(/<b>/);
    expect(textContent(out)).toContain('javascript:alert(document.cookie)');
  });

  it('mdInline escapes each metacharacter so CommonMark shows it literally', () => {
    const nasty = '\\ ` * _ [ ] ( ) # + - ! < > | ~ &amp; ![i](x) <a href=x> http://a.example www.b.example c@d.example';
    const out = render(`before ${mdInline(nasty)} after`);
    expect(textContent(out).trim()).toBe(`before ${nasty} after`);
    expect(render(mdInline('# h'))).not.toMatch(/<h1/);
    expect(render(mdInline('- item'))).not.toMatch(/<li/);
    expect(render(mdInline('> q'))).not.toMatch(/<blockquote/);
    expect(render(mdInline('2. x'))).not.toMatch(/<ol/);
    expect(render(mdInline('==='))).not.toMatch(/<h1/);
    expect(render(`x ${mdInline('see http://evil.example, www.evil.example or me@evil.example')}`)).not.toMatch(/<a\s/);
  });

  it('omits notes when includeNotes is false and lists claims by tag when grouped', () => {
    const md2 = toMarkdown(buildBrief(input, { ...DEFAULT_BRIEF_OPTIONS, includeNotes: false, group: 'tag' }));
    expect(md2).not.toContain('**Note:**');
    expect(md2).toContain('## Claims: UN report');
    expect(md2.indexOf('## Claims: UN report')).toBeLessThan(md2.indexOf('## Claims: Intelligence'));
  });
});
