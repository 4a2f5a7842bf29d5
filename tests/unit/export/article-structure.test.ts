// The brief's article section is the stored document, not text re-cut into lines: a list stays a
// list, a quote a quote, bold and links survive — in HTML (and so the PDF, which prints it),
// Markdown and DOCX — with claim markers where the claims end; right-to-left blocks say so.
import { describe, expect, it } from 'vitest';
import { Lexer } from 'marked';
import { canonicalTextOf } from '@/lib/anchoring/canonical-text';
import type { TiptapDoc } from '@/lib/articles/tiptap-doc';
import { insertClaimMarkers } from '@/lib/export/article-with-markers';
import { buildBrief } from '@/lib/export/build-brief';
import { DEFAULT_BRIEF_OPTIONS, type BriefInput } from '@/lib/export/brief-input';
import { toDocx } from '@/lib/export/to-docx';
import { toHtml } from '@/lib/export/to-html';
import { toMarkdown } from '@/lib/export/to-markdown';
import { buildFixture } from './fixture';
import { readZip } from './zip';

const t = (text: string, marks?: Array<{ type: string; attrs?: Record<string, unknown> }>) => (marks ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: ReturnType<typeof t>[]) => ({ type: 'paragraph', content });
const URDU = 'سرحدی حکام نے منگل کو تصدیق کی کہ گزرگاہ دوبارہ کھول دی گئی ہے۔';

const DOC: TiptapDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [t('Crossing reopens')] },
    p(t('The agreement, published by the '), t('United Nations', [{ type: 'link', attrs: { href: 'https://un.example/S-2026-881' } }]), t(', sets out '), t('three steps', [{ type: 'bold' }]), t(':')),
    {
      type: 'bulletList',
      content: ['Grain shipments resumed under escort.', 'Medical supplies were cleared within hours.', 'Passenger traffic remains suspended.'].map((item) => ({ type: 'listItem', content: [p(t(item))] })),
    },
    { type: 'heading', attrs: { level: 2 }, content: [t('Reaction')] },
    { type: 'blockquote', content: [p(t('We will not allow the crossing to be used as a weapon.'))] },
    p(t(URDU)),
  ],
};

function input(): BriefInput {
  const base = buildFixture();
  const text = canonicalTextOf(DOC);
  const claim = (id: string, exact: string, number: number) => {
    const start = text.indexOf(exact);
    const template = base.annotations[number]!;
    return { ...template, id, start, end: start + exact.length, exact, prefix: '', suffix: '', anchorState: 'exact' as const };
  };
  return {
    ...base,
    version: { ...base.version, text, doc: DOC, pages: [{ page: 1, label: '1', start: 0 }, { page: 2, label: '2', start: text.indexOf('Reaction') }] },
    annotations: [claim('c-list', 'Medical supplies were cleared within hours.', 0), claim('c-quote', 'used as a weapon', 1), claim('c-urdu', URDU.slice(0, 20), 2)],
  };
}

