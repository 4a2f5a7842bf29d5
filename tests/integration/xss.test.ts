// Hostile text in every place a user can type it (article title/outlet/byline/URL, annotation note and
// source detail, reply, review comment) must come out of every export format as literal text — never
// as markup, a script, an event handler, an image or a javascript: link — and imported HTML/Markdown
// articles must be sanitised down to the reader's own node types with safe links only.
import { DomUtils, parseDocument } from 'htmlparser2';
import { marked } from 'marked';
import { beforeAll, describe, expect, it } from 'vitest';
import * as articleRoute from '@/app/api/articles/[id]/route';
import * as exportRoute from '@/app/api/articles/[id]/export/route';
import * as articlesRoute from '@/app/api/articles/route';
import { getDb } from '@/lib/db/server/prisma';
import { callRoute, callRouteRaw } from '@/tests/support/call-route';
import type { ArticleBody, CreatedArticleBody } from '@/tests/support/route-bodies';
import { createAnnotation, createReply, createReview, createTestUser, demoArticle, resetDatabase, SENTENCES, type TestUser } from '@/tests/support/fixtures';
import { readZip } from '@/tests/unit/export/zip';

/** One hostile line: raw HTML, an event handler, javascript: links (inline, HTML, autolink), an image, GFM autolinks. */
const hostile = (field: string) =>
  `${field} <script>alert("${field}")</script> <img src=x onerror=alert("${field}")> [click](javascript:alert("${field}")) ` +
  `<a href="javascript:alert('${field}')">a</a> ![pic](https://evil.example/${field}.png) <javascript:alert(1)> www.evil.example/${field} https://evil.example/${field} &lt;b&gt;`;

const FIELDS = {
  title: hostile('TITLE'),
  outlet: hostile('OUTLET'),
  byline: hostile('BYLINE'),
  sourceDetail: hostile('SOURCE'),
  note: hostile('NOTE'),
  reply: hostile('REPLY'),
  comment: hostile('COMMENT'),
};
// Multi-line note tricks: a reference-style link definition, a raw HTML block, a setext heading, a fence.
const NOTE_LINES = ['[ref][x] and [x]', '[x]: javascript:alert("REF")', '<div onmouseover="alert(1)">block</div>', '=cmd|"/c calc"!A1', '---', '```html', '<script>alert("FENCE")</script>'];
const ARTICLE_URL = 'javascript:alert("URL")';

const DANGEROUS_ELEMENTS = new Set(['script', 'img', 'iframe', 'frame', 'object', 'embed', 'svg', 'math', 'form', 'input', 'button', 'base', 'link', 'video', 'audio', 'source']);

/** Checks an HTML document: no active or remote content, only safe links; returns its decoded text. */
function assertInertHtml(html: string, label: string, { allowStyle = false } = {}): string {
  const doc = parseDocument(html);
  for (const el of DomUtils.findAll(() => true, doc.children)) {
    const name = el.name.toLowerCase();
    expect(DANGEROUS_ELEMENTS.has(name), `${label}: <${name}> element`).toBe(false);
    if (name === 'style') expect(allowStyle, `${label}: <style>`).toBe(true);
    if (name === 'meta') expect(Object.keys(el.attribs), `${label}: <meta> may only declare the charset/viewport`).not.toContain('http-equiv');
    for (const [attr, value] of Object.entries(el.attribs)) {
      expect(attr.toLowerCase().startsWith('on'), `${label}: ${attr}= on <${name}>`).toBe(false);
      if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attr.toLowerCase())) {
        const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        expect(v, `${label}: ${attr}="${value}"`).not.toMatch(/^(javascript|data|vbscript):/);
        expect(v, `${label}: a link from user text: ${attr}="${value}"`).not.toContain('evil.example');
      }
    }
  }
  return DomUtils.textContent(doc).replace(/\s+/g, ' ');
}

/** Every string inside a JSON value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) strings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) strings(v, out);
  return out;
}

/** RFC 4180 cells (quoted fields may hold commas, quotes and newlines). */
function csvCells(csv: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((c) => c.replace(/^\uFEFF/, ''));
}

