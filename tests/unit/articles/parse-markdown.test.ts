import { describe, expect, it } from 'vitest';
import { ArticleParseError, parseArticle } from '@/lib/articles/parse-article';
import { allNodes, outline } from './doc-helpers';
import { assertValidForStarterKit } from './schema-check';

function parseMd(content: string) {
  const parsed = parseArticle({ format: 'markdown', content });
  assertValidForStarterKit(parsed.doc);
  expect(parsed.text).not.toContain('\r');
  return parsed;
}

describe('parseArticle — markdown', () => {
  it('maps headings (capped at level 3), paragraphs and takes the first h1 as title', () => {
    const { title, doc, text } = parseMd('# The Headline\r\n\r\nIntro line one\r\ncontinues.\r\n\r\n## Section\r\n\r\n#### Deep\r\n\r\n# Second h1\r\n');
    expect(title).toBe('The Headline');
    expect(outline(doc.content)).toEqual([
      'heading1:The Headline',
      'paragraph:Intro line one continues.',
      'heading2:Section',
      'heading3:Deep',
      'heading1:Second h1',
    ]);
    expect(text).toBe('The Headline\nIntro line one continues.\nSection\nDeep\nSecond h1');
  });

  it('returns a null title when there is no h1', () => {
    const { title, doc } = parseMd('## Only a section\n\nBody.');
    expect(title).toBeNull();
    expect(outline(doc.content)).toEqual(['heading2:Only a section', 'paragraph:Body.']);
  });

  it('keeps bold, italic and safe links as marks in StarterKit order', () => {
    const { doc } = parseMd('# T\n\nA **bold** and *it* and ***both*** [**site**](https://example.org/a?b=1&amp;c=2) <mail@example.org>');
    expect(doc.content[1].content).toEqual([
      { type: 'text', text: 'A ' },
      { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'it', marks: [{ type: 'italic' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'both', marks: [{ type: 'bold' }, { type: 'italic' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }, { type: 'bold' }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'mail@example.org', marks: [{ type: 'link', attrs: { href: 'mailto:mail@example.org' } }] },
    ]);
  });

  it('turns unsafe or relative links into plain text', () => {
    const { doc, text } = parseMd('# T\n\n[x](javascript:alert(1)) [y](data:text/html,hi) [z](/relative) [w](vbscript:msgbox)');
    expect(text).toBe('T\nx y z w');
    expect(allNodes(doc).flatMap((n) => n.marks ?? [])).toEqual([]);
  });

  it('drops raw HTML (keeping no tag, attribute or script text) and images; keeps code as text', () => {
    const { doc, text } = parseMd(
      '# T\n\nHi <span onclick="evil()">there</span> ![alt text](http://x/y.png) `<b>code</b>`\n\n<script>alert(1)</script>\n\n<div onmouseover="x()">\nblock html\n</div>\n\n```js\nconst a = 1;\nalert(a);\n```',
    );
    expect(text).toBe('T\nHi there <b>code</b>\nconst a = 1; alert(a);');
    const json = JSON.stringify(doc);
    expect(json).not.toMatch(/onclick|onmouseover|script|alt text|y\.png/);
  });

  it('maps blockquotes and (nested, ordered) lists to StarterKit nodes', () => {
    const { doc, text } = parseMd('# T\n\n> Quoted *claim*.\n>\n> Second.\n\n- one\n- two\n  - nested\n\n3. three\n4. four\n\n- - deep\n- ## heading item');
    expect(doc.content.map((n) => n.type)).toEqual(['heading', 'blockquote', 'bulletList', 'orderedList', 'bulletList']);
    expect(outline(doc.content[1].content ?? [])).toEqual(['paragraph:Quoted claim.', 'paragraph:Second.']);
    expect(doc.content[3].attrs).toEqual({ start: 3 });
    expect(doc.content[2].content?.[1].content?.map((n) => n.type)).toEqual(['paragraph', 'bulletList']);
    expect(text).toBe('T\nQuoted claim.\nSecond.\none\ntwo\nnested\nthree\nfour\n\ndeep\nheading item');
  });

  it('decodes character references in prose but not in code spans', () => {
    expect(parseMd('# A &amp; B\n\nPakistan&#8217;s &copy; \\&amp; `&amp;`').text).toBe('A & B\nPakistan’s © &amp; &amp;');
  });

  it('uses hard breaks for markdown line breaks and keeps tables as rows', () => {
    const { doc, text } = parseMd('# T\n\nline one  \nline two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(doc.content[1].content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(text).toBe('T\nline one line two\na | b\n1 | 2');
  });

  it('rejects empty input and input with no readable text', () => {
    expect(() => parseArticle({ format: 'markdown', content: ' \n\t\n' })).toThrow('The article is empty.');
    expect(() => parseArticle({ format: 'markdown', content: '<script>x</script>\n\n![](a.png)\n\n---' })).toThrow(ArticleParseError);
  });
});
