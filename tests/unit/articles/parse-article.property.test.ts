import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalTextOf } from '@/lib/anchoring/canonical-text';
import { ArticleParseError, parseArticle, type ArticleFormat } from '@/lib/articles/parse-article';
import { allNodes } from './doc-helpers';
import { assertValidForStarterKit } from './schema-check';

// Fragments that exercise each format's syntax, mixed with arbitrary (including control) characters.
const PIECES = [
  '\n', '\r\n', '\n\n', ' ', '\t', '\u0000', '\uFEFF', '.', 'word', 'Short heading', 'A sentence.', '“quoted.”',
  '# ', '## ', '> ', '- ', '1. ', '**', '*', '`', '[l](http://a.b)', '[j](javascript:x)', '<b>', '</b>', '<p>', '</p>',
  '<li>', '<ul>', '</ul>', '<ol start="x">', '<h1>', '</h1>', '<script>', '</script>', '<a href="javascript:1">', '</a>',
  '<a href="https://e.org">', '<br>', '<blockquote>', '&amp;', '&#7;', '&#13;', '<img src=x onerror=y>', '<title>', '</title>',
];
const content = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string()), { maxLength: 40 }).map((parts) => parts.join(''));
const format = fc.constantFrom<ArticleFormat>('text', 'markdown', 'html');

describe('parseArticle — properties', () => {
  it('always yields a StarterKit-valid doc with canonical text, or an ArticleParseError', () => {
    fc.assert(
      fc.property(format, content, (fmt, input) => {
        let parsed: ReturnType<typeof parseArticle>;
        try {
          parsed = parseArticle({ format: fmt, content: input });
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleParseError);
          return;
        }
        assertValidForStarterKit(parsed.doc);
        expect(parsed.text).toBe(canonicalTextOf(parsed.doc));
        expect(parsed.text).not.toMatch(/[\r\u0000-\u0008]/);
        expect(parsed.doc.content.length).toBeGreaterThan(0);
        for (const node of allNodes(parsed.doc)) {
          for (const mark of node.marks ?? []) {
            if (mark.type === 'link') expect(String(mark.attrs?.href)).toMatch(/^(https?|mailto):/i);
          }
        }
        if (fmt === 'text') expect(parsed.doc.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
        expect(parseArticle({ format: fmt, content: input })).toEqual(parsed);
      }),
      { numRuns: 600, seed: 20240601 },
    );
  });
});
