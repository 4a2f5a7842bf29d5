import { describe, expect, it } from 'vitest';
import { layoutPdfText } from '@/lib/documents/pdf-layout';

describe('PDF text is NFC like every imported text', () => {
  it('composes accents a PDF carries decomposed, so annotations re-anchor exactly across re-imports', () => {
    const line = 'José Martínez, the mayor of Peñasco, said 1,200 families returned.';
    const page = (str: string) => ({ number: 1, label: '1', width: 600, height: 800, items: [{ str, x: 72, y: 700, width: 400, fontSize: 11 }] });
    const composed = layoutPdfText([page(line)]);
    const decomposed = layoutPdfText([page(line.normalize('NFD'))]);
    expect(decomposed.text).toBe(composed.text);
    expect(decomposed.text).toContain('José Martínez');
  });
});
