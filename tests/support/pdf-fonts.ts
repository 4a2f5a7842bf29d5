// A new pdf-lib document with the five standard fonts the drawn-layout probes set their text in, and
// what every probe needs to set text in them and read the import back.
import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

export type Fonts = { font: PDFFont; bold: PDFFont; italic: PDFFont; sans: PDFFont; sansBold: PDFFont };

export async function startPdf(): Promise<{ pdf: PDFDocument; f: Fonts }> {
  const pdf = await PDFDocument.create();
  return {
    pdf,
    f: {
      font: await pdf.embedFont(StandardFonts.TimesRoman),
      bold: await pdf.embedFont(StandardFonts.TimesRomanBold),
      italic: await pdf.embedFont(StandardFonts.TimesRomanItalic),
      sans: await pdf.embedFont(StandardFonts.Helvetica),
      sansBold: await pdf.embedFont(StandardFonts.HelveticaBold),
    },
  };
}

/** The words of `text` in lines no wider than `width` at this font and size. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  lines.push(line);
  return lines;
}

/** An imported text's lines (paragraphs and headings). */
export const lineSet = (text: string) => text.split('\n');

/** An imported document's headings, in order. */
export const headingsOf = (doc: { content: Array<{ type: string; content?: Array<{ text?: string }> }> }) =>
  doc.content.filter((n) => n.type === 'heading').map((n) => n.content?.map((c) => c.text).join(''));
