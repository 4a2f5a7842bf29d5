import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { importDocument } from '@/lib/documents/server/import-document';
import { headingsOf, lineSet, startPdf, wrap } from '@/tests/support/pdf-fonts';

// A fourth blind probe of layouts no other PDF test draws (expected text written before the engine
// was run on them; invented prose): a press release under a letterhead with a drawn logo box and an
// "About the organisation" boilerplate at its foot, a report page whose paragraph is interrupted
// mid-sentence by a ruled pull-quote box in the middle of the column, hanging-indent numbered
// recommendations continuing over a page break, a landscape annex table page, and a two-column page
// whose columns have unequal widths. Blind: 9 of the 13 checks held; each of the four that failed
// says why ("Blind: failed …"); 12 of 13 hold after general fixes (the logo's initials still join the
// letterhead's address line, kept as `it.fails`).

const W = 595;
const H = 842;

/** Draws wrapped text from y downwards; returns the y under it. */
function drawPara(page: PDFPage, text: string, o: { x: number; y: number; width: number; font: PDFFont; size?: number; after?: number }): number {
  const size = o.size ?? 11;
  let y = o.y;
  for (const l of wrap(text, o.font, size, o.width)) {
    page.drawText(l, { x: o.x, y, size, font: o.font });
    y -= size * 1.3;
  }
  return y - (o.after ?? 7);
}

// ---------------------------------------------------------------- 1. a press release under a letterhead

const LETTERHEAD = {
  logo: 'KWT',
  org: 'Kelmouth Water Trust',
  address: '14 Quay Street, Kelmouth',
  title: 'Water trust to reopen three village wells before the dry season',
  paras: [
    'The Kelmouth Water Trust said today that it would reopen three village wells closed since the spring, after tests found the water safe to drink once the new filters are fitted.',
    'The wells at Harrow, Semby and Old Tarel serve about 2,600 people, who have carried water from the town pumps for eight months. The filters arrive next week and the work should take a fortnight.',
    'The trust will test each well again a month after it reopens and publish the results at its office and on its notice boards in the three villages.',
  ],
  aboutHeading: 'About the Kelmouth Water Trust',
  about: 'The Kelmouth Water Trust is a charity founded in 1998 that builds and maintains wells and pumps in the villages of the lower Lorne valley. It is funded by donations and by the district council.',
};

async function letterheadRelease(): Promise<Uint8Array> {
  const { pdf, f } = await startPdf();
  const p = pdf.addPage([W, H]);
  const M = 60;
  // The logo: a filled box with white initials, the name and address beside it.
  p.drawRectangle({ x: M, y: H - 110, width: 56, height: 56, color: rgb(0.1, 0.3, 0.5) });
  p.drawText(LETTERHEAD.logo, { x: M + 8, y: H - 88, size: 16, font: f.sansBold, color: rgb(1, 1, 1) });
  p.drawText(LETTERHEAD.org, { x: M + 70, y: H - 74, size: 14, font: f.sansBold });
  p.drawText(LETTERHEAD.address, { x: M + 70, y: H - 92, size: 9, font: f.sans });
  p.drawLine({ start: { x: M, y: H - 124 }, end: { x: W - M, y: H - 124 }, thickness: 1 });
  let y = H - 170;
  for (const l of wrap(LETTERHEAD.title, f.bold, 18, W - 2 * M)) {
    p.drawText(l, { x: M, y, size: 18, font: f.bold });
    y -= 23;
  }
  y -= 10;
  for (const t of LETTERHEAD.paras) y = drawPara(p, t, { x: M, y, width: W - 2 * M, font: f.font });
  y -= 20;
  p.drawLine({ start: { x: M, y: y + 12 }, end: { x: W - M, y: y + 12 }, thickness: 0.5 });
  p.drawText(LETTERHEAD.aboutHeading, { x: M, y: y - 4, size: 10, font: f.bold });
  drawPara(p, LETTERHEAD.about, { x: M, y: y - 20, width: W - 2 * M, font: f.font, size: 9.5 });
  return pdf.save();
}

