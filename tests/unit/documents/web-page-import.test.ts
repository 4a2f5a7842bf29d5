import { describe, expect, it } from 'vitest';
import { isWholeWebPage } from '@/lib/documents/is-whole-web-page';
import { importDocument } from '@/lib/documents/server/import-document';
import type { TiptapNode } from '@/lib/articles/tiptap-doc';
import { allNodes, outline } from '@/tests/unit/articles/doc-helpers';
import { assertValidForStarterKit } from '@/tests/unit/articles/schema-check';
import {
  ARTICLE_PARAGRAPHS,
  CHROME_PHRASES,
  divSoupPage,
  LIST_ITEMS,
  newsPage,
  QUOTE,
  SECTION_HEADING,
  URDU_HEADLINE,
  URDU_PARAGRAPHS,
  urduPage,
} from '@/tests/support/saved-pages';

const importHtml = (html: string) => importDocument({ kind: 'text', text: html, format: 'html' });

function linksOf(node: TiptapNode): string[] {
  return allNodes(node).flatMap((n) => (n.marks ?? []).filter((m) => m.type === 'link').map((m) => String(m.attrs?.href)));
}

describe('saved web pages go through Readability', () => {
  it('keeps the article of a news page and none of its chrome', async () => {
    const result = await importHtml(newsPage());
    expect(result.webPage).toBe(true);
    expect(result.format).toBe('html');
    assertValidForStarterKit(result.doc);
    for (const phrase of CHROME_PHRASES) expect(result.text, phrase).not.toContain(phrase);
    // Nor the printed byline: it is metadata.
    expect(result.text).not.toMatch(/^By Amina/m);
    expect(outline(result.doc.content)).toEqual([
      'heading1:Northern crossing reopens after 11-day closure',
      `paragraph:${ARTICLE_PARAGRAPHS[0]}`,
      `paragraph:${ARTICLE_PARAGRAPHS[1]} Earlier reporting described the attacks in detail.`,
      `heading2:${SECTION_HEADING}`,
      'paragraph:The agreement, published by the United Nations, sets out three steps:',
      'bulletList:',
      'blockquote:',
      `paragraph:${ARTICLE_PARAGRAPHS[2]} No timetable was given for reopening passenger traffic.`,
    ]);
    const list = result.doc.content[5]!;
    expect(list.content?.map((item) => allNodes(item).filter((n) => n.type === 'text').map((n) => n.text).join(''))).toEqual(LIST_ITEMS);
    expect(allNodes(result.doc.content[6]!).find((n) => n.type === 'text')?.text).toBe(QUOTE);
    expect(allNodes(result.doc).some((n) => n.marks?.some((m) => m.type === 'bold') && n.text === 'No timetable')).toBe(true);
    // Relative links resolve against the page's canonical URL; absolute ones stay.
    expect(linksOf(result.doc)).toEqual(['https://meridian-ledger.example/world/2026/11/highway-attacks', 'https://un.example/docs/S-2026-881']);
  });

  it('reads the metadata: JSON-LD NewsArticle first (authors as a list), then Open Graph', async () => {
    const { metadata, title } = await importHtml(newsPage());
    expect(title).toBe('Northern crossing reopens after 11-day closure');
    expect(metadata).toEqual({
      title: 'Northern crossing reopens after 11-day closure',
      byline: 'Amina Qureshi, Tomas Lindqvist',
      outlet: 'The Meridian Ledger',
      publishedAt: '2026-11-17T06:30:00.000Z',
      url: 'https://meridian-ledger.example/world/2026/11/northern-crossing-reopens',
    });
  });

  it('handles a page of class-named <div>s with only <meta> tags', async () => {
    const result = await importHtml(divSoupPage());
    expect(result.webPage).toBe(true);
    expect(result.metadata).toEqual({
      title: 'Port strike enters second week',
      byline: 'Lena Okafor',
      outlet: 'Harbour Times',
      publishedAt: '2026-10-02T12:00:00.000Z',
      url: 'https://harbour-times.example/news/port-strike',
    });
    expect(result.text.split('\n')).toHaveLength(4);
    expect(result.text).toMatch(/^Port strike enters second week\nDock workers/);
    for (const phrase of ['Home', 'Log in', 'We use cookies', 'Share on Facebook', 'Related stories', 'All rights reserved']) expect(result.text).not.toContain(phrase);
  });

  it('imports an Urdu page with its headline once and its paragraphs in logical order', async () => {
    const result = await importHtml(urduPage());
    expect(result.metadata.outlet).toBe('روزنامہ مثال');
    expect(result.text.split('\n')).toEqual([URDU_HEADLINE, URDU_PARAGRAPHS[0], URDU_PARAGRAPHS[1], `${URDU_PARAGRAPHS[0]} ${URDU_PARAGRAPHS[1]}`]);
    expect(result.text).not.toContain('صفحہ اول');
    expect(result.text).not.toContain('جملہ حقوق');
  });

  it('imports a fragment as before: every paragraph kept, no metadata invented', async () => {
    const fragment = '<h1>Short note</h1><p>One line.</p><p>Another short line the desk pasted on purpose.</p>';
    expect(isWholeWebPage(fragment)).toBe(false);
    const result = await importHtml(fragment);
    expect(result.webPage).toBe(false);
    expect(result.text).toBe('Short note\nOne line.\nAnother short line the desk pasted on purpose.');
    expect(result.metadata.byline).toBeNull();
  });

  it('tells whole pages from fragments', () => {
    expect(isWholeWebPage('<html><body><p>x</p></body></html>')).toBe(true);
    expect(isWholeWebPage('<body><p>x</p>')).toBe(true);
    expect(isWholeWebPage('<nav>menu</nav><p>text</p>')).toBe(true);
    expect(isWholeWebPage('<div role="navigation">menu</div><p>text</p>')).toBe(true);
    expect(isWholeWebPage('<p>A paragraph about the <b>header</b> and footer of a page.</p>')).toBe(false);
  });

  it('never lets markup from the page through', async () => {
    const page = newsPage().replace('<p>' + ARTICLE_PARAGRAPHS[0], '<p onclick="steal()">' + ARTICLE_PARAGRAPHS[0] + '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">more</a>');
    const result = await importHtml(page);
    expect(JSON.stringify(result.doc)).not.toMatch(/script|onerror|onclick|alert|javascript/);
  });
});