describe('hostile user text in exports', () => {
  let user: TestUser;
  let articleId: string;
  const bodies = new Map<string, Buffer>();

  beforeAll(async () => {
    await resetDatabase();
    user = await createTestUser('ANALYST', { name: hostile('AUTHOR').slice(0, 60) });
    const reviewer = await createTestUser('REVIEWER', { name: 'Rhea <img src=x onerror=alert(1)>' });
    const { article, version } = await demoArticle();
    articleId = article.id;
    await getDb().article.update({ where: { id: article.id }, data: { title: FIELDS.title, outlet: FIELDS.outlet, byline: FIELDS.byline, url: ARTICLE_URL } });
    const annotation = await createAnnotation(user, SENTENCES.un, {
      on: { articleId: article.id, versionId: version.id, text: version.text },
      data: { note: `${FIELDS.note}\n${NOTE_LINES.join('\n')}`, sourceDetail: FIELDS.sourceDetail, status: 'DISPUTED' },
    });
    await createReply(annotation, reviewer, FIELDS.reply);
    await createReview(annotation, reviewer, 'DISPUTE', { comment: FIELDS.comment });

    for (const format of ['md', 'html', 'csv', 'jsonld', 'claimreview', 'docx']) {
      const res = await callRouteRaw(exportRoute.GET, `/api/articles/${article.id}/export?format=${format}&notes=1&replies=1&reviewers=1`, { token: user.token, params: { id: article.id } });
      expect(res.status, format).toBe(200);
      // The hostile title feeds the filename: it must stay a plain ASCII token (no header injection).
      expect(res.headers.get('content-disposition'), format).toMatch(/^attachment; filename="[A-Za-z0-9._-]+"$/);
      bodies.set(format, res.bytes);
    }
  });

  it('HTML: no script, handler, image or javascript: link; the text reads literally', () => {
    const text = assertInertHtml(bodies.get('html')!.toString('utf8'), 'html', { allowStyle: true });
    for (const [field, value] of Object.entries(FIELDS)) expect(text, field).toContain(value);
    for (const line of NOTE_LINES) expect(text).toContain(line);
    expect(text).toContain(ARTICLE_URL);
  });

  it('Markdown: rendered by a GFM renderer, nothing becomes markup or a link; the text reads literally', async () => {
    const md = bodies.get('md')!.toString('utf8');
    const rendered = await marked.parse(md, { gfm: true });
    const text = assertInertHtml(rendered, 'md→html');
    for (const [field, value] of Object.entries(FIELDS)) expect(text, field).toContain(value);
    for (const line of NOTE_LINES) expect(text, line).toContain(line);
    expect(text).toContain(ARTICLE_URL);
  });

  it('CSV: every value is one literal cell, formulas neutralised', () => {
    const cells = csvCells(bodies.get('csv')!.toString('utf8'));
    for (const cell of cells) expect(cell, `formula cell: ${cell.slice(0, 40)}`).not.toMatch(/^[=+\-@\t\r]/);
    const note = cells.find((c) => c.startsWith(FIELDS.note));
    expect(note).toBeDefined();
    for (const line of NOTE_LINES) expect(note).toContain(line);
    expect(cells.some((c) => c.includes(FIELDS.sourceDetail))).toBe(true);
    expect(cells.some((c) => c.includes(FIELDS.comment))).toBe(true);
  });

  it('JSON-LD and ClaimReview: the strings are the literal values; no javascript: URL anywhere', () => {
    for (const format of ['jsonld', 'claimreview']) {
      const all = strings(JSON.parse(bodies.get(format)!.toString('utf8')));
      for (const s of all) expect(s.replace(/[\u0000-\u0020]/g, '').toLowerCase(), `${format}: ${s.slice(0, 60)}`).not.toMatch(/^(javascript|data|vbscript):/);
      expect(all.some((s) => s.includes(FIELDS.title)), `${format}: title`).toBe(true);
      if (format === 'jsonld') {
        for (const field of ['note', 'sourceDetail'] as const) expect(all.some((s) => s.includes(FIELDS[field])), `${format}: ${field}`).toBe(true);
      }
    }
  });

  it('DOCX: the values are text runs; no hyperlink or field points at javascript:', () => {
    const zip = readZip(bodies.get('docx')!);
    const xml = zip.get('word/document.xml')!.toString('utf8');
    const doc = parseDocument(xml, { xmlMode: true });
    const runs = DomUtils.findAll((el) => el.name === 'w:t', doc.children).map((el) => DomUtils.textContent(el));
    const text = runs.join('');
    for (const [field, value] of Object.entries(FIELDS)) expect(text, field).toContain(value);
    expect(DomUtils.findAll((el) => el.name === 'w:instrText' || el.name === 'w:fldSimple', doc.children).map((el) => DomUtils.textContent(el) + JSON.stringify(el.attribs)).join(' ')).not.toMatch(/javascript:|evil\.example/i);
    for (const [name, file] of zip) {
      if (name.endsWith('.rels')) expect(file.toString('utf8'), name).not.toMatch(/Target="\s*(javascript|data|vbscript):|evil\.example/i);
    }
  });
});

describe('imported articles are sanitised', () => {
  const ALLOWED_NODES = new Set(['doc', 'heading', 'paragraph', 'text', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'hardBreak', 'horizontalRule', 'codeBlock']);
  const ALLOWED_MARKS = new Set(['bold', 'italic', 'link', 'code', 'strike', 'underline']);

  type PmNode = { type: string; attrs?: Record<string, unknown>; marks?: Array<{ type: string; attrs?: Record<string, unknown> }>; content?: PmNode[]; text?: string };

  function assertSafeDoc(node: PmNode, label: string) {
    expect(ALLOWED_NODES.has(node.type), `${label}: node ${node.type}`).toBe(true);
    for (const key of Object.keys(node.attrs ?? {})) expect(['level', 'start', 'type', 'language'].includes(key), `${label}: attr ${key} on ${node.type}`).toBe(true);
    for (const mark of node.marks ?? []) {
      expect(ALLOWED_MARKS.has(mark.type), `${label}: mark ${mark.type}`).toBe(true);
      if (mark.type === 'link') expect(String(mark.attrs?.href ?? ''), `${label}: link`).toMatch(/^(https?:|mailto:)/i);
    }
    for (const child of node.content ?? []) assertSafeDoc(child, label);
  }

  async function importAndRead(user: TestUser, format: 'html' | 'markdown', content: string) {
    const created = await callRoute<CreatedArticleBody>(articlesRoute.POST, '/api/articles', { method: 'POST', token: user.token, json: { format, content } });
    expect(created.status, JSON.stringify(created.data)).toBe(201);
    const id = created.data.article.id;
    const read = await callRoute<ArticleBody>(articleRoute.GET, `/api/articles/${id}`, { token: user.token, params: { id } });
    // The version's doc is typed `unknown` by the API; PmNode is the shape the assertions below walk.
    return { article: read.data.article, version: { ...read.data.version, doc: read.data.version.doc as PmNode } };
  }

  it('HTML: scripts, handlers, frames, SVG, styles and unsafe links are gone; the prose stays', async () => {
    await resetDatabase();
    const user = await createTestUser();
    const { article, version } = await importAndRead(
      user,
      'html',
      `<html><head><title>T</title><script>alert("head")</script><style>body{background:url(javascript:alert(1))}</style><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>
       <body onload="alert('body')"><h1 onclick="alert(1)">Headline <script>alert("h1")</script>here</h1>
       <p style="background:url(javascript:alert(1))">First <b onmouseover="alert(2)">bold</b> and <a href="javascript:alert(3)">a js link</a>,
        <a href=" JaVa&#x09;ScRiPt:alert(4)">an obfuscated one</a>, <a href="data:text/html,<script>alert(5)</script>">data</a>,
        <a href="https://example.com/ok" onclick="alert(6)" target="_blank">a good one</a>.</p>
       <img src=x onerror="alert(7)"><svg onload="alert(8)"><text>svg text</text></svg><iframe src="javascript:alert(9)"></iframe>
       <object data="x.swf"></object><embed src="x.swf"><form action="javascript:alert(10)"><input value="in"></form>
       <p>Second &lt;script&gt;alert("literal")&lt;/script&gt; paragraph.</p><noscript><img src=x onerror=alert(11)></noscript><template><script>alert(12)</script></template></body></html>`,
    );
    assertSafeDoc(version.doc, 'html');
    const serialised = JSON.stringify(version.doc);
    expect(serialised).not.toMatch(/onerror|onclick|onload|onmouseover|javascript:|data:text|alert\((?:"(?:head|h1)"|\d+)\)|svg text|swf/i);
    expect(article.title).toBe('Headline here');
    expect(version.text).toContain('First bold and a js link, an obfuscated one, data, a good one.');
    // Escaped markup in the source is article text, kept literally (and rendered as text by the reader).
    expect(version.text).toContain('Second <script>alert("literal")</script> paragraph.');
    expect(serialised).toContain('"href":"https://example.com/ok"');
  });

  it('Markdown: raw HTML is text or dropped, javascript:/data: links lose their href', async () => {
    await resetDatabase();
    const user = await createTestUser();
    const { version } = await importAndRead(
      user,
      'markdown',
      [
        '# Headline',
        '',
        'Text <script>alert(1)</script> and <img src=x onerror=alert(2)> inline.',
        '',
        '[inline js](javascript:alert(3)) [ref js][r] <javascript:alert(4)> [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com/fine)',
        '',
        '[r]: javascript:alert(5)',
        '',
        '<div onmouseover="alert(6)">raw block</div>',
        '',
        '![image](https://evil.example/i.png)',
      ].join('\n'),
    );
    assertSafeDoc(version.doc, 'markdown');
    const links = JSON.stringify(version.doc).match(/"href":"[^"]*"/g) ?? [];
    expect(links).toContain('"href":"https://example.com/fine"');
    for (const link of links) expect(link).toMatch(/^"href":"(https?:|mailto:)[^"]*"$/);
    expect(JSON.stringify(version.doc)).not.toMatch(/onerror|onmouseover|"type":"image"/);
  });
});
