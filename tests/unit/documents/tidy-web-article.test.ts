import { describe, expect, it } from 'vitest';
import { paragraph, textNode, type TiptapDoc, type TiptapNode } from '@/lib/articles/tiptap-doc';
import { isAdLabel, isCredit, isHeaderLine, isLinkLine, isPrompt, tidyWebArticle } from '@/lib/documents/tidy-web-article';
import { outline } from '@/tests/unit/articles/doc-helpers';

const BODY = [
  'The council confirmed on Monday that the bridge would stay closed until the end of the month for repairs.',
  'Engineers found corrosion in two of the four main cables during a routine inspection in March.',
  'A temporary ferry service will run every twenty minutes between the two banks from Wednesday.',
];
const h = (level: number, text: string): TiptapNode => ({ type: 'heading', attrs: { level }, content: [textNode(text)] });
const link = (text: string) => textNode(text, [{ type: 'link', attrs: { href: 'https://x.example/a' } }]);
const italic = (text: string): TiptapNode => ({ type: 'paragraph', content: [textNode(text, [{ type: 'italic' }])] });
const list = (...items: TiptapNode[][]): TiptapNode => ({ type: 'bulletList', content: items.map((c) => ({ type: 'listItem', content: [{ type: 'paragraph', content: c }] })) });
const doc = (...content: TiptapNode[]): TiptapDoc => ({ type: 'doc', content });
const tidy = (d: TiptapDoc, byline: string | null = 'Jane Roe, Omar Said') => outline(tidyWebArticle(d, byline).content);