describe('the brief renders the stored article document', () => {
  const brief = buildBrief(input(), DEFAULT_BRIEF_OPTIONS);
  const number = (id: string) => brief.claims.find((c) => c.id === id)!.number;

  it('puts each marker where its claim ends, through the position map', () => {
    const text = brief.blocks.map((b) => b.parts.map((part) => (part.kind === 'text' ? part.text : '')).join('')).join('\n');
    expect(text).toBe(canonicalTextOf(DOC));
    const listItem = brief.blocks.find((b) => b.parts.some((part) => part.kind === 'marker' && part.numbers.includes(number('c-list'))))!;
    expect(listItem.parts).toEqual([{ kind: 'text', text: 'Medical supplies were cleared within hours.' }, { kind: 'marker', numbers: [number('c-list')] }]);
    expect(brief.claims.map((c) => [c.id, c.page])).toEqual([['c-list', 'p. 1'], ['c-quote', 'p. 2'], ['c-urdu', 'p. 2']]);
  });

  it('HTML (and the PDF printed from it): a real list, quote, heading, bold and link, dir="auto" per block', () => {
    const html = toHtml(brief);
    const article = html.slice(html.indexOf('<div class="article-body">'));
    expect(article).toMatch(/<ul dir="auto"><li dir="auto"><p dir="auto">Grain shipments resumed under escort\.<\/p><\/li><li dir="auto"><p dir="auto">Medical supplies were cleared within hours\.<sup id="ref-1"><a href="#claim-1">\[1\]<\/a><\/sup><\/p><\/li><li dir="auto"><p dir="auto">Passenger traffic remains suspended\.<\/p><\/li><\/ul>/);
    expect(article).toContain('<blockquote dir="auto"><p dir="auto">We will not allow the crossing to be used as a weapon<sup id="ref-2">');
    // Headings two levels down: the brief's own title is the page's only h1.
    expect(article).toContain('<h3 dir="auto">Crossing reopens</h3>');
    expect(article).toContain('<h4 dir="auto">Reaction</h4>');
    expect(article).toContain('<strong>three steps</strong>');
    expect(article).toContain('<a href="https://un.example/S-2026-881">United Nations</a>');
    expect(article).toContain(`<p dir="auto">${URDU.slice(0, 20)}<sup id="ref-3">`);
    expect(html).toContain('<dt>Page</dt><dd>p. 2</dd>');
  });

  it('Markdown: the list parses as a list, the quote as a quote, with footnote markers', () => {
    const md = toMarkdown(brief);
    const section = md.slice(md.indexOf('## Article text'));
    const tokens = Lexer.lex(section);
    const types = tokens.map((tok) => tok.type).filter((type) => type !== 'space');
    expect(types).toEqual(['heading', 'heading', 'paragraph', 'list', 'heading', 'blockquote', 'paragraph', 'paragraph']);
    const list = tokens.find((tok) => tok.type === 'list') as { items: Array<{ text: string }>; ordered: boolean };
    expect(list.ordered).toBe(false);
    expect(list.items.map((i) => i.text)).toEqual(['Grain shipments resumed under escort.', 'Medical supplies were cleared within hours.[^1]', 'Passenger traffic remains suspended.']);
    expect(section).toContain('**three steps**');
    expect(section).toContain('[United Nations](<https://un.example/S-2026-881>)');
    expect(md).toContain('- **Page:** p. 2');
  });

  it('DOCX: list items are numbered Word list paragraphs, the Urdu paragraph is right-to-left', async () => {
    const files = readZip(await toDocx(brief));
    const xml = files.get('word/document.xml')!.toString('utf8');
    const article = xml.slice(xml.indexOf('Article text'));
    const paragraphs = article.split('</w:p>');
    const listParagraphs = paragraphs.filter((para) => para.includes('<w:numPr>'));
    expect(listParagraphs.map((para) => para.replace(/<[^>]+>/g, ''))).toEqual(['Grain shipments resumed under escort.', 'Medical supplies were cleared within hours.[1]', 'Passenger traffic remains suspended.']);
    expect(files.get('word/numbering.xml')!.toString('utf8')).toContain('w:val="bullet"');
    const urdu = paragraphs.find((para) => para.includes(URDU.slice(0, 10)))!;
    expect(urdu).toContain('<w:bidi/>');
    expect(urdu).toContain('<w:rtl/>');
    expect(article).toMatch(/<w:b\/>[\s\S]*?three steps/);
    expect(article).toContain('w:anchor="claim_1"');
    expect(xml).toMatch(/Page: <\/w:t>[\s\S]*?p\. 2/);
  });

  it('keeps claims ending on a block boundary in the block they end in', () => {
    const doc = insertClaimMarkers(DOC, new Map([[canonicalTextOf(DOC).indexOf('\nReaction'), [9]]]));
    const list = doc.content[2]!;
    const last = list.content!.at(-1)!.content![0]!.content!;
    expect(last.at(-1)).toEqual({ type: 'claimMarker', attrs: { numbers: [9] } });
  });
});
