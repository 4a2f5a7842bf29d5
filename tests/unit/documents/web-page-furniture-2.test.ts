import { describe, expect, it } from 'vitest';
import { paragraph, textNode, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';
import { mergePageMetadata } from '@/lib/documents/page-metadata';
import { importDocument } from '@/lib/documents/server/import-document';
import { isAdLabel, isBylineOnly, isLinkLine, isPrompt, tidyWebArticle } from '@/lib/documents/tidy-web-article';
import { outline } from '@/tests/unit/articles/doc-helpers';

// The rules the third saved-page probe (tests/fixtures/web-pages-2) asked for, each on its own,
// each with the look-alike that must stay.

const importHtml = (html: string) => importDocument({ kind: 'text', text: html, format: 'html' });
const page = (body: string, head = '') =>
  `<!DOCTYPE html><html><head><title>Bridge to stay shut | The Courier</title><meta property="og:site_name" content="The Courier">${head}</head><body><nav><a href="/">Home</a></nav><main><article><h1>Bridge to stay shut</h1>${body}</article></main></body></html>`;
const P = [
  'The council confirmed on Monday that the bridge would stay closed until the end of the month for repairs to two cables.',
  'Engineers found corrosion in two of the four main cables during a routine inspection in March, the council said.',
  'A temporary ferry service will run every twenty minutes between the two banks from Wednesday, officials said.',
];
const ARTICLE = ['Bridge to stay shut', ...P].join('\n');

describe('saved-page widgets known by their structure, not their class names', () => {
  it("drops AMP embeds' loading and failure stand-ins", async () => {
    const result = await importHtml(
      page(
        `<p>${P[0]}</p><amp-iframe width="600" height="400" src="https://maps.example/x"><div placeholder>Loading map…</div></amp-iframe><p>${P[1]}</p>` +
          `<amp-list height="300" src="/most-read.json"><div placeholder>Loading…</div><div fallback>Most read stories could not be loaded</div></amp-list><p>${P[2]}</p>`,
      ),
    );
    expect(result.text).toBe(ARTICLE);
  });

  it('drops a sign-up form with the box around it (heading, blurb, small print), whatever its classes', async () => {
    const box = `<div class="wp-block-group x9"><div class="inner"><h3>Stay informed</h3><p>Five stories before breakfast, every weekday.</p><div class="plugin_form"><form action="/subscribe"><input type="email"><input type="submit" value="Go"></form></div><p>You can unsubscribe at any time.</p></div></div>`;
    const result = await importHtml(page(`<p>${P[0]}</p><p>${P[1]}</p>${box}<p>${P[2]}</p>`));
    expect(result.text).toBe(ARTICLE);
  });

  it('drops a newsletter or donation card whose button leads to a sign-up page, not a link inside a sentence', async () => {
    const card = `<div class="my-8 rounded bg-gray-100 p-6"><p class="font-bold">Get The Courier in your inbox</p><p>One story, every Friday. Free.</p><a href="/newsletter" class="btn">Sign me up</a></div>`;
    const donate = `<div class="mt-12 border-t"><p>Support local reporting</p><p><a href="https://courier.example/donate/">Donate today</a></p></div>`;
    const inProse = 'Readers who want the printed edition can <a href="/subscribe">subscribe at the town hall desk</a> from Monday, the council said.';
    const result = await importHtml(page(`<p>${P[0]}</p>${card}<p>${P[1]}</p><p>${inProse}</p><p>${P[2]}</p>${donate}`));
    expect(result.text).toBe(['Bridge to stay shut', P[0], P[1], 'Readers who want the printed edition can subscribe at the town hall desk from Monday, the council said.', P[2]].join('\n'));
  });

  it('writes a note link around a superscript (pandoc, CMSs) as [n] and drops "↩︎" back links', async () => {
    const result = await importHtml(
      page(
        `<p>${P[0]}<a class="footnote-ref" href="#fn1" id="r1" role="doc-noteref"><sup>1</sup></a></p><p>The bill came to 4.2 million in 2024.<a href="#fn2" role="doc-noteref">2</a></p><p>${P[1]}</p><p>${P[2]}</p>` +
          `<section class="footnotes"><ol><li id="fn1"><p>Council minutes, 3 March.<a href="#r1" class="footnote-back">↩︎</a></p></li><li id="fn2"><p>Budget book.<a href="#r2" role="doc-backlink">back</a></p></li></ol></section>`,
      ),
    );
    expect(result.text).toContain(`${P[0]}[1]`);
    expect(result.text).toContain('in 2024.[2]');
    expect(result.text).toMatch(/^Council minutes, 3 March\.$/m);
    expect(result.text).toMatch(/^Budget book\.$/m);
    expect(result.text).not.toMatch(/↩|\uFE0E/);
  });

  it('drops a caption printed as a plain paragraph under a picture when it opens with a credit label', async () => {
    const result = await importHtml(
      page(
        `<p>${P[0]}</p><p><img src="/w.jpg" alt=""></p><p>Photo: Ann Lee / The Courier. The east tower, closed since April.</p><p>${P[1]}</p>` +
          `<p><img src="/v.jpg" alt=""></p><p>${P[2]}</p>`,
      ),
    );
    expect(result.text).toBe(ARTICLE);
  });
});

describe('metadata declared only in a JSON-LD @graph or in citation tags', () => {
  it('reads authors and publisher given as @id references to other nodes of the graph', () => {
    const merged = mergePageMetadata({
      jsonLd: [
        {
          '@graph': [
            { '@type': 'Organization', '@id': 'https://x.example/#org', name: 'The Civic Lens' },
            { '@type': 'NewsArticle', headline: 'H', datePublished: '2025-07-09T09:00:00-04:00', author: [{ '@id': 'https://x.example/#p1' }, { '@id': 'https://x.example/#p2' }], publisher: { '@id': 'https://x.example/#org' } },
            { '@type': 'Person', '@id': 'https://x.example/#p1', name: 'Ayesha Karim' },
            { '@type': 'Person', '@id': 'https://x.example/#p2', name: 'Daniel Frost' },
          ],
        },
      ],
      meta: {},
      canonicalUrl: null,
      readability: { byline: 'Words by Ayesha Karim and Daniel Frost' },
    });
    expect(merged).toMatchObject({ byline: 'Ayesha Karim, Daniel Frost', outlet: 'The Civic Lens', publishedAt: '2025-07-09T13:00:00.000Z' });
    // An @id that names nothing in the page is no author.
    expect(mergePageMetadata({ jsonLd: [{ '@type': 'NewsArticle', author: { '@id': '#nobody' } }], meta: {}, canonicalUrl: null, readability: null }).byline).toBeNull();
  });

  it('reads research pages\u2019 citation tags: every author as "First Last", the date as a calendar date', () => {
    const merged = mergePageMetadata({
      jsonLd: [],
      meta: { citation_title: 'Counting the Displaced', citation_publisher: 'Meridian Policy Institute', citation_publication_date: '2025/04/10' },
      citationAuthors: ['Okonkwo, Adaeze', 'Lindqvist, Per'],
      canonicalUrl: null,
      readability: null,
    });
    expect(merged).toMatchObject({ title: 'Counting the Displaced', byline: 'Adaeze Okonkwo, Per Lindqvist', outlet: 'Meridian Policy Institute', publishedAt: '2025-04-10T00:00:00.000Z' });
  });

  it("prefers a declared byline to Readability's only when Readability ran two lines together", () => {
    const sources = { jsonLd: [], canonicalUrl: null, meta: { byl: 'By Farah Lodi', 'article:author': 'https://x.example/people/farah-lodi' } };
    expect(mergePageMetadata({ ...sources, readability: { byline: 'Farah LodiPhotographs and text' } }).byline).toBe('Farah Lodi');
    // Two authors in the byline, one in <meta name="author">: Readability's is the better byline.
    expect(mergePageMetadata({ ...sources, meta: { author: 'Jane Roe' }, readability: { byline: 'Jane Roe and Omar Said' } }).byline).toBe('Jane Roe and Omar Said');
    expect(mergePageMetadata({ ...sources, readability: { byline: 'Ewan McGregor' } }).byline).toBe('Ewan McGregor');
    // A URL in article:author is no byline.
    expect(mergePageMetadata({ ...sources, meta: { 'article:author': 'https://x.example/people/a' }, readability: null }).byline).toBeNull();
  });
});

describe('furniture lines in more wordings and languages', () => {
  const link = (text: string) => textNode(text, [{ type: 'link', attrs: { href: 'https://x.example/a' } }]);
  const line = (label: string, headline: string): TiptapNode => ({ type: 'paragraph', content: [textNode(label, [{ type: 'bold' }]), link(headline)] });

  it('reads ad labels set between dashes or brackets', () => {
    for (const label of ['- Advertisement -', '— Publicidad —', '[ Anzeige ]', '- ADVERTISEMENT -']) expect(isAdLabel(label), label).toBe(true);
    expect(isAdLabel('- Advertisement rules were tightened -')).toBe(false);
  });

  it('reads more "see also" labels', () => {
    for (const label of ['ALSO SEE: ', 'Te puede interesar: ', 'Veja também: ', 'À lire également : ', 'Potrebbe interessarti: ', 'Read next: ']) expect(isLinkLine(line(label, 'Minister defends water subsidy in heated exchange')), label).toBe(true);
    expect(isLinkLine({ type: 'paragraph', content: [textNode('Te puede interesar: el consejero dijo que la ayuda seguirá el año que viene, según fuentes del departamento.')] })).toBe(false);
  });

  it('reads follow-us and newsletter prompts, not sentences that open with the same verb', () => {
    for (const prompt of [
      '➡️ Click here to join our Telegram channel for breaking news',
      'Sigue toda la información de Economía en Facebook y X, o apúntate aquí para recibir nuestra newsletter semanal.',
      'Suivez toute l’actualité de votre région sur Facebook et Instagram.',
      'Sign up for our morning newsletter to get the day’s news first.',
      'Suscríbete aquí a nuestra newsletter diaria.',
      'Síguenos en Instagram y TikTok.',
      'Folgen Sie uns auf Facebook und Instagram.',
    ])
      expect(isPrompt(prompt), prompt).toBe(true);
    for (const sentence of [
      'Follow-up inspections found the same faults in March.',
      "Follow-up reports on the company's Facebook page gave the same figure.",
      'Sigue la investigación del juzgado sobre los contratos de la consejería, que la oposición difundió en Facebook.',
      'Following complaints, Facebook removed the group.',
      'Click here to read the full statement the ministry posted on Facebook.',
    ])
      expect(isPrompt(sentence), sentence).toBe(false);
  });

  it("drops a byline line anywhere (a live blog's entry author), not a sentence naming the author", () => {
    const names = ['Rhea Mistry', 'Tomasz Wolak'];
    expect(isBylineOnly('Rhea Mistry', names)).toBe(true);
    expect(isBylineOnly('Posted by Tomasz Wolak', names)).toBe(true);
    expect(isBylineOnly('Rhea Mistry and Tomasz Wolak', names)).toBe(true);
    expect(isBylineOnly('Rhea Mistry reported from the port gates.', names)).toBe(false);
    expect(isBylineOnly('Rhea Mistryova', names)).toBe(false);
    expect(isBylineOnly('Rhea Mistry', [])).toBe(false);
    const body = 'The union has rejected the revised offer of a 4.5 per cent rise over two years, its secretary said.';
    const d: TiptapDoc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [textNode('Port strike')] }, paragraph(body), paragraph(body), paragraph(body), paragraph('15:04'), paragraph('Rhea Mistry'), paragraph(body)] };
    expect(outline(tidyWebArticle(d, 'Rhea Mistry, Tomasz Wolak').content)).toEqual(['heading1:Port strike', `paragraph:${body}`, `paragraph:${body}`, `paragraph:${body}`, 'paragraph:15:04', `paragraph:${body}`]);
  });
});

