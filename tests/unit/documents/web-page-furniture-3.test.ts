import { describe, expect, it } from 'vitest';
import { paragraph, textNode, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';
import { promoteBoldParagraphHeadings } from '@/lib/documents/bold-paragraph-headings';
import { fullerPrintedByline, printedWithoutLiveLabel, siteNameFromTitle, withoutAffiliations } from '@/lib/documents/page-metadata';
import { isButtonLink, isClassificationLine, isHeaderLine, isMediaControlLabel, isPrompt, tidyWebArticle } from '@/lib/documents/tidy-web-article';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { CLINIC_PARAGRAPHS as P, clinicPage as page, importHtml } from '@/tests/support/rule-test-page';

// The rules the fourth saved-page probe (tests/fixtures/web-pages-3) asked for, each on its own,
// each with the look-alike that must stay.

describe('headings Readability would drop for their class', () => {
  it('keeps a sub-heading whose class merely contains "header" (an anchor-link heading)', async () => {
    const result = await importHtml(page(`<p>${P[0]}</p><h2 class="header-anchor-post">Where the gap comes from<div class="header-anchor-parent"><button aria-label="Link"></button></div></h2><p>${P[1]}</p><h2 class="header-anchor-post">What the board said</h2><p>${P[2]}</p>`));
    expect(outline(result.doc.content)).toEqual(['heading1:Clinic plan published', `paragraph:${P[0]}`, 'heading2:Where the gap comes from', `paragraph:${P[1]}`, 'heading2:What the board said', `paragraph:${P[2]}`]);
  });
});

describe('a key-facts box beside the text', () => {
  const facts = '<h3>Key facts</h3><ul><li>Measles can infect up to 18 people from one case.</li><li>Two doses give about 97% protection.</li></ul>';

  it('is kept when it stands between paragraphs with a heading over its facts', async () => {
    const result = await importHtml(page(`<p>${P[0]}</p><aside class="factbox" role="complementary">${facts}</aside><p>${P[1]}</p><p>${P[2]}</p>`));
    expect(outline(result.doc.content)).toEqual([
      'heading1:Clinic plan published',
      `paragraph:${P[0]}`,
      'heading3:Key facts',
      'bulletList:',
      `paragraph:${P[1]}`,
      `paragraph:${P[2]}`,
    ]);
    expect(result.text).toContain('Two doses give about 97% protection.');
  });

  it('still drops a related-links box, a box after the text, a pull quote and a box with a form', async () => {
    const related = '<aside><h3>Related</h3><ul><li><a href="https://x.example/a">School vaccine clinics to return after a gap</a></li><li><a href="https://x.example/b">Whooping cough warning for parents</a></li></ul></aside>';
    const pull = '<aside class="pullquote"><p>“A warning we cannot ignore”</p></aside>';
    const signup = `<aside><h3>Health newsletter</h3><p>Every Friday.</p><form><input type="email"></form></aside>`;
    const bio = '<aside><h3>About the author</h3><p>Lena Varga has covered health for the paper since 2019 and lives in Halden.</p></aside>';
    const result = await importHtml(page(`<p>${P[0]}</p>${related}<p>${P[1]}</p>${pull}<p>${P[2]}</p>${signup}<p>${P[0]}</p>${bio}`));
    expect(result.text).not.toMatch(/Related|School vaccine|A warning we cannot ignore|Health newsletter|About the author|has covered health/);
  });
});

describe('live-blog entries in a feed of sibling articles', () => {
  const entry = (relative: string, clock: string, title: string | null, text: string) =>
    `<article class="block"><header><a href="#b"><time datetime="2026-11-30T${clock.replace('.', ':')}:00Z">${relative}</time><span>${clock} GMT</span></a></header>${title ? `<h2>${title}</h2>` : ''}<p>${text}</p></article>`;
  const live = (entries: string) =>
    `<!DOCTYPE html><html><head><title>Rail strike | The Record</title></head><body><main><h1>Rail strike</h1><div id="liveblog-body">${entries}</div></main></body></html>`;

  it('sets out the printed time, not the relative one, then the title', async () => {
    const result = await importHtml(live(entry('8m ago', '15.40', null, P[0]) + entry('2h ago', '13.51', 'Minister speaks', P[1]) + entry('6h ago', '09.30', null, P[2])));
    expect(outline(result.doc.content)).toEqual([
      'heading1:Rail strike',
      'paragraph:15.40 GMT',
      `paragraph:${P[0]}`,
      'paragraph:13.51 GMT',
      'heading2:Minister speaks',
      `paragraph:${P[1]}`,
      'paragraph:09.30 GMT',
      `paragraph:${P[2]}`,
    ]);
  });

  it('keeps a <time> that is printed as a clock time, and leaves a lone article’s own header to Readability', async () => {
    const printed = `<article><header><time datetime="2026-11-30T15:40:00Z">15:40</time></header><p>${P[0]}</p></article><article><header><time>13:51</time></header><p>${P[1]}</p></article><article><header><time>09:30</time></header><p>${P[2]}</p></article>`;
    expect((await importHtml(live(printed))).text).toMatch(/^15:40\n.*\n13:51\n/m);
    const single = `<!DOCTYPE html><html><head><title>Clinic plan | The Courier</title></head><body><main><article><header><h1>Clinic plan</h1><time datetime="2026-11-28">2 hours ago</time></header><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p></article></main></body></html>`;
    const text = (await importHtml(single)).text;
    expect(text).not.toContain('2 hours ago');
    expect(text).toContain(P[2]);
  });
});

describe('note numbers linked without a superscript', () => {
  it('writes a bare number linked to a footnote as [n], glued to the word before it', async () => {
    const result = await importHtml(
      page(`<p>Customs says 4.4 million.<a class="footnote-anchor" href="#footnote-1" id="footnote-anchor-1">1</a></p><p>${P[0]}</p><p>${P[1]}</p><div class="footnote"><a class="footnote-number" href="#footnote-anchor-1">1</a><div><p>Figures as published on 10 October.</p></div></div>`),
    );
    expect(result.text).toContain('Customs says 4.4 million.[1]');
    expect(result.text).not.toContain('million.1');
  });

  it('leaves an in-page link to a section or a table alone', async () => {
    const result = await importHtml(page(`<p>${P[0]}</p><p>The figures for all three villages are in table <a href="#table-2">2</a> below, the board said.</p><p>Section<a href="#section-3">3</a> sets out the bus timetable in full.</p><p>${P[1]}</p>`));
    expect(result.text).toContain('in table 2 below');
    expect(result.text).toContain('Section3 sets out');
  });
});

describe('metadata of pages with little of it', () => {
  it('reads microdata (datePublished on a <time>, the author’s name) and the site name after the headline in <title>', async () => {
    const body = `<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">Clinic plan published</h1><dd itemprop="author" itemscope itemtype="https://schema.org/Person">Written by <span itemprop="name">Tendai Moyo</span></dd><time datetime="2026-11-28T09:15:00+00:00" itemprop="datePublished">Published: 28 November 2026</time><div itemprop="articleBody"><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p></div></div>`;
    const html = `<!DOCTYPE html><html><head><title>Clinic plan published - The Valley Voice</title></head><body><main>${body}</main></body></html>`;
    expect((await importHtml(html)).metadata).toMatchObject({ byline: 'Tendai Moyo', outlet: 'The Valley Voice', publishedAt: '2026-11-28T09:15:00.000Z' });
  });

  it('takes a site name from the title only after the headline and a separator', () => {
    expect(siteNameFromTitle('Clinic plan published | Local news | The Valley Voice', ['Clinic plan published'])).toBe('The Valley Voice');
    expect(siteNameFromTitle('Clinic plan published - The Valley Voice', [null, 'Clinic plan published'])).toBe('The Valley Voice');
    // A title that is the headline only, or that does not open with it, names no site.
    expect(siteNameFromTitle('Clinic plan published', ['Clinic plan published'])).toBeNull();
    expect(siteNameFromTitle('The Valley Voice: news for the upper valley', ['Clinic plan published'])).toBeNull();
    expect(siteNameFromTitle('Clinic plan published - a headline that goes on for far longer than any site name ever would', ['Clinic plan published'])).toBeNull();
  });

  it('prefers the printed byline when it names every declared author and more', () => {
    expect(fullerPrintedByline('Ana Ruiz', ['Ana Ruiz', 'Kofi Mensah'])).toBe('Ana Ruiz, Kofi Mensah');
    // Different people printed (a "More by" box) or fewer names: the declared byline stands.
    expect(fullerPrintedByline('Ana Ruiz', ['Kofi Mensah', 'Jo Bell'])).toBe('Ana Ruiz');
    expect(fullerPrintedByline('Ana Ruiz, Kofi Mensah', ['Ana Ruiz'])).toBe('Ana Ruiz, Kofi Mensah');
    expect(fullerPrintedByline(null, ['Ana Ruiz'])).toBeNull();
  });

  it('reads the printed byline from links to author pages, past the authors’ pictures', async () => {
    const head = '<script type="application/ld+json">{"@type":"Article","headline":"Clinic plan published","author":{"@type":"Person","name":"Ana Ruiz"}}</script>';
    const byline = '<div class="meta"><a href="/author/ana/"><img src="/a.jpg" alt="Ana Ruiz"></a><h4><a href="/author/ana/">Ana Ruiz</a>, <a href="/author/kofi/">Kofi Mensah</a></h4></div>';
    expect((await importHtml(page(`${byline}<p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p>`, head))).metadata.byline).toBe('Ana Ruiz, Kofi Mensah');
    const inSentence = `<p>${P[0]} Our colleague <a href="/author/kofi/">Kofi Mensah</a> reported the first contract.</p><p>${P[1]}</p><p>${P[2]}</p>`;
    expect((await importHtml(page(inSentence, head))).metadata.byline).toBe('Ana Ruiz');
  });

  it('reads "Name (STATION)" as the name, the bracket being the employer', () => {
    expect(withoutAffiliations('Jordan Ellis (KVRT)')).toBe('Jordan Ellis');
    expect(withoutAffiliations('Jane Roe (AP), Omar Said (Reuters)')).toBe('Jane Roe, Omar Said');
    expect(withoutAffiliations('Jane Roe (AP) and Omar Said')).toBe('Jane Roe and Omar Said');
    // A bracket inside the name (a nickname) stays.
    expect(withoutAffiliations('Mary (Molly) Stone')).toBe('Mary (Molly) Stone');
  });

  it('drops a live label the printed headline does not carry, not one it prints', () => {
    expect(printedWithoutLiveLabel('Rail strike: services cut – live', 'Rail strike: services cut')).toBe('Rail strike: services cut');
    expect(printedWithoutLiveLabel('Live: Port strike enters second day', 'Port strike enters second day')).toBe('Port strike enters second day');
    expect(printedWithoutLiveLabel('Budget day – as it happened', 'Budget day – as it happened')).toBe('Budget day – as it happened');
    expect(printedWithoutLiveLabel('Bands to play live', 'Bands to play live')).toBe('Bands to play live');
    expect(printedWithoutLiveLabel('Rail strike – live', null)).toBe('Rail strike – live');
  });
});

describe('furniture lines the fourth probe found', () => {
  const link = (text: string) => textNode(text, [{ type: 'link', attrs: { href: 'https://x.example/a' } }]);

  it('reads a reporter’s role line opening with the outlet’s name as a header line', () => {
    expect(isHeaderLine('BNS News, Cumbria', ['Gwen Pritchard'], 'BNS News')).toBe(true);
    expect(isHeaderLine('BNS News', [], 'BNS News')).toBe(true);
    expect(isHeaderLine('BNS News, Cumbria', [], null)).toBe(false);
    expect(isHeaderLine('BNS Newsround presenters visit the flooded valley school', [], 'BNS News')).toBe(false);
    // A short sentence is no date line, even when a note marker follows its full stop.
    expect(isHeaderLine('Customs says 4.4 million.[1]', [], null)).toBe(false);
  });

  it('reads taxonomy, player and button lines, not sentences that open alike', () => {
    for (const line of ['Category: Local news', 'Filed under: Housing, Investigations', 'Tags: drought, water', 'Rubrique : Société']) expect(isClassificationLine(line), line).toBe(true);
    expect(isClassificationLine('Section: 14 of the act allows the council to sell the land.')).toBe(false);
    for (const line of ['Listen to this article', 'Listen to this article · 7:12', 'Artikel anhören', '5 min listen', 'Enlarge this image', 'toggle caption', 'View larger image']) expect(isMediaControlLabel(line), line).toBe(true);
    expect(isMediaControlLabel('Enlarge this image of the council’s plan, residents asked.')).toBe(false);
    expect(isMediaControlLabel('Listen to this article’s authors on the podcast, the editor said.')).toBe(false);
    const button = (text: string): TiptapNode => ({ type: 'paragraph', content: [link(text)] });
    for (const label of ['Share Ledger Lines', 'Share', 'Share this post', 'Leave a comment', 'Subscribe now', 'Give a gift subscription']) expect(isButtonLink(button(label)), label).toBe(true);
    for (const headline of ['Share prices fall', 'Subscribers hit 2 million', 'Donate blood, minister urges']) expect(isButtonLink(button(headline)), headline).toBe(false);
    expect(isButtonLink({ type: 'paragraph', content: [textNode('Share Ledger Lines')] })).toBe(false);
  });

  it('reads a tips line addressed to the reader, not a quoted police appeal', () => {
    expect(isPrompt('If you have information about this story, contact us securely at tips@thecivicdesk.example.')).toBe(true);
    expect(isPrompt('Got a tip? Email us at news@courier.example')).toBe(true);
    expect(isPrompt('“If you have any information, please contact us on 101,” a police spokesperson said.')).toBe(false);
    expect(isPrompt('If you have information about the fire, police asked that you call 101.')).toBe(false);
  });

  it('drops a line with no letter or digit (a callout’s emoji), and the other lines, in an article', () => {
    const d: TiptapDoc = {
      type: 'doc',
      content: [{ type: 'heading', attrs: { level: 1 }, content: [textNode('Clinic plan')] }, paragraph(P[0]), paragraph('📌'), paragraph('Update, 6 November: the board suspended the plan.'), paragraph('Listen to this article'), paragraph(P[1]), paragraph('Category: Local news'), paragraph(P[2])],
    };
    expect(outline(tidyWebArticle(d, null).content)).toEqual(['heading1:Clinic plan', `paragraph:${P[0]}`, 'paragraph:Update, 6 November: the board suspended the plan.', `paragraph:${P[1]}`, `paragraph:${P[2]}`]);
  });
});

describe('a video player’s playlist', () => {
  it('drops "Now Playing" / "Up Next" with the video title each names, not a paragraph after the label', () => {
    const h1: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: [textNode('Warehouse fire')] };
    const d: TiptapDoc = { type: 'doc', content: [h1, paragraph('Now Playing'), paragraph('Warehouse fire shuts Route 9'), paragraph('Up Next'), paragraph('Morning weather: cooler with showers'), paragraph(P[0]), paragraph(P[1]), paragraph('Up next'), paragraph(P[2])] };
    expect(outline(tidyWebArticle(d, null).content)).toEqual(['heading1:Warehouse fire', `paragraph:${P[0]}`, `paragraph:${P[1]}`, `paragraph:${P[2]}`]);
  });
});

