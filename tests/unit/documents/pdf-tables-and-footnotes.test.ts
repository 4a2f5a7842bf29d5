// Tables and footnote markers in PDFs as institutions print them, drawn with pdf-lib (no office
// suite): a UN-style report with a table of incidents by province (numbers right-aligned, a wrapped
// first-column cell, a total row), a budget annex whose table fills most of the page, and two-column
// pages that must stay prose. A table row becomes one paragraph, its cells joined by " | " (as the
// Markdown importer joins a GFM table's cells); a superscript footnote marker becomes "[n]" after its
// word (as on web pages), and the footnote at the foot of the page opens with the same "[n]".
// Gold written before the layout code was tuned on these pages.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pageAt } from '@/lib/documents/page-map';
import { importDocument } from '@/lib/documents/server/import-document';
import { parsePdf } from '@/lib/documents/server/parse-pdf';
import { outline } from '@/tests/unit/articles/doc-helpers';
import { footnotes, H, M, para, table, TEXT_WIDTH, W, type Column } from '@/tests/support/draw-report-pdf';

// ---------------------------------------------------------------- a UN-style report

const UN_HEADER = ['Province', 'Incidents', 'Killed', 'Injured', 'Abducted'];
const UN_ROWS = [
  ['Northern Kessa', '214', '61', '148', '23'],
  ['Ambre', '187', '40', '122', '9'],
  ['Lower Osk', '96', '12', '55', '31'],
  ['Marelle', '78', '9', '41', '2'],
  ['Tolvane', '64', '17', '39', '0'],
  ['Varda', '31', '4', '18', '6'],
  ['Total', '670', '143', '423', '71'],
];
const UN_ROWS_PAGE_2 = [
  ['Harrow valley and\nupper catchment', '58', '11', '30', '4'],
  ['Port Meridan', '42', '3', '19', '12'],
  ['Surrat', '27', '6', '14', '1'],
];
const P31 =
  '31. Between 1 January and 30 June 2025, the Mission verified 670 incidents affecting civilians, an increase of 18 per cent compared with the same period in 2024.';
const P32 = '32. The table below sets out the incidents verified by the Mission in each province during the period under review.';
const P33 =
  '33. Most civilians were killed or injured in attacks on markets and bus stations attributed to the Coastal Front, and in crossfire during clashes with the national army in Northern Kessa.';
const P34 = '34. Abductions rose sharply in Lower Osk, where the group holds at least 19 fishing villages.';

async function unReport(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const f = { font: await pdf.embedFont(StandardFonts.TimesRoman), bold: await pdf.embedFont(StandardFonts.TimesRomanBold) };
  const columns: Column[] = [
    { x: M, width: 150, align: 'left' },
    { x: M + 170, width: 60, align: 'right' },
    { x: M + 250, width: 50, align: 'right' },
    { x: M + 320, width: 50, align: 'right' },
    { x: M + 390, width: 60, align: 'right' },
  ];
  const page1 = pdf.addPage([W, H]);
  page1.drawText('S/2025/611', { x: M, y: H - 36, size: 8, font: f.font });
  page1.drawText('1', { x: W / 2, y: 28, size: 9, font: f.font });
  page1.drawText('IV. Protection of civilians', { x: M, y: H - 90, size: 14, font: f.bold });
  let y = para(page1, f, P31.replace('31. ', '').replace('in 2024.', 'in 2024.{^14}'), M, H - 120, TEXT_WIDTH, { lead: '31.' });
  y = para(page1, f, P32.replace('32. ', ''), M, y, TEXT_WIDTH, { lead: '32.' });
  page1.drawText('Table 3', { x: M, y, size: 10, font: f.bold });
  page1.drawText('Verified incidents affecting civilians, by province, January to June 2025', { x: M, y: y - 13, size: 10, font: f.bold });
  y = table(page1, f, columns, UN_HEADER, UN_ROWS, y - 34);
  y = para(page1, f, P33.replace('33. ', '').replace('Coastal Front,', 'Coastal Front{^15},'), M, y, TEXT_WIDTH, { lead: '33.' });
  para(page1, f, P34.replace('34. ', ''), M, y, TEXT_WIDTH, { lead: '34.' });
  footnotes(page1, f, [
    ['14', ['Figures verified by at least two independent sources.']],
    ['15', ['Information received from the provincial governor’s office on 3 July 2025, which the Mission could not verify', 'independently in every district.']],
  ]);

  const page2 = pdf.addPage([W, H]);
  page2.drawText('S/2025/611', { x: M, y: H - 36, size: 8, font: f.font });
  page2.drawText('2', { x: W / 2, y: 28, size: 9, font: f.font });
  y = para(page2, f, 'The Mission also verified incidents in three provinces it could reach only from August:', M, H - 90, TEXT_WIDTH, { lead: '35.' });
  y = table(page2, f, columns, UN_HEADER, UN_ROWS_PAGE_2, y);
  para(page2, f, 'Figures for these provinces are incomplete and are likely to rise.', M, y, TEXT_WIDTH, { lead: '36.' });
  return pdf.save();
}