describe('blind probe 3: a press release under a letterhead with a logo box and an "About" boilerplate', async () => {
  const { text, doc } = await importDocument({ kind: 'file', bytes: await letterheadRelease(), fileName: 'letterhead.pdf' });
  const lines = lineSet(text);
  it('keeps the headline a heading and every paragraph whole', () => {
    expect(headingsOf(doc)).toContain(LETTERHEAD.title);
    for (const t of LETTERHEAD.paras) expect(lines).toContain(t);
  });
  // Blind: failed, and still fails (the logo's white initials are read on the address line: "KWT 14
  // Quay Street, Kelmouth"; text drawn inside a filled box is not told apart yet). Known gap.
  it.fails('keeps the logo initials out of the headline and the paragraphs', () => {
    for (const l of lines) if (l !== LETTERHEAD.logo) expect(l.includes(`${LETTERHEAD.logo} `) || l.endsWith(` ${LETTERHEAD.logo}`)).toBe(false);
  });
  // Blind: failed (the bold label, a point under the body, ran into its paragraph; a bold line is measured against the text under it as well as the body since).
  it('keeps the "About" heading apart from its paragraph, the paragraph whole', () => {
    expect(lines).toContain(LETTERHEAD.about);
    expect(lines).toContain(LETTERHEAD.aboutHeading);
  });
});

// ---------------------------------------------------------------- 2. a pull-quote box mid-column

const PULL = {
  before: 'The district office kept a daily log of the pumps through the whole of November.',
  split: [
    'Engineers who visited the Semby intake in the second week found that the silt had risen almost to the level of the',
    'screens, and that the pumps were running dry for several hours each afternoon when the river fell.',
  ],
  quote: '“We were pumping mud for half the day.”',
  after: 'The contractor has since moved the intake forty metres upstream, where the channel is deeper.',
};

async function pullQuotePage(): Promise<Uint8Array> {
  const { pdf, f } = await startPdf();
  const p = pdf.addPage([W, H]);
  const M = 70;
  const width = W - 2 * M;
  let y = H - 90;
  y = drawPara(p, PULL.before, { x: M, y, width, font: f.font });
  // The first half of the split paragraph, set line by line so that the box falls mid-sentence.
  const firstLines = wrap(PULL.split[0]!, f.font, 11, width);
  for (const l of firstLines) {
    p.drawText(l, { x: M, y, size: 11, font: f.font });
    y -= 14.3;
  }
  // The pull quote: ruled above and below, larger italic, centred in the column.
  y -= 10;
  p.drawLine({ start: { x: M + 40, y: y + 14 }, end: { x: W - M - 40, y: y + 14 }, thickness: 1.5 });
  const qw = f.italic.widthOfTextAtSize(PULL.quote, 16);
  p.drawText(PULL.quote, { x: W / 2 - qw / 2, y: y - 6, size: 16, font: f.italic });
  p.drawLine({ start: { x: M + 40, y: y - 18 }, end: { x: W - M - 40, y: y - 18 }, thickness: 1.5 });
  y -= 46;
  // The rest of the sentence, wrapped as if it ran on from the line above the box.
  const rest = wrap(PULL.split[1]!, f.font, 11, width);
  for (const l of rest) {
    p.drawText(l, { x: M, y, size: 11, font: f.font });
    y -= 14.3;
  }
  y -= 7;
  drawPara(p, PULL.after, { x: M, y, width, font: f.font });
  return pdf.save();
}

describe('blind probe 3: a report page with a pull-quote box in the middle of the column', async () => {
  const { text } = await importDocument({ kind: 'file', bytes: await pullQuotePage(), fileName: 'pullquote.pdf' });
  const lines = lineSet(text);
  it('keeps the quote a paragraph of its own', () => {
    expect(lines).toContain(PULL.quote);
  });
  // Blind: failed (the rest of the interrupted sentence ran into the paragraph after it: on a page this short the paragraph spaces outnumbered the line gaps and the median gap was taken for the pitch; the pitch is the smallest common gap since).
  it('keeps the paragraphs around it whole', () => {
    expect(lines).toContain(PULL.before);
    expect(lines).toContain(PULL.after);
  });
  // Blind: failed (the quote sat between the halves; an unended paragraph and a lower-case paragraph on either side of a pull quote are one since, read before the quote).
  it('joins the paragraph the box interrupted mid-sentence', () => {
    expect(lines).toContain(`${PULL.split[0]} ${PULL.split[1]}`);
  });
});