describe('what a saved page carries inside its article container', () => {
  const page = (body: string) =>
    `<!DOCTYPE html><html><head><title>Bridge to stay shut | The Courier</title><meta property="og:site_name" content="The Courier"></head><body><nav><a href="/">Home</a></nav><main><article><h1>Bridge to stay shut</h1>${body}</article></main></body></html>`;
  const P = [
    'The council confirmed on Monday that the bridge would stay closed until the end of the month for repairs to two cables.',
    'Engineers found corrosion in two of the four main cables during a routine inspection in March, the council said.',
    'A temporary ferry service will run every twenty minutes between the two banks from Wednesday, officials said.',
  ];

  it('drops pictures with their captions and credits, inside and outside <figure>', async () => {
    const result = await importHtml(
      page(
        `<p>${P[0]}</p><figure><img src="/a.jpg" alt=""><span class="copyright">Kelmouth Council</span><figcaption>The bridge at dawn. <span class="credit">Photograph: A. Person/Agency</span></figcaption></figure>` +
          `<p>${P[1]}</p><div class="wp-caption"><img src="/b.jpg" alt=""><p class="wp-caption-text">Cables on the east tower (Image: Getty)</p></div>` +
          `<p>${P[2]}</p><figure class="media"><amp-img src="/c.jpg" width="1" height="1"></amp-img><figcaption>Ferry terminal</figcaption></figure>`,
      ),
    );
    expect(result.text).toBe(['Bridge to stay shut', ...P].join('\n'));
  });

  it('keeps a figure that holds a quotation or a table, with its caption', async () => {
    const result = await importHtml(
      page(`<p>${P[0]}</p><figure class="quote"><blockquote><p>We will not reopen a bridge we cannot trust.</p></blockquote><figcaption>— Council leader Mair Evans</figcaption></figure><p>${P[1]}</p><figure><table><tr><td>Cable</td><td>Loss</td></tr></table><figcaption>Table 1: Section loss by cable</figcaption></figure><p>${P[2]}</p>`),
    );
    expect(result.text).toContain('We will not reopen a bridge we cannot trust.');
    expect(result.text).toContain('— Council leader Mair Evans');
    expect(result.text).toContain('Table 1: Section loss by cable');
  });

  it('drops AMP ads, consent and share widgets and any element labelled as an advertisement', async () => {
    const result = await importHtml(
      page(
        `<amp-consent id="c" layout="nodisplay"><div>We use cookies to personalise ads.</div></amp-consent><p>${P[0]}</p><amp-ad width="300" height="250" type="x"><div placeholder>Advertisement</div><div fallback>Ad failed to load</div></amp-ad>` +
          `<amp-social-share type="email"></amp-social-share><p>${P[1]}</p><div aria-label="Advertisement" class="css-1x"><p>Sponsored by Acme</p></div><p>${P[2]}</p>`,
      ),
    );
    expect(result.text).toBe(['Bridge to stay shut', ...P].join('\n'));
  });

  it('writes footnote markers as [n] instead of gluing them to the word, and drops the arrows back', async () => {
    const result = await importHtml(
      page(`<p>${P[0]}</p><p>Repairs will cost about 3 per cent of the annual budget in 2024.<sup><a href="#fn2" id="r2">2</a></sup></p><p>${P[1]}</p><p>${P[2]}</p><ol class="notes"><li id="fn2">Council budget book, 2024, page 12. <a href="#r2">↩</a></li></ol>`),
    );
    expect(result.text).toContain('Repairs will cost about 3 per cent of the annual budget in 2024.[2]');
    expect(result.text).toMatch(/Council budget book, 2024, page 12\.$/m);
    expect(result.text).not.toContain('↩');
  });
});
