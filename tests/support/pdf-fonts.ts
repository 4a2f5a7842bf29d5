// A new pdf-lib document with the five standard fonts the drawn-layout probes set their text in.
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