describe('what the sign-up rule leaves alone', () => {
  it('keeps a list of resources in the article, even when an item leads to a sign-up page', async () => {
    const list = '<p>Residents can find help here:</p><ul><li><a href="/flood-alerts/subscribe">Flood alerts by text message</a></li><li><a href="/grants">Flood door grants</a></li></ul>';
    const result = await importHtml(page(`<p>${P[0]}</p>${list}<p>${P[1]}</p><p>${P[2]}</p>`));
    expect(result.text).toContain('Flood alerts by text message');
    expect(result.text).toContain('Flood door grants');
  });
});

describe('live-blog entries keep their time and title', () => {
  const entry = (time: string, title: string | null, text: string) =>
    `<article class="block"><header class="block-header"><time datetime="2025-03-26T${time.replace('.', ':')}:00Z">${time} GMT</time>${title ? `<h2>${title}</h2>` : ''}</header><div class="block-elements"><p>${text}</p></div></article>`;

  it('sets out an entry header (nested <article>) as the time on a line of its own, then the title', async () => {
    const html = page(`<div class="live-body">${entry('17.40', null, P[0])}${entry('13.48', 'Key points', P[1])}${entry('10.02', 'Chancellor leaves Downing Street', P[2])}</div>`);
    const result = await importHtml(html);
    expect(outline(result.doc.content)).toEqual([
      'heading1:Bridge to stay shut',
      'paragraph:17.40 GMT',
      `paragraph:${P[0]}`,
      'paragraph:13.48 GMT',
      'heading2:Key points',
      `paragraph:${P[1]}`,
      'paragraph:10.02 GMT',
      'heading2:Chancellor leaves Downing Street',
      `paragraph:${P[2]}`,
    ]);
  });

  it('keeps the first entry time of a timeline, and still drops a lone time line above an article', () => {
    const h1: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: [textNode('Port strike')] };
    const timeline: TiptapDoc = { type: 'doc', content: [h1, paragraph('15:04'), paragraph(P[0]), paragraph('13:20'), paragraph(P[1]), paragraph('09:45'), paragraph(P[2])] };
    expect(outline(tidyWebArticle(timeline, null).content)).toHaveLength(7);
    const single: TiptapDoc = { type: 'doc', content: [h1, paragraph('15:04'), paragraph(P[0]), paragraph(P[1]), paragraph(P[2])] };
    expect(outline(tidyWebArticle(single, null).content)).toEqual(['heading1:Port strike', ...P.map((p) => `paragraph:${p}`)]);
  });
});