const row = (cells: string[]) => cells.map((c) => c.replace('\n', ' ')).join(' | ');

describe('a UN-style report: a table of incidents by province and footnote markers', async () => {
  const parsed = await parsePdf(await unReport());
  const lines = parsed.text.split('\n');

  it('reads the table one paragraph per row, the header row its own, cells joined by " | "', () => {
    const at = lines.indexOf(row(UN_HEADER));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 1 + UN_ROWS.length)).toEqual([UN_HEADER, ...UN_ROWS].map(row));
    // The caption and the paragraphs around the table stay as they were.
    expect(lines[at - 1]).toBe('Table 3 Verified incidents affecting civilians, by province, January to June 2025');
    expect(lines).toContain(P32);
  });

  it('keeps a wrapped cell in its row', () => {
    const at = lines.indexOf(row(UN_HEADER), lines.indexOf(row(UN_HEADER)) + 1);
    expect(lines.slice(at, at + 1 + UN_ROWS_PAGE_2.length)).toEqual([UN_HEADER, ...UN_ROWS_PAGE_2].map(row));
    expect(pageAt(parsed.pages, parsed.text.indexOf('Port Meridan | 42')).page).toBe(2);
  });

  it('sets a footnote marker apart from its word as "[n]", so the word and the figure stay searchable', () => {
    expect(lines).toContain(
      '31. Between 1 January and 30 June 2025, the Mission verified 670 incidents affecting civilians, an increase of 18 per cent compared with the same period in 2024.[14]',
    );
    expect(lines).toContain(P33.replace('Coastal Front,', 'Coastal Front[15],'));
    expect(lines).toContain(P34);
    expect(parsed.text).not.toMatch(/2024\.14|Front15/);
  });

  it('keeps each footnote one paragraph, opening with the marker it answers', () => {
    const notes = lines.filter((l) => l.startsWith('['));
    expect(notes).toEqual([
      '[14] Figures verified by at least two independent sources.',
      '[15] Information received from the provincial governor’s office on 3 July 2025, which the Mission could not verify independently in every district.',
    ]);
    expect(lines.indexOf(notes[0]!)).toBeGreaterThan(lines.indexOf(P34));
  });
});

// ---------------------------------------------------------------- a budget table filling the page

