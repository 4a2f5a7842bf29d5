// A table on a web page, in an HTML fragment and on a saved news page: one paragraph per row, its
// cells joined by " | " (as a Markdown table's rows read), the header row its own paragraph, the
// caption a paragraph before it; a table used for layout (one column of whole paragraphs) keeps
// its paragraphs. The editor has no table node; these rows are the canonical text the reader,
// annotations and exports share. Gold written before the parser was changed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '@/lib/articles/parse-article';
import { importDocument } from '@/lib/documents/server/import-document';
import { allNodes, outline } from '@/tests/unit/articles/doc-helpers';
import { assertValidForStarterKit } from '@/tests/unit/articles/schema-check';

const TABLE = `<table class="data">
<caption>Trucks recorded at each border post, October 2026</caption>
<thead><tr><th>Border post</th><th>Trucks</th><th>Change on September</th></tr></thead>
<tbody>
<tr><td>Torkham</td><td>4,210</td><td>+12%</td></tr>
<tr><td><a href="https://example.org/chaman">Chaman</a></td><td><strong>2,980</strong></td><td>-4%</td></tr>
<tr><td>Ghulam Khan</td><td></td><td>closed</td></tr>
<tr>
  <td>Angoor Adda</td>
  <td>
    310
  </td>
  <td>+1%</td>
</tr>
</tbody>
</table>`;

const ROWS = ['Border post | Trucks | Change on September', 'Torkham | 4,210 | +12%', 'Chaman | 2,980 | -4%', 'Ghulam Khan | | closed', 'Angoor Adda | 310 | +1%'];

describe('tables on web pages', () => {
  it('reads a fragment’s table one paragraph per row, cells joined by " | ", marks kept', () => {
    const { doc, text } = parseArticle({ format: 'html', content: `<h1>Crossings</h1><p>The ministry published these figures.</p>${TABLE}<p>Traffic resumed on Monday.</p>` });
    assertValidForStarterKit(doc);
    expect(text.split('\n')).toEqual(['Crossings', 'The ministry published these figures.', 'Trucks recorded at each border post, October 2026', ...ROWS, 'Traffic resumed on Monday.']);
    const nodes = allNodes(doc);
    expect(nodes.some((n) => n.text === 'Chaman' && n.marks?.some((m) => m.type === 'link'))).toBe(true);
    expect(nodes.some((n) => n.text === '2,980' && n.marks?.some((m) => m.type === 'bold'))).toBe(true);
  });

  it('reads a table on a saved news page the same way', async () => {
    const page = `<!DOCTYPE html><html><head><title>Border traffic picks up | The Frontier Post</title></head><body>
<header class="site-header"><nav><a href="/">Home</a><a href="/world">World</a></nav></header>
<main><article>
<h1>Border traffic picks up as crossings reopen</h1>
<p>Truck traffic through the north-western border posts rose in October for the first time since the summer, according to figures released by the ministry of commerce on Friday.</p>
<p>Officials said the increase reflected the reopening of two crossings that had been closed for repairs, and warned that the figures for November would be lower because of snow on the passes.</p>
${TABLE}
<p>Traders in Peshawar said waiting times at Torkham had fallen from three days to less than one, although customs checks remained slow at the smaller posts.</p>
</article></main>
<footer class="site-footer"><p>© 2026 The Frontier Post. All rights reserved.</p></footer>
</body></html>`;
    const result = await importDocument({ kind: 'text', text: page, format: 'html' });
    expect(result.webPage).toBe(true);
    const lines = result.text.split('\n');
    const at = lines.indexOf(ROWS[0]!);
    expect(at, result.text).toBeGreaterThan(0);
    expect(lines.slice(at, at + ROWS.length)).toEqual(ROWS);
    expect(lines[at - 1]).toBe('Trucks recorded at each border post, October 2026');
    expect(result.text).not.toContain('All rights reserved');
  });

  it('reads the think-tank fixture page’s table by rows (it was one paragraph per cell)', async () => {
    const html = readFileSync('tests/fixtures/web-pages/thinktank.html', 'utf8');
    const lines = (await importDocument({ kind: 'text', text: html, format: 'html' })).text.split('\n');
    const at = lines.indexOf('Season | Sailings | Average premium');
    expect(lines.slice(at, at + 4)).toEqual(['Season | Sailings | Average premium', '2022–23 | 610 | 2.8%', '2023–24 | 690 | 1.6%', '2024–25 | 840 | 0.9%']);
    expect(lines[at - 1]).toBe('Each fall of one percentage point in premiums was associated with roughly 14 additional sailings a month, holding freight rates constant.');
  });

  it('keeps the cells after a spanning one in their columns: an empty place for each column or row it covers', () => {
    const { text } = parseArticle({
      format: 'html',
      content: `<h1>Casualties</h1><table>
<tr><th rowspan="2">Region</th><th rowspan="2">Province</th><th colspan="2">Casualties</th></tr>
<tr><th>Killed</th><th>Injured</th></tr>
<tr><td rowspan="2">North</td><td>Kessa</td><td>12</td><td>40</td></tr>
<tr><td>Harrow</td><td>3</td><td>17</td></tr>
<tr><td>South</td><td>Varda</td><td>0</td><td>5</td></tr>
</table>`,
    });
    expect(text.split('\n').slice(1)).toEqual(['Region | Province | Casualties', '| | Killed | Injured', 'North | Kessa | 12 | 40', '| Harrow | 3 | 17', 'South | Varda | 0 | 5']);
  });

  it('keeps the paragraphs of a table used for layout', () => {
    const { doc } = parseArticle({
      format: 'html',
      content: '<h1>Letter</h1><table><tr><td><p>First paragraph of the letter, which explains the decision.</p><p>Second paragraph, which thanks the committee.</p></td></tr></table>',
    });
    expect(outline(doc.content)).toEqual(['heading1:Letter', 'paragraph:First paragraph of the letter, which explains the decision.', 'paragraph:Second paragraph, which thanks the committee.']);
  });
});
