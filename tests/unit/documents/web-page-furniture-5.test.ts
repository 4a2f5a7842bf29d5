import { describe, expect, it } from 'vitest';
import { paragraph, textNode, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';
import { promoteBoldParagraphHeadings } from '@/lib/documents/bold-paragraph-headings';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { CLINIC_PARAGRAPHS as P, clinicPage as page, importHtml } from '@/tests/support/rule-test-page';

// The rules the sixth saved-page probe (tests/fixtures/web-pages-5) asked for, each on its own,
// each with the look-alike that must stay.

describe('a list of links to places on the same page (contents, "Key events")', () => {
  it('goes, with the box left holding only its heading', async () => {
    const result = await importHtml(page(`<section class="summary"><h2>Key events</h2><ul><li><a href="#e2">Buses twice a day</a></li><li><a href="#e1">Plan published</a></li></ul></section><div class="body"><p>${P[0]}</p><h2>Buses twice a day</h2><p>${P[1]}</p><p>${P[2]}</p></div>`));
    expect(outline(result.doc.content)).toEqual(['heading1:Clinic plan published', `paragraph:${P[0]}`, 'heading2:Buses twice a day', `paragraph:${P[1]}`, `paragraph:${P[2]}`]);
  });

  it('goes when its links spell out the page’s own address (a page saved with absolute links)', async () => {
    const url = 'https://courier.example/news/clinic-plan';
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><ul><li><a href="${url}#e2">Buses twice a day</a></li><li><a href="${url}#e1">Plan published</a></li></ul><p>${P[1]}</p><p>${P[2]}</p></div>`, `<link rel="canonical" href="${url}">`));
    expect(outline(result.doc.content)).toEqual(['heading1:Clinic plan published', `paragraph:${P[0]}`, `paragraph:${P[1]}`, `paragraph:${P[2]}`]);
  });

  it('keeps a list of facts in which one item is a link to the page’s map or a section', async () => {
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><ul><li>Three clinics would close by 2028 (<a href="#map">map</a>).</li><li><a href="#centre">A new centre</a></li></ul><p>${P[1]}</p><p>${P[2]}</p></div>`));
    expect(result.text).toContain('Three clinics would close by 2028');
    expect(result.text).toContain('A new centre');
  });
});

describe('a class-styled sub-heading with a link in it', () => {
  it('is a heading when the link is a word of it (a topic tag)', async () => {
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><div class="story-subhead"><a href="/topic/buses">Buses</a> twice a day</div><p>${P[1]}</p><p>${P[2]}</p></div>`));
    expect(outline(result.doc.content)).toContain('heading2:Buses twice a day');
  });

  it('is not a heading when it is all link (a pointer to another story)', async () => {
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><div class="story-subhead"><a href="/news/other">Buses twice a day</a></div><p>${P[1]}</p><p>${P[2]}</p></div>`));
    expect(outline(result.doc.content)).not.toContain('heading2:Buses twice a day');
  });
});

describe('a sub-heading set as two bold paragraphs', () => {
  const bold = (text: string): TiptapNode => ({ type: 'paragraph', content: [textNode(text, [{ type: 'bold' }])] });
  const h1: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: [textNode('Clinic plan')] };
  const doc = (...content: TiptapNode[]): TiptapDoc => ({ type: 'doc', content: [h1, ...content] });

  it('is one heading between blocks of text', () => {
    const result = promoteBoldParagraphHeadings(doc(paragraph(P[0]), bold('Queues that'), bold('never end'), paragraph(P[1])));
    expect(outline(result.content)).toEqual(['heading1:Clinic plan', `paragraph:${P[0]}`, 'heading2:Queues that never end', `paragraph:${P[1]}`]);
  });

  it('is one heading right under the first paragraph (not the page’s section label)', async () => {
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><p><strong>Queues that</strong></p><p><strong>never end</strong></p><p>${P[1]}</p><p>${P[2]}</p></div>`));
    expect(outline(result.doc.content)).toEqual(['heading1:Clinic plan published', `paragraph:${P[0]}`, 'heading2:Queues that never end', `paragraph:${P[1]}`, `paragraph:${P[2]}`]);
  });

  it('stays apart when a sentence ends the first line, or too long together', () => {
    const sentence = doc(paragraph(P[0]), bold('The board will vote.'), bold('Queues that never end'), paragraph(P[1]));
    expect(outline(promoteBoldParagraphHeadings(sentence).content)).toContain('paragraph:The board will vote.');
    const long = doc(paragraph(P[0]), bold('Queues that never end at the three clinics'), bold('and files that nobody has ever scanned'), paragraph(P[1]));
    expect(outline(promoteBoldParagraphHeadings(long).content)).not.toContain('heading2:Queues that never end at the three clinics and files that nobody has ever scanned');
  });
});

describe('a summary box of paragraphs only at the body’s edge', () => {
  const box = (title: string) => `<aside><p><strong>${title}</strong></p><p>Three clinics would close by 2028.</p><p>A new centre would open in Pentre Isaf.</p></aside>`;

  it('is kept opening or closing the body, its bold first line its title', async () => {
    const opening = await importHtml(page(`<div class="body">${box('The plan in brief')}<p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p></div>`));
    expect(opening.text).toContain('Three clinics would close by 2028.');
    const closing = await importHtml(page(`<div class="body"><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p>${box('The plan in brief')}</div>`));
    expect(closing.text).toContain('A new centre would open in Pentre Isaf.');
  });

  it('still drops a box about the writer, a box with no title, and a box beside one paragraph', async () => {
    const bio = await importHtml(page(`<div class="body"><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p>${box('About the author')}</div>`));
    expect(bio.text).not.toContain('Three clinics would close');
    const untitled = await importHtml(page(`<div class="body"><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p><aside><p>Three clinics would close by 2028.</p><p>A new centre would open in Pentre Isaf.</p></aside></div>`));
    expect(untitled.text).not.toContain('Three clinics would close');
    const lone = await importHtml(page(`<div class="body"><p>${P[0]}</p></div><div class="other"><p>${P[1]}</p>${box('The plan in brief')}</div>`));
    expect(lone.text).not.toContain('Three clinics would close');
  });
});