describe('sub-headings typed as bold paragraphs', () => {
  const bold = (text: string): TiptapNode => ({ type: 'paragraph', content: [textNode(text, [{ type: 'bold' }])] });
  const h1: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: [textNode('Clinic plan')] };
  const doc = (...content: TiptapNode[]): TiptapDoc => ({ type: 'doc', content: [h1, ...content] });

  it('reads a short all-bold line between paragraphs as a heading', () => {
    const list: TiptapNode = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('March 2027: board decision')] }] };
    const result = promoteBoldParagraphHeadings(doc(paragraph(P[0]), bold('What the board says'), paragraph(P[1]), bold('Timeline'), list, bold('What happens next?'), paragraph(P[2])));
    expect(outline(result.content)).toEqual(['heading1:Clinic plan', `paragraph:${P[0]}`, 'heading2:What the board says', `paragraph:${P[1]}`, 'heading2:Timeline', 'bulletList:', 'heading2:What happens next?', `paragraph:${P[2]}`]);
  });

  it('sets them under the article’s own h2 sub-headings', () => {
    const h2: TiptapNode = { type: 'heading', attrs: { level: 2 }, content: [textNode('Background')] };
    expect(outline(promoteBoldParagraphHeadings(doc(h2, paragraph(P[0]), bold('Residents not consulted'), paragraph(P[1]))).content)[3]).toBe('heading3:Residents not consulted');
  });

  it('leaves a bold sentence, a bold lead-in, a bold label, a bold link, a long bold question and a closing bold line', () => {
    const leadIn: TiptapNode = { type: 'paragraph', content: [textNode('LLANFOR –', [{ type: 'bold' }]), textNode(' At a packed meeting residents asked about buses.')] };
    const boldLink: TiptapNode = { type: 'paragraph', content: [textNode('Ambulance times worst in Wales', [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://x.example/a' } }])] };
    const input = doc(
      paragraph(P[0]),
      bold('The board will hold four public events before a final decision in March.'),
      paragraph(P[1]),
      leadIn,
      bold('Also read:'),
      paragraph(P[1]),
      boldLink,
      paragraph(P[2]),
      bold('Why did the board not tell the patients’ group before publishing its plan?'),
      paragraph(P[2]),
      bold('Consultation closes 28 February'),
    );
    expect(promoteBoldParagraphHeadings(input)).toBe(input);
  });
});