const BUDGET_HEADER = ['Programme', '2024 approved', '2025 proposed', 'Change (%)'];
const BUDGET_ROWS = [
  ['Executive direction and management', '4,812.3', '4,905.0', '1.9'],
  ['Political affairs', '12,440.7', '11,986.2', '-3.7'],
  ['Human rights', '6,205.1', '6,880.4', '10.9'],
  ['Protection of civilians', '9,731.0', '10,214.8', '5.0'],
  ['Rule of law and security institutions', '7,118.6', '6,902.3', '-3.0'],
  ['Electoral assistance', '3,004.9', '1,250.0', '-58.4'],
  ['Humanitarian coordination', '2,876.5', '2,990.1', '3.9'],
  ['Mine action', '5,410.0', '5,410.0', '0.0'],
  ['Gender affairs', '1,122.8', '1,340.6', '19.4'],
  ['Public information', '2,301.4', '2,188.9', '-4.9'],
  ['Mission support', '48,930.2', '47,615.7', '-2.7'],
  ['Safety and security', '6,644.0', '7,020.5', '5.7'],
  ['Aviation', '21,508.3', '19,874.0', '-7.6'],
  ['Medical services', '3,390.6', '3,512.2', '3.6'],
  ['Total', '135,496.4', '132,090.7', '-2.5'],
];

async function budgetAnnex(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const f = { font: await pdf.embedFont(StandardFonts.Helvetica), bold: await pdf.embedFont(StandardFonts.HelveticaBold) };
  const page = pdf.addPage([W, H]);
  page.drawText('Annex II', { x: M, y: H - 80, size: 15, font: f.bold });
  page.drawText('Proposed resources by programme', { x: M, y: H - 100, size: 13, font: f.bold });
  let y = para(page, f, 'Resources are shown in thousands of United States dollars. The proposal for 2025 is 2.5 per cent lower than the approved budget for 2024, mainly because the electoral assistance programme ends in March.', M, H - 128, TEXT_WIDTH, { size: 10 });
  const columns: Column[] = [
    { x: M, width: 220, align: 'left' },
    { x: M + 236, width: 70, align: 'right' },
    { x: M + 322, width: 70, align: 'right' },
    { x: M + 408, width: 60, align: 'right' },
  ];
  y = table(page, f, columns, BUDGET_HEADER, BUDGET_ROWS, y - 6, 9);
  page.drawText('Note: the figures for 2025 exclude the cost of the liquidation of the field office in Varda.', { x: M, y, size: 8, font: f.font });
  return pdf.save();
}

describe('a budget annex whose table fills most of the page', async () => {
  const parsed = await parsePdf(await budgetAnnex());
  const lines = parsed.text.split('\n');

  it('reads every row as a paragraph, right-aligned amounts in their cells, not the columns one after another', () => {
    const at = lines.indexOf(row(BUDGET_HEADER));
    expect(at, parsed.text).toBeGreaterThan(0);
    expect(lines.slice(at, at + 1 + BUDGET_ROWS.length)).toEqual([BUDGET_HEADER, ...BUDGET_ROWS].map(row));
    expect(lines[at + 1 + BUDGET_ROWS.length]).toBe('Note: the figures for 2025 exclude the cost of the liquidation of the field office in Varda.');
    expect(outline(parsed.blocks).slice(0, 2)).toEqual(['heading1:Annex II', 'heading2:Proposed resources by programme']);
  });
});

// ---------------------------------------------------------------- two-column prose is no table

const LEFT = [
  'Rainfall in the upper catchment was the lowest since records began, and the three reservoirs that supply the delta held barely a third of their capacity by the end of September.',
  'Farmers in the delta districts planted less rice than in any year of the past decade. Many switched to sorghum, which needs less water but sells for half the price.',
  'Prices of staple foods rose by a quarter in the markets of Marelle between June and October.',
];
const RIGHT = [
  'The Agency counted some 1,400 boreholes drilled without a licence since 2019, most of them by commercial farms growing vegetables for export.',
  'The water table near Marelle fell by four metres over the same period, faster than the drought alone would explain.',
  'Field teams visited:',
];
const RIGHT_LIST = ['Marelle', 'Lower Osk', 'Surrat', 'Tolvane'];