describe('the page furniture Readability keeps is removed block by block', () => {
  it('drops the printed byline, date line, reading time and section label above the text, not the standfirst', () => {
    const standfirst = 'Repairs will take at least three weeks, the council says, after inspectors found corroded cables';
    const result = tidy(
      doc(
        h(1, 'Bridge to stay shut for a month'),
        paragraph('Transport'),
        paragraph(standfirst),
        paragraph('By Jane Roe and Omar Said · 3 March 2025 · 6 min read'),
        paragraph('Updated 9:47 PM UTC, June 2, 2025'),
        paragraph(BODY[0]),
        paragraph(BODY[1]),
      ),
    );
    expect(result).toEqual(['heading1:Bridge to stay shut for a month', `paragraph:${standfirst}`, `paragraph:${BODY[0]}`, `paragraph:${BODY[1]}`]);
  });

  it('stops looking for header lines once the text has begun', () => {
    const result = tidy(doc(h(1, 'Bridge'), paragraph(BODY[0]), paragraph(BODY[1]), paragraph('Council officers'), paragraph('12 March 2025')));
    expect(result).toHaveLength(5);
  });

  it('tells header lines from short sentences and standfirsts with dates', () => {
    const names = ['Jane Roe'];
    expect(isHeaderLine('Jane RoeNews reporter, Kelmouth', names)).toBe(true);
    expect(isHeaderLine('May 12, 20252:22 PM UTCUpdated 2 hours ago', names)).toBe(true);
    expect(isHeaderLine('Published 18 April 2025, 10:40am', names)).toBe(true);
    expect(isHeaderLine('Research paper', names)).toBe(true);
    expect(isHeaderLine('KYIV, Ukraine —', names)).toBe(false);
    expect(isHeaderLine('The minister resigned on 3 March 2025 after weeks of pressure over the contracts', names)).toBe(false);
    expect(isHeaderLine('Ministers met on 3 March.', names)).toBe(false);
    expect(isHeaderLine('Three things the council did not say', names)).toBe(false);
  });

  it('drops ad labels and rules between paragraphs wherever they are', () => {
    const result = tidy(doc(h(1, 'Bridge'), paragraph(BODY[0]), paragraph('Advertisement'), paragraph(BODY[1]), paragraph('SKIP ADVERTISEMENT'), paragraph('* * *'), paragraph('Story continues below advertisement'), paragraph(BODY[2])));
    expect(result).toEqual(['heading1:Bridge', ...BODY.map((b) => `paragraph:${b}`)]);
    for (const label of ['ADVERTISEMENT', 'Advertisement · Scroll to continue', 'Ad failed to load', 'Continue reading the main story', 'Sponsored content']) expect(isAdLabel(label), label).toBe(true);
    expect(isAdLabel('Advertisement revenue fell by a third')).toBe(false);
  });

  it('drops "Read more: <link>" lines, not a sentence that starts the same way with few links', () => {
    const readMore: TiptapNode = { type: 'paragraph', content: [textNode('Read more: '), link('Farmers protest water shortage for third week')] };
    const related: TiptapNode = { type: 'paragraph', content: [textNode('RELATED | ', [{ type: 'bold' }]), link('Ferry operator plans bigger ships')] };
    const sentence: TiptapNode = { type: 'paragraph', content: [textNode('More: the council also said that the ferry would be free for residents, '), link('the notice'), textNode(' says.')] };
    expect(isLinkLine(readMore)).toBe(true);
    expect(isLinkLine(related)).toBe(true);
    expect(isLinkLine(sentence)).toBe(false);
    expect(tidy(doc(h(1, 'Bridge'), paragraph(BODY[0]), readMore, paragraph(BODY[1]), related, sentence))).toHaveLength(4);
  });

  it('drops a "More on this story" heading with the headlines under it, and keeps a real section', () => {
    const result = tidy(
      doc(
        h(1, 'Bridge'),
        paragraph(BODY[0]),
        h(2, 'Related'),
        paragraph(BODY[1]),
        paragraph(BODY[2]),
        h(2, 'More on this story'),
        list([link('Port expansion approved despite objections'), textNode('Published 2 August 2024')], [link('Divers recover anchor')]),
      ),
    );
    expect(result).toEqual(['heading1:Bridge', `paragraph:${BODY[0]}`, 'heading2:Related', `paragraph:${BODY[1]}`, `paragraph:${BODY[2]}`]);
  });

  it('drops wire and print trailers — attribution, not claims — and keeps a correction', () => {
    const correction = 'Correction: An earlier version of this article misstated the length of the closure. It is four weeks, not three.';
    const result = tidy(
      doc(
        h(1, 'Bridge'),
        paragraph(BODY[0]),
        paragraph(BODY[1]),
        paragraph(correction),
        paragraph('Reporting by Jane Roe in Kelmouth and Omar Said in London; Editing by Mark Halden'),
        paragraph('Associated writer Kim Osei in Washington contributed to this report.'),
        paragraph('Published in Indus Daily, April 18th, 2025'),
        paragraph('A version of this article appears in print on Aug. 15, 2025, Section A, Page 14 with the headline: Bridge shut.'),
        paragraph('Follow the Ledger on WhatsApp for the latest news.'),
      ),
    );
    expect(result).toEqual(['heading1:Bridge', `paragraph:${BODY[0]}`, `paragraph:${BODY[1]}`, `paragraph:${correction}`]);
    expect(isCredit('Reporting by Luis Carrera in Tarel and Paula Ostrov in London; Editing by Mark Halden and Ines Duval')).toBe(true);
    expect(isCredit('Additional reporting by Kim Osei')).toBe(true);
    // A sentence that starts like a credit is text.
    expect(isCredit('Reporting by the regional broadcaster found that the council had known about the cables since 2021.')).toBe(false);
    expect(isCredit('Research by the institute shows that ferries carry fewer people in winter.')).toBe(false);
  });

  it('looks for credits only at the end, where they are printed', () => {
    const early = 'Additional reporting by Kim Osei';
    const result = tidy(doc(h(1, 'Bridge'), paragraph(BODY[0]), paragraph(BODY[2]), paragraph(early), ...Array.from({ length: 6 }, (_, i) => paragraph(`${BODY[1]} (${i})`))));
    expect(result).toContain(`paragraph:${early}`);
  });

  it('drops a note in italics under a closing rule, not an italic paragraph inside the text', () => {
    const note = 'The Press’s climate coverage receives financial support from private foundations. The Press is solely responsible for all content.';
    const result = tidy(doc(h(1, 'Bridge'), paragraph(BODY[0]), italic('This is what the inspectors wrote in their report to the council.'), paragraph(BODY[1]), paragraph('___'), italic(note)));
    expect(result).toEqual(['heading1:Bridge', `paragraph:${BODY[0]}`, 'paragraph:This is what the inspectors wrote in their report to the council.', `paragraph:${BODY[1]}`]);
  });

  it('returns the document unchanged when nothing is furniture', () => {
    const d = doc(h(1, 'Bridge'), ...BODY.map(paragraph));
    expect(tidyWebArticle(d, 'Jane Roe')).toBe(d);
  });

  it('knows ad labels and read-more lines in the languages of the desk’s sources', () => {
    for (const label of ['Anzeige', 'Werbung', 'Publicité', 'Publicidad', 'Pubblicità', 'Реклама', 'إعلان', 'اشتہار']) expect(isAdLabel(label), label).toBe(true);
    const line = (label: string, headline: string): TiptapNode => ({ type: 'paragraph', content: [textNode(label, [{ type: 'bold' }]), textNode(' '), link(headline)] });
    expect(isLinkLine(line('Lesen Sie auch:', 'Rheinbrücke für Lastwagen gesperrt'))).toBe(true);
    expect(isLinkLine(line('Lire aussi :', 'Pénurie de chauffeurs : les transporteurs alertent'))).toBe(true);
    expect(isLinkLine(line('مزید پڑھیں:', 'مون سون بارشوں سے صوبے میں 40 افراد جاں بحق'))).toBe(true);
  });

  it('takes a labelled headline whose link did not survive for a read-more line, not a labelled sentence', () => {
    expect(isLinkLine(paragraph('Read more: Farmers protest water shortage for third week'))).toBe(true);
    expect(isLinkLine(paragraph('More: the council said the ferry would be free for residents.'))).toBe(false);
  });

  it('drops a paywall prompt and a heading that ends the container with nothing under it', () => {
    const result = tidy(
      doc(h(1, 'Bridge'), paragraph(BODY[0]), paragraph(BODY[1]), paragraph('Subscribe to continue reading'), paragraph('This article is for subscribers. Get unlimited access for €1.'), paragraph('Already a subscriber? Log in'), h(2, 'Discussion about this post')),
    );
    expect(result).toEqual(['heading1:Bridge', `paragraph:${BODY[0]}`, `paragraph:${BODY[1]}`]);
    for (const prompt of ['Cet article est réservé aux abonnés.', 'Je m’abonne', 'Dieser Artikel ist nur für Abonnenten']) expect(isPrompt(prompt), prompt).toBe(true);
  });
});
