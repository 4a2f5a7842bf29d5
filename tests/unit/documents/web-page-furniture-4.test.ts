import { describe, expect, it } from 'vitest';
import { paragraph, textNode, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';
import { promoteBoldParagraphHeadings } from '@/lib/documents/bold-paragraph-headings';
import { withoutPrintedKicker, withoutWireVersionTag } from '@/lib/documents/page-metadata';
import { isBylineOnly, isCredit, isLinkLine, isPrompt, tidyWebArticle } from '@/lib/documents/tidy-web-article';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { CLINIC_PARAGRAPHS as P, clinicPage as page, importHtml } from '@/tests/support/rule-test-page';

// The rules the fifth saved-page probe (tests/fixtures/web-pages-4) asked for, each on its own,
// each with the look-alike that must stay.

describe('sub-headings set as styled blocks, not heading elements', () => {
  it('reads a div classed "subhead" (or a "crosshead" paragraph) between the text as a heading', async () => {
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><div class="subhead">Three clinics, one centre</div><p>${P[1]}</p><p class="story-crosshead">Buses twice a day</p><p>${P[2]}</p></div>`));
    expect(outline(result.doc.content)).toEqual(['heading1:Clinic plan published', `paragraph:${P[0]}`, 'heading2:Three clinics, one centre', `paragraph:${P[1]}`, 'heading2:Buses twice a day', `paragraph:${P[2]}`]);
  });

  it('leaves a standfirst classed as a subhead (a sentence) and a box title a paragraph', async () => {
    const result = await importHtml(page(`<p class="article__subhead">The board says the plan will save money and shorten waits.</p><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p>`));
    expect(outline(result.doc.content)).not.toContain('heading2:The board says the plan will save money and shorten waits.');
    expect(result.doc.content.filter((b) => b.type === 'heading' && b.attrs?.level === 2)).toEqual([]);
  });
});

describe('a key-facts box at the start or the end of the body', () => {
  const facts = '<h3>At a glance</h3><ul><li>Three clinics would close by 2028.</li><li>A new centre would open in Pentre Isaf.</li></ul>';

  it('is kept as the first element of the body, over a list, with the text after it', async () => {
    const result = await importHtml(page(`<div class="body"><aside class="quick-facts">${facts}</aside><p>${P[0]}</p><p>${P[1]}</p></div>`));
    expect(result.text).toContain('A new centre would open in Pentre Isaf.');
    expect(outline(result.doc.content).slice(0, 3)).toEqual(['heading1:Clinic plan published', 'heading3:At a glance', 'bulletList:']);
  });

  it('is kept as the last element of the body', async () => {
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><p>${P[1]}</p><aside class="quick-facts">${facts}</aside></div>`));
    expect(result.text).toContain('Three clinics would close by 2028.');
  });

  it('is kept closing the body as paragraphs under an explainer’s heading (a question, "Background")', async () => {
    const explainer = '<aside><h3>What is the energy tax?</h3><p>Finland taxes electricity in two classes, a higher one for households.</p><p>It is added to the bill per kilowatt hour.</p></aside>';
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><p>${P[1]}</p>${explainer}</div>`));
    expect(result.text).toContain('Finland taxes electricity in two classes');
    expect(outline(result.doc.content)).toContain('heading3:What is the energy tax?');
  });

  it('still drops an author bio (paragraphs, no list) closing the body and a box alone beside one paragraph', async () => {
    const bio = '<aside><h3>About the author</h3><p>Lena Varga has covered health for the paper since 2019 and lives in Halden.</p></aside>';
    const result = await importHtml(page(`<div class="body"><p>${P[0]}</p><p>${P[1]}</p>${bio}</div><div class="other"><p>${P[2]}</p><aside>${facts}</aside></div>`));
    expect(result.text).not.toMatch(/About the author|has covered health|At a glance|Three clinics would close/);
  });
});

describe('a bold sub-heading opening the body, under the picture', () => {
  const bold = (text: string): TiptapNode => ({ type: 'paragraph', content: [textNode(text, [{ type: 'bold' }])] });
  const h1: TiptapNode = { type: 'heading', attrs: { level: 1 }, content: [textNode('Clinic plan')] };
  const doc = (...content: TiptapNode[]): TiptapDoc => ({ type: 'doc', content: [h1, ...content] });

  it('is a heading when the article sets its other sub-headings the same way', () => {
    const result = promoteBoldParagraphHeadings(doc(bold('Queues that never end'), paragraph(P[0]), bold('Files never scanned'), paragraph(P[1])));
    expect(outline(result.content)).toEqual(['heading1:Clinic plan', 'heading2:Queues that never end', `paragraph:${P[0]}`, 'heading2:Files never scanned', `paragraph:${P[1]}`]);
  });

  it('stays a paragraph when it is the only bold line (a label or a standfirst)', () => {
    const input = doc(bold('Exclusive report'), paragraph(P[0]), paragraph(P[1]));
    expect(promoteBoldParagraphHeadings(input)).toBe(input);
  });
});

describe('a wire headline’s version tag and a kicker inside the <h1>', () => {
  it('drops "(LEAD)", "(2nd LD)", "UPDATE 2-", not a bracket that is the headline’s', () => {
    expect(withoutWireVersionTag('(LEAD) Seoul to expand childcare subsidy')).toBe('Seoul to expand childcare subsidy');
    expect(withoutWireVersionTag('(2nd LD) Seoul to expand childcare subsidy')).toBe('Seoul to expand childcare subsidy');
    expect(withoutWireVersionTag('UPDATE 2-Copper miners strike in Peru')).toBe('Copper miners strike in Peru');
    expect(withoutWireVersionTag('(Lead) poisoning cases rise in Seoul')).toBe('(Lead) poisoning cases rise in Seoul');
    expect(withoutWireVersionTag('UPDATE on the strike: talks resume')).toBe('UPDATE on the strike: talks resume');
  });

  it('imports an agency page under its headline without the tag', async () => {
    const result = await importHtml(
      `<!DOCTYPE html><html><head><title>(LEAD) Seoul to expand childcare subsidy | Agency</title><meta property="og:title" content="(LEAD) Seoul to expand childcare subsidy"></head><body><main><article><h1>(LEAD) Seoul to expand childcare subsidy</h1><p>${P[0]}</p><p>${P[1]}</p><p>${P[2]}</p></article></main></body></html>`,
    );
    expect(result.metadata.title).toBe('Seoul to expand childcare subsidy');
    expect(result.text).not.toContain('(LEAD)');
  });

  it('takes the declared title when the printed one only adds a short kicker before it', () => {
    expect(withoutPrintedKicker("Trains Why Germany's rail network keeps failing", ["Why Germany's rail network keeps failing"])).toBe("Why Germany's rail network keeps failing");
    expect(withoutPrintedKicker('Exclusive: Minister knew of the leak', ['Minister knew of the leak'])).toBe('Minister knew of the leak');
    // A declared title that is only the end of a longer printed headline is a shortened one: the printed stays.
    const printed = 'After three years of delays and two court cases, the clinic plan is published';
    expect(withoutPrintedKicker(printed, ['the clinic plan is published'])).toBe(printed);
    expect(withoutPrintedKicker('Clinic plan published', [undefined, 'Clinic plan published'])).toBe('Clinic plan published');
  });
});

describe('furniture lines the fifth probe found', () => {
  const linkLine = (before: string, link: string, after = ''): TiptapNode => ({
    type: 'paragraph',
    content: [textNode(before), textNode(link, [{ type: 'link', attrs: { href: 'https://x.example/a' } }]), ...(after ? [textNode(after)] : [])],
  });

  it('reads "Read more Subscribers only <link>" without a colon, not a sentence that opens alike', () => {
    expect(isLinkLine(linkLine('Read more Subscribers only ', 'Cruise ships told to cut their engines at quay'))).toBe(true);
    expect(isLinkLine(linkLine('Lire aussi ', 'Les paquebots devront couper leurs moteurs'))).toBe(true);
    expect(isLinkLine(linkLine('Read more about the plan on ', 'the council’s website', '.'))).toBe(false);
    expect(isLinkLine(linkLine('Read ', 'the full judgment'))).toBe(false);
  });

  it('reads an agency’s end mark and the reporter’s e-mail line as trailers, not a number or a sentence', () => {
    for (const line of ['(END)', '-ENDS-', '###', '-30-', 'jhkim@hanbitnews.example']) expect(isCredit(line), line).toBe(true);
    for (const line of ['30', 'The End', 'Write to jhkim@hanbitnews.example with your questions.', 'Translation matters to the court, the judge said.']) expect(isCredit(line), line).toBe(false);
  });

  it('reads an agency credit "(With inputs from PTI)" as a trailer, not a sentence about inputs', () => {
    expect(isCredit('(With inputs from agencies)')).toBe(true);
    expect(isCredit('With inputs from PTI')).toBe(true);
    expect(isCredit('With inputs from farmers, the board redrew the plan in March.')).toBe(false);
  });

  it('reads the site’s plug for its app as a prompt, not a sentence about an app', () => {
    expect(isPrompt('Catch all the Latest News, Bengaluru News and Cricket News on The Deccan Courier. Download the app to get daily updates.')).toBe(true);
    expect(isPrompt('Download the Courier app for breaking news alerts.')).toBe(true);
    expect(isPrompt('The ministry urged residents to download the app to report potholes.')).toBe(false);
    expect(isPrompt('Get the app right, the minister said, and the queues would go.')).toBe(false);
  });

  it('reads a translated edition’s notice as a trailer', () => {
    expect(isCredit('Translation of an original article published in French on lequotidien.example; the publisher may only be liable for the French version.')).toBe(true);
    expect(isCredit('Translated from the German by Anna Roth')).toBe(true);
    expect(isCredit('This article was originally published in German.')).toBe(true);
  });

  it('reads a byline with a bracketed role as the byline, not a sentence naming the author', () => {
    expect(isBylineOnly('By Claire Dumas and Hugo Lenoir (Marseille, correspondent)', ['Claire Dumas', 'Hugo Lenoir'])).toBe(true);
    expect(isBylineOnly('Hugo Lenoir (Marseille, correspondent)', ['Claire Dumas', 'Hugo Lenoir'])).toBe(true);
    expect(isBylineOnly('Hugo Lenoir (Marseille, correspondent) said the port would not comment.', ['Claire Dumas', 'Hugo Lenoir'])).toBe(false);
  });

  it('drops a wire’s service note to editors anywhere, keeps an editor’s note to readers', () => {
    const doc: TiptapDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [textNode('Clinic plan')] },
        paragraph('(ATTN: ADDS comments from the health ministry in paras 6-7)'),
        paragraph(P[0]),
        paragraph(P[1]),
        paragraph('Editor’s note: an earlier version of this story gave the wrong number of patients.'),
        paragraph(P[2]),
        paragraph('jhkim@hanbitnews.example'),
        paragraph('(END)'),
      ],
    };
    expect(outline(tidyWebArticle(doc, null).content)).toEqual([
      'heading1:Clinic plan',
      `paragraph:${P[0]}`,
      `paragraph:${P[1]}`,
      'paragraph:Editor’s note: an earlier version of this story gave the wrong number of patients.',
      `paragraph:${P[2]}`,
    ]);
  });
});
