import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArticleParseError, parseArticle } from '@/lib/articles/parse-article';
import { blockText, outline as summary } from './doc-helpers';
import { assertValidForStarterKit } from './schema-check';

const FIXTURE = readFileSync('prisma/fixtures/un-militant-nexus-article.txt', 'utf8');

const SECTION_HEADINGS = [
  'A dangerous militant ecosystem',
  'Expanding alliances and shared sanctuaries',
  'Pakistan–Taliban tensions deepen',
  'The BLA TTP connection',
  'Weapons, funding, and unresolved challenges',
  'A complex road ahead',
];

function parseText(content: string) {
  const parsed = parseArticle({ format: 'text', content });
  assertValidForStarterKit(parsed.doc);
  return parsed;
}

describe('parseArticle — plain text', () => {
  it('parses the demo fixture into headline, 6 section headings and paragraphs', () => {
    const { title, doc, text } = parseText(FIXTURE);
    const lines = FIXTURE.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toHaveLength(24);

    expect(title).toBe('UN Flags Militant Nexus Threatening Pakistan');
    expect(doc.content[0]).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'UN Flags Militant Nexus Threatening Pakistan' }],
    });
    const h2 = doc.content.filter((n) => n.type === 'heading' && n.attrs?.level === 2).map(blockText);
    expect(h2).toEqual(SECTION_HEADINGS);
    const paragraphs = doc.content.filter((n) => n.type === 'paragraph');
    expect(paragraphs).toHaveLength(17);
    expect(doc.content).toHaveLength(24);
    // Every block is exactly one source line, in order.
    expect(doc.content.map(blockText)).toEqual(lines);
    expect(doc.content.every((n) => n.type === 'heading' || n.type === 'paragraph')).toBe(true);
    expect(paragraphs.map(blockText)).toEqual(lines.filter((l, i) => i > 0 && !SECTION_HEADINGS.includes(l)));

    expect(text).toBe(lines.join('\n'));
  });

  it('normalises CRLF, BOM, control characters, whitespace runs and blank lines', () => {
    const { doc, text } = parseText('\uFEFF  Head\u0007line  \r\n\r\n\r\nSome   body\ttext here.\r\nSection\u0000 two\r\n  Last one.  \r\n');
    expect(text).toBe('Headline\nSome body text here.\nSection two\nLast one.');
    expect(text).not.toContain('\r');
    expect(summary(doc.content)).toEqual(['heading1:Headline', 'paragraph:Some body text here.', 'heading2:Section two', 'paragraph:Last one.']);
  });

  it('treats short lines ending in sentence punctuation (datelines, quotes) as paragraphs', () => {
    const { doc } = parseText(
      [
        'Headline here',
        'ISLAMABAD, Dec. 3.',
        'He said: “No.”',
        'Why now?',
        'What comes next:',
        'A heading without a period',
        'Wow!',
        'Ellipsis…',
        '"Quoted heading"',
      ].join('\n'),
    );
    expect(summary(doc.content)).toEqual([
      'heading1:Headline here',
      'paragraph:ISLAMABAD, Dec. 3.',
      'paragraph:He said: “No.”',
      'paragraph:Why now?',
      'paragraph:What comes next:',
      'heading2:A heading without a period',
      'paragraph:Wow!',
      'paragraph:Ellipsis…',
      'heading2:"Quoted heading"',
    ]);
  });

  it('treats long unpunctuated lines as paragraphs', () => {
    const longLine = 'word '.repeat(20).trim();
    const { doc } = parseText(`Title\n${longLine}\n${'x'.repeat(81)}`);
    expect(summary(doc.content).map((s) => s.split(':')[0])).toEqual(['heading1', 'paragraph', 'paragraph']);
  });

  it('keeps the headline when it is the only line', () => {
    const { title, doc, text } = parseText('   Only a headline   ');
    expect(title).toBe('Only a headline');
    expect(summary(doc.content)).toEqual(['heading1:Only a headline']);
    expect(text).toBe('Only a headline');
  });

  it('is deterministic', () => {
    expect(parseArticle({ format: 'text', content: FIXTURE })).toEqual(parseArticle({ format: 'text', content: FIXTURE }));
  });

  it.each(['', '   ', '\n\r\n\t \n', '\uFEFF', '\u0000\u0001'])('rejects empty input %j with ArticleParseError', (content) => {
    let caught: unknown;
    try {
      parseArticle({ format: 'text', content });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArticleParseError);
    expect((caught as ArticleParseError).message).toBe('The article is empty.');
    expect((caught as ArticleParseError).code).toBe('empty');
  });

  it('rejects content over 1,000,000 characters but accepts exactly the limit', () => {
    const atLimit = `Title\n${'a'.repeat(1_000_000 - 6)}`;
    expect(atLimit).toHaveLength(1_000_000);
    expect(parseArticle({ format: 'text', content: atLimit }).title).toBe('Title');
    expect(() => parseArticle({ format: 'text', content: `${atLimit}b` })).toThrow(ArticleParseError);
    expect(() => parseArticle({ format: 'text', content: `${atLimit}b` })).toThrow(/too long/);
  });
});
