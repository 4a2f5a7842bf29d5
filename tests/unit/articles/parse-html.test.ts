import { describe, expect, it } from 'vitest';
import { ArticleParseError, parseArticle } from '@/lib/articles/parse-article';
import { allNodes, outline } from './doc-helpers';
import { assertValidForStarterKit } from './schema-check';

const ALLOWED_NODES = new Set(['doc', 'heading', 'paragraph', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'text', 'hardBreak']);
const ALLOWED_MARKS = new Set(['bold', 'italic', 'link']);

function parseHtml(content: string) {
  const parsed = parseArticle({ format: 'html', content });
  assertValidForStarterKit(parsed.doc);
  for (const node of allNodes(parsed.doc)) {
    expect(ALLOWED_NODES.has(node.type), node.type).toBe(true);
    for (const mark of node.marks ?? []) expect(ALLOWED_MARKS.has(mark.type), mark.type).toBe(true);
  }
  expect(parsed.text).not.toContain('\r');
  return parsed;
}

describe('parseArticle — html', () => {
  it('drops script contents entirely', () => {
    const { text, doc } = parseHtml('<h1>T</h1><p>before<script>alert(1)</script> after</p><script>alert(2)');
    expect(text).toBe('T\nbefore after');
    expect(JSON.stringify(doc)).not.toContain('alert');
  });

  it('drops images and their event handlers', () => {
    const { text, doc } = parseHtml('<h1>T</h1><p>a <img src=x onerror=alert(1)> b</p>');
    expect(text).toBe('T\na b');
    expect(JSON.stringify(doc)).not.toMatch(/onerror|alert|img/);
  });

  it('turns javascript: links into plain text', () => {
    const { doc, text } = parseHtml('<h1>T</h1><p><a href="javascript:alert(1)">x</a> <a href=" JaVa&#x09;Script:alert(1)">y</a></p>');
    expect(text).toBe('T\nx y');
    expect(doc.content[1].content).toEqual([{ type: 'text', text: 'x y' }]);
  });

  it('keeps safe links with only an href attribute', () => {
    const { doc } = parseHtml('<h1>T</h1><p><a href="https://e.org/?a=1&amp;b=2" onclick="x()" target="_top" style="color:red">ok</a> <a href="mailto:a@b.org">m</a> <a href="/rel">r</a></p>');
    expect(doc.content[1].content).toEqual([
      { type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'https://e.org/?a=1&b=2' } }] },
      { type: 'text', text: ' ' },
      { type: 'text', text: 'm', marks: [{ type: 'link', attrs: { href: 'mailto:a@b.org' } }] },
      { type: 'text', text: ' r' },
    ]);
  });

  it('removes event handler attributes from kept elements', () => {
    const { doc, text } = parseHtml('<h1 onmouseover="x()">T</h1><p onclick="steal()" style="x" class="c" id="i">Claim <b onclick="y()">bold</b></p>');
    expect(text).toBe('T\nClaim bold');
    expect(doc.content[1]).toEqual({ type: 'paragraph', content: [{ type: 'text', text: 'Claim ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }] });
    expect(JSON.stringify(doc)).not.toMatch(/onclick|steal|onmouseover|style|class/);
  });

  it('drops style, iframe, object, noscript and template contents', () => {
    const { text } = parseHtml(
      '<h1>T</h1><style>p{color:red}</style><iframe src="https://x">frame text</iframe><object data="x">obj</object><noscript><p>ns</p></noscript><template><p>tpl</p></template><p>kept</p>',
    );
    expect(text).toBe('T\nkept');
  });

  it('maps structure: headings capped at 3, blockquote, lists, br, b/strong/i/em', () => {
    const { doc, text } = parseHtml(
      `<h1>Head</h1><h2>Sec</h2><h5>Deep <em>x</em></h5><div>Loose<br>line<section><p>In <strong>s</strong> <i>i</i></p></section></div>
       <blockquote>Quote<p>para</p></blockquote><ul><li>one<li><p>two</p><ol start="4"><li>inner</li></ol></ul>`,
    );
    expect(outline(doc.content)).toEqual([
      'heading1:Head',
      'heading2:Sec',
      'heading3:Deep x',
      'paragraph:Loose line',
      'paragraph:In s i',
      'blockquote:',
      'bulletList:',
    ]);
    expect(doc.content[3].content?.map((n) => n.type)).toEqual(['text', 'hardBreak', 'text']);
    expect(outline(doc.content[5].content ?? [])).toEqual(['paragraph:Quote', 'paragraph:para']);
    const list = doc.content[6];
    expect(list.content?.map((li) => li.content?.map((n) => n.type))).toEqual([['paragraph'], ['paragraph', 'orderedList']]);
    expect(list.content?.[1].content?.[1].attrs).toEqual({ start: 4 });
    expect(text).toBe('Head\nSec\nDeep x\nLoose line\nIn s i\nQuote\npara\none\ntwo\ninner');
  });

  it('collapses whitespace, decodes entities and strips entity-encoded control characters', () => {
    const { text } = parseHtml('<h1>  A &amp;\n\t B </h1><p>\r\n Pakistan&#8217;s&nbsp;claim&#7;  &#13; here </p>');
    expect(text).toBe('A & B\nPakistan’s\u00A0claim here');
  });

  it('takes the first h1 as title, else <title> which becomes the headline', () => {
    expect(parseHtml('<title>Site</title><h2>x</h2><h1>Real</h1>').title).toBe('Real');
    const { title, doc } = parseHtml('<html><head><title>Doc &amp; title</title></head><body><p>Body.</p></body></html>');
    expect(title).toBe('Doc & title');
    expect(outline(doc.content)).toEqual(['heading1:Doc & title', 'paragraph:Body.']);
    expect(parseHtml('<p>No title.</p>').title).toBeNull();
  });

  it('makes list items start with a paragraph whatever the HTML put first', () => {
    const { doc, text } = parseHtml('<h1>T</h1><ul><li><blockquote>quoted</blockquote></li><li><h3>head</h3>tail</li><li><ul><li>deep</li></ul></li></ul>');
    expect(doc.content[1].content?.map((li) => li.content?.map((n) => n.type))).toEqual([
      ['paragraph'],
      ['paragraph', 'paragraph'],
      ['paragraph', 'bulletList'],
    ]);
    expect(text).toBe('T\nquoted\nhead\ntail\n\ndeep');
  });

  it('keeps body content after an unclosed <head>', () => {
    expect(parseHtml('<head><title>T</title><p>para').text).toBe('T\npara');
  });

  it('rejects empty or text-less HTML', () => {
    expect(() => parseArticle({ format: 'html', content: '  ' })).toThrow('The article is empty.');
    expect(() => parseArticle({ format: 'html', content: '<script>alert(1)</script><img src=x>' })).toThrow(ArticleParseError);
  });
});
