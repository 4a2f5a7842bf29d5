// What the PDF table finder must and must not take for a table, on synthetic pages (positioned text
// as pdf.js gives it): columns of prose, numbered paragraphs with their number at a tab, footnotes,
// "(a)" sub-paragraphs are no tables; a two-column list of figures and a table whose header runs
// over two lines are.
import { describe, expect, it } from 'vitest';
import { layoutPdfText, type PdfTextItem } from '@/lib/documents/pdf-layout';

const H = 800;
/** An item as pdf.js reports it; `top` counts down from the top of the page, widths are Times-like. */
const item = (str: string, x: number, top: number, size = 10): PdfTextItem => ({ str, x, y: H - top, width: str.length * size * 0.45, fontSize: size });
const page = (items: PdfTextItem[]) => [{ number: 1, label: '1', width: 600, height: H, items }];
const textOf = (items: PdfTextItem[]) => layoutPdfText(page(items)).text;

const WORDS = 'the council reviewed the figures sent by provincial offices and found them consistent with its records except in northern districts where crossings were counted twice during spring and again in autumn of the year under review'.split(' ');
/** Lines of running prose at most `chars` characters long, lowercase openings as a wrapped paragraph has. */
function proseLines(n: number, chars: number, from = 0): string[] {
  const out: string[] = [];
  let w = from;
  for (let i = 0; i < n; i++) {
    let line = WORDS[w++ % WORDS.length]!;
    while (line.length + 1 + WORDS[w % WORDS.length]!.length <= chars) line += ` ${WORDS[w++ % WORDS.length]}`;
    out.push(i === 0 ? line[0]!.toUpperCase() + line.slice(1) : line);
  }
  return out;
}

describe('the PDF table finder', () => {
  it('reads three columns of prose column by column, not as a table', () => {
    // Each column one paragraph, ending its sentence.
    const cols = [proseLines(12, 34, 0), proseLines(12, 34, 7), proseLines(12, 34, 19)].map((lines) => [...lines.slice(0, -1), `${lines.at(-1)}.`]);
    const items = cols.flatMap((lines, c) => lines.map((l, i) => item(l, 60 + c * 170, 100 + i * 12)));
    const text = textOf(items);
    expect(text).not.toContain(' | ');
    expect(text.split('\n')).toEqual(cols.map((lines) => lines.join(' ')));
  });

  it('keeps numbered paragraphs whose text hangs at a tab stop, footnotes and "(a)" sub-paragraphs as paragraphs', () => {
    const items: PdfTextItem[] = [];
    let top = 100;
    for (const n of [12, 13, 14]) {
      const lines = proseLines(3, 70, n);
      items.push(item(`${n}.`, 60, top));
      lines.forEach((l, i) => items.push(item(l, 90, top + i * 12)));
      top += 3 * 12 + 8;
    }
    for (const label of ['(a)', '(b)', '(c)']) {
      items.push(item(label, 90, top), item(`the ${label} item of the list;`, 120, top));
      top += 12;
    }
    for (const n of ['1', '2', '3']) {
      items.push(item(n, 60, 700 + Number(n) * 10, 8), item(`Note ${n} on a source the Panel consulted in the capital.`, 72, 700 + Number(n) * 10, 8));
    }
    const text = textOf(items);
    expect(text).not.toContain(' | ');
    const lines = text.split('\n');
    expect(lines.filter((l) => /^1[234]\. /.test(l))).toHaveLength(3);
    expect(lines).toContain('(b) the (b) item of the list;');
    expect(lines).toContain('2 Note 2 on a source the Panel consulted in the capital.');
  });

  it('reads a two-column list of figures as a table', () => {
    const rows = [['Population', '1,204,000'], ['Area', '4,300 km'], ['Provinces', '11'], ['Displaced', '212,500']];
    const items = rows.flatMap(([a, b], i) => [item(a!, 60, 100 + i * 14), item(b!, 300, 100 + i * 14)]);
    expect(textOf(items).split('\n')).toEqual(['Population | 1,204,000', 'Area | 4,300 km', 'Provinces | 11', 'Displaced | 212,500']);
  });

  it('reads a header set over two lines as one header row', () => {
    const items = [
      item('2024', 250, 100), item('2025', 350, 100),
      item('Region', 60, 110), item('approved', 250, 110), item('proposed', 350, 110),
      ...[['North', '310.5', '298.0'], ['South', '122.0', '140.2'], ['Islands', '48.9', '51.3']].flatMap(([a, b, c], i) => [item(a!, 60, 126 + i * 14), item(b!, 250, 126 + i * 14), item(c!, 350, 126 + i * 14)]),
    ];
    expect(textOf(items).split('\n')).toEqual(['Region | 2024 approved | 2025 proposed', 'North | 310.5 | 298.0', 'South | 122.0 | 140.2', 'Islands | 48.9 | 51.3']);
  });
});

describe('a right-to-left table', () => {
  it('reads its cells from the rightmost column', () => {
    const rtl = (str: string, x: number, top: number): PdfTextItem => ({ ...item(str, x, top), dir: 'rtl' });
    const rows = [['صوبہ', 'واقعات'], ['پنجاب', '214'], ['سندھ', '187'], ['بلوچستان', '96']];
    const items = rows.flatMap(([a, b], i) => [rtl(a!, 400, 100 + i * 14), rtl(b!, 200, 100 + i * 14)]);
    expect(textOf(items).split('\n')).toEqual(rows.map(([a, b]) => `${a} | ${b}`));
  });
});

describe('a table grouping its rows under a first-column label', () => {
  it('keeps each grouped row its own, the empty first cell a place before the first pipe', () => {
    const rows = [['Region', 'Province', 'Incidents'], ['North', 'Kessa', '214'], ['', 'Harrow', '58'], ['', 'Brenn', '27'], ['South', 'Varda', '31']];
    const items = rows.flatMap((cells, i) => cells.flatMap((c, k) => (c ? [item(c, 60 + k * 120, 100 + i * 14)] : [])));
    expect(textOf(items).split('\n')).toEqual(['Region | Province | Incidents', 'North | Kessa | 214', '| Harrow | 58', '| Brenn | 27', 'South | Varda | 31']);
  });
});

describe('prose in scripts without case', () => {
  it('reads two columns of Urdu prose as prose, not as a table', () => {
    const line = (n: number) => `صوبائی حکومت نے سرحدی علاقوں میں امدادی سامان کی ترسیل ${n}`.slice(0, 38);
    const items = [0, 1].flatMap((c) => Array.from({ length: 8 }, (_, i) => ({ ...item(line(i + c * 8), 60 + c * 250, 100 + i * 12), dir: 'rtl' })));
    expect(textOf(items)).not.toContain(' | ');
  });

  it('reads two columns of Chinese prose (no spaces) as prose, not as a table', () => {
    const line = '联合国特派团在报告期内核实了发生在北部省份的平民伤亡事件共计六百七十起比去年同期增加百分之十八';
    const items = [0, 1].flatMap((c) => Array.from({ length: 8 }, (_, i) => item(line.slice(0, 20) + line.slice(20 + i, 40), 60 + c * 250, 100 + i * 12)));
    expect(textOf(items)).not.toContain(' | ');
  });
});