async function twoColumnPages(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const f = { font: await pdf.embedFont(StandardFonts.TimesRoman), bold: await pdf.embedFont(StandardFonts.TimesRomanBold) };
  const cw = (TEXT_WIDTH - 20) / 2;
  const page = pdf.addPage([W, H]);
  page.drawText('Drought and water use in the delta', { x: M, y: H - 80, size: 16, font: f.bold });
  let y = H - 110;
  for (const text of LEFT) y = para(page, f, text, M, y, cw);
  y = H - 110;
  for (const text of RIGHT) y = para(page, f, text, M + cw + 20, y, cw);
  // A short list in the right column, beside the left column's prose.
  for (const item of RIGHT_LIST) {
    page.drawText(item, { x: M + cw + 32, y: y + 6, size: 11, font: f.font });
    y -= 14;
  }
  return pdf.save();
}

describe('a two-column page is read as prose, not as a table', async () => {
  const parsed = await importDocument({ kind: 'file', bytes: await twoColumnPages(), fileName: 'delta.pdf' });
  const lines = parsed.text.split('\n');

  it('keeps each paragraph of each column whole, column by column, with no cell separators', () => {
    expect(parsed.text).not.toContain(' | ');
    for (const p of [...LEFT, ...RIGHT]) expect(lines).toContain(p);
    expect(lines.indexOf(LEFT[2]!)).toBeLessThan(lines.indexOf(RIGHT[0]!));
    expect(parsed.text).toContain(RIGHT_LIST.join(' '));
  });
});

// ---------------------------------------------------------------- a table inside one column of a two-column page

const COLUMN_TABLE_HEADER = ['Port', 'Calls', 'Change'];
const COLUMN_TABLE_ROWS = [
  ['Kelmouth', '1,251', '+3.9%'],
  ['Tarel', '1,040', '+5.3%'],
  ['Lorne', '760', '+2.3%'],
  ['Skerry', '431', '+4.6%'],
];
const COLUMN_LEFT = ['Calls rose at every port in the north, most of all at Tarel, where a new crane came into service in April.', 'Dredging at Lorne was delayed until the autumn because of a dispute over the contract.'];
const COLUMN_RIGHT = [
  'Southern ports lost traffic in the second half of the year as two shipping lines moved their services to larger hubs abroad, and the council expects the loss to continue.',
  'The annex describes how the council matched bulletins across ports that count calls in different ways, and why its totals differ from those of the ministry.',
];

async function tableInAColumn(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const f = { font: await pdf.embedFont(StandardFonts.TimesRoman), bold: await pdf.embedFont(StandardFonts.TimesRomanBold) };
  const cw = (TEXT_WIDTH - 20) / 2;
  const page = pdf.addPage([W, H]);
  page.drawText('Port calls in 2024', { x: M, y: H - 80, size: 16, font: f.bold });
  let y = para(page, f, COLUMN_LEFT[0]!, M, H - 110, cw);
  y = table(page, f, [{ x: M, width: 90, align: 'left' }, { x: M + 110, width: 45, align: 'right' }, { x: M + 170, width: 45, align: 'right' }], COLUMN_TABLE_HEADER, COLUMN_TABLE_ROWS, y);
  para(page, f, COLUMN_LEFT[1]!, M, y, cw);
  y = H - 110;
  for (const t of COLUMN_RIGHT) y = para(page, f, t, M + cw + 20, y, cw);
  return pdf.save();
}

describe('a table set inside one column of a two-column page', async () => {
  const lines = (await parsePdf(await tableInAColumn())).text.split('\n');

  it('reads the table by rows within its column, the other column after it', () => {
    const at = lines.indexOf(row(COLUMN_TABLE_HEADER));
    expect(at, lines.join('\n')).toBeGreaterThan(0);
    expect(lines.slice(at - 1, at + 2 + COLUMN_TABLE_ROWS.length)).toEqual([COLUMN_LEFT[0], ...[COLUMN_TABLE_HEADER, ...COLUMN_TABLE_ROWS].map(row), COLUMN_LEFT[1]]);
    expect(lines.slice(at + 2 + COLUMN_TABLE_ROWS.length)).toEqual(COLUMN_RIGHT);
  });
});