// ---------------------------------------------------------------- 3. hanging-indent recommendations over a page break

const RECS = {
  heading: 'Recommendations',
  intro: 'The review makes five recommendations to the district council and the water trust.',
  items: [
    'The council should publish the daily pump log for every intake, including the hours each pump ran dry, within a week of the end of each month.',
    'The trust should fit silt screens at all three village wells before the dry season and report on their condition every quarter.',
    'The contractor should be required to keep a spare pump at each intake during the flood months, so that a failed pump can be replaced the same day rather than after a week’s wait for parts from the depot at Tarel.',
    'The council should agree a timetable for the embankment repairs with the farmers’ associations and publish it.',
    'The review should be repeated after one year.',
  ],
};

async function recommendations(): Promise<Uint8Array> {
  const { pdf, f } = await startPdf();
  const M = 72;
  const hang = 22;
  const width = W - 2 * M - hang;
  const pages = [pdf.addPage([W, H]), pdf.addPage([W, H])];
  pages.forEach((p, i) => {
    const n = String(i + 7);
    p.drawText(n, { x: W / 2 - f.font.widthOfTextAtSize(n, 9) / 2, y: 40, size: 9, font: f.font });
  });
  let page = 0;
  // The first page is mostly filled by earlier text, so that the third item runs over the break.
  let y = 250;
  const p0 = pages[0]!;
  p0.drawText(RECS.heading, { x: M, y, size: 15, font: f.bold });
  y -= 26;
  y = drawPara(p0, RECS.intro, { x: M, y, width: W - 2 * M, font: f.font });
  const bottom = 70;
  RECS.items.forEach((item, i) => {
    const ls = wrap(item, f.font, 11, width);
    ls.forEach((l, j) => {
      if (y < bottom) {
        page++;
        y = H - 80;
      }
      const p = pages[page]!;
      if (j === 0) p.drawText(`${i + 1}.`, { x: M, y, size: 11, font: f.font });
      p.drawText(l, { x: M + hang, y, size: 11, font: f.font });
      y -= 14.3;
    });
    y -= 6;
  });
  // Earlier text above the heading on the first page.
  let y0 = H - 90;
  for (let k = 0; k < 3; k++)
    y0 = drawPara(p0, 'The district office gave the review its records for the whole of the flood season, and the trust and the contractor answered every question put to them in writing.', { x: M, y: y0, width: W - 2 * M, font: f.font });
  return pdf.save();
}

describe('blind probe 3: hanging-indent numbered recommendations over a page break', async () => {
  const { text } = await importDocument({ kind: 'file', bytes: await recommendations(), fileName: 'recs.pdf' });
  const lines = lineSet(text);
  it('keeps each recommendation whole with its number, the one over the page break too', () => {
    RECS.items.forEach((t, i) => expect(lines).toContain(`${i + 1}. ${t}`));
  });
  it('drops the folios', () => {
    expect(lines).not.toContain('7');
    expect(lines).not.toContain('8');
  });
});

// ---------------------------------------------------------------- 4. a landscape annex table

const ANNEX = {
  heading: 'Annex B: Pump hours by intake, November',
  header: ['Intake', 'Pumps', 'Hours run', 'Hours dry', 'Share dry'],
  rows: [
    ['Semby', '6', '3,960', '1,188', '30%'],
    ['Harrow', '4', '2,640', '264', '10%'],
    ['Old Tarel', '5', '3,300', '495', '15%'],
    ['Kelmouth North', '8', '5,280', '528', '10%'],
    ['Lower Valley', '7', '4,620', '1,386', '30%'],
  ],
  note: 'Source: district office pump log. Hours are summed over all pumps at the intake.',
};