describe('related lists and ad labels in the desk\u2019s other languages', () => {
  const link = (text: string) => textNode(text, [{ type: 'link', attrs: { href: 'https://x.example/a' } }]);
  const list = (...items: string[]): TiptapNode => ({ type: 'bulletList', content: items.map((t) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [link(t)] }] })) });
  const h = (text: string): TiptapNode => ({ type: 'heading', attrs: { level: 3 }, content: [textNode(text)] });
  const h1: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: [textNode('Recorte')] };

  it('drops a "Más información" / "Les plus lus" / "Leia também" heading with its headlines, not a section of that name', () => {
    for (const label of ['Más información', 'Les plus lus', 'Leia também', 'Meistgelesen', 'I più letti']) {
      const d: TiptapDoc = { type: 'doc', content: [h1, paragraph(P[0]), paragraph(P[1]), h(label), list('Así funciona el bono', 'Los jóvenes y el alquiler')] };
      expect(outline(tidyWebArticle(d, null).content), label).toEqual(['heading1:Recorte', `paragraph:${P[0]}`, `paragraph:${P[1]}`]);
    }
    const section: TiptapDoc = { type: 'doc', content: [h1, paragraph(P[0]), h('Más información'), paragraph(P[1]), paragraph(P[2])] };
    expect(outline(tidyWebArticle(section, null).content)).toHaveLength(5);
  });

  it('reads sponsored-content and ad labels in Spanish, French and German', () => {
    for (const label of ['Anuncio', 'Contenido patrocinado', 'Contenu sponsorisé', 'Gesponsert', 'Advertorial']) expect(isAdLabel(label), label).toBe(true);
    expect(isAdLabel('Anuncio del Gobierno')).toBe(false);
  });
});