async function landscapeAnnex(): Promise<Uint8Array> {
  const { pdf, f } = await startPdf();
  // A portrait page of text, then the annex on a landscape page.
  const p1 = pdf.addPage([W, H]);
  drawPara(p1, 'The tables in the annexes give the figures behind each finding of the review, intake by intake, as the district office recorded them.', { x: 72, y: H - 90, width: W - 144, font: f.font });
  const p = pdf.addPage([H, W]);
  const M = 60;
  p.drawText(ANNEX.heading, { x: M, y: W - 70, size: 14, font: f.bold });
  const xs = [M, M + 200, M + 320, M + 450, M + 580];
  let y = W - 110;
  ANNEX.header.forEach((c, i) => p.drawText(c, { x: xs[i]!, y, size: 10.5, font: f.bold }));
  p.drawLine({ start: { x: M, y: y - 5 }, end: { x: H - M, y: y - 5 }, thickness: 0.8 });
  y -= 22;
  for (const r of ANNEX.rows) {
    r.forEach((c, i) => p.drawText(c, { x: xs[i]!, y, size: 10.5, font: f.font }));
    y -= 18;
  }
  p.drawLine({ start: { x: M, y: y + 10 }, end: { x: H - M, y: y + 10 }, thickness: 0.8 });
  p.drawText(ANNEX.note, { x: M, y: y - 8, size: 9, font: f.font });
  return pdf.save();
}

describe('blind probe 3: a landscape annex table page', async () => {
  const { text, doc } = await importDocument({ kind: 'file', bytes: await landscapeAnnex(), fileName: 'annex.pdf' });
  const lines = lineSet(text);
  it('keeps the annex heading a heading', () => {
    expect(headingsOf(doc)).toContain(ANNEX.heading);
  });
  it('reads the table one row a paragraph, its cells joined by " | "', () => {
    expect(lines).toContain(ANNEX.header.join(' | '));
    for (const r of ANNEX.rows) expect(lines).toContain(r.join(' | '));
  });
  it('keeps the source note apart', () => {
    expect(lines).toContain(ANNEX.note);
  });
});

// ---------------------------------------------------------------- 5. two columns of unequal widths

const UNEQUAL = {
  title: 'Why the wells closed',
  main: [
    'The three village wells were closed in April after a routine test found nitrate levels above the national limit. The trust traced the nitrate to fertiliser washed into the shallow aquifer by the spring rains.',
    'New filters remove most of the nitrate, but they need replacing every six months, and the trust has had to find the money for them from its reserves while it waits for the council’s grant.',
    'Villagers say the closure was explained badly. Many learned of it only when they found the pump handles chained, and some went on drawing water from the old open well at Semby, which was never tested.',
  ],
  side: [
    'The narrow column carries the trust’s own account of the tests, set beside the main text as the report’s designers placed it, a third of the width of the page.',
    'It gives the dates of the four tests and the laboratory that ran them, and it says that the results were sent to the council within two days.',
  ],
};

async function unequalColumns(): Promise<Uint8Array> {
  const { pdf, f } = await startPdf();
  const p = pdf.addPage([W, H]);
  const M = 54;
  const gutter = 22;
  const mainW = 310;
  const sideX = M + mainW + gutter;
  const sideW = W - M - sideX;
  p.drawText(UNEQUAL.title, { x: M, y: H - 80, size: 18, font: f.bold });
  let y = H - 120;
  for (const t of UNEQUAL.main) y = drawPara(p, t, { x: M, y, width: mainW, font: f.font });
  y = H - 120;
  for (const t of UNEQUAL.side) y = drawPara(p, t, { x: sideX, y, width: sideW, font: f.font, size: 10 });
  return pdf.save();
}

describe('blind probe 3: a two-column page whose columns have unequal widths', async () => {
  const { text } = await importDocument({ kind: 'file', bytes: await unequalColumns(), fileName: 'unequal.pdf' });
  const lines = lineSet(text);
  it('reads the wide column whole, paragraph by paragraph, in order', () => {
    for (const t of UNEQUAL.main) expect(lines).toContain(t);
    const idx = UNEQUAL.main.map((t) => lines.indexOf(t));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
  });
  it('reads the narrow column whole, after or before the wide one, never across it', () => {
    for (const t of UNEQUAL.side) expect(lines).toContain(t);
  });
});
