// Running lines (headers, footers, letterheads) are dropped because they repeat at a page's edge;
// body text that only looks alike once its numbers are folded must not be: the benchmark's 40-page
// report lost the first body line of most pages (52 K → 46 K characters) when the letterhead rule
// first looked four lines deep.
import { describe, expect, it } from 'vitest';
import { fortyPageReport } from '@/bench/import.bench';
import { parsePdf } from '@/lib/documents/server/parse-pdf';
import { sentence } from '@/tests/support/make-pdf';

describe('PDF running lines', () => {
  it('drops the running header and page numbers, and keeps every page’s opening body line though it differs from others only in its numbers', async () => {
    const parsed = await parsePdf(await fortyPageReport());
    expect(parsed.text).not.toContain('Benchmark report — page');
    for (let page = 0; page < 40; page += 1) {
      const first = sentence(page * 100);
      expect(parsed.text, `page ${page + 1}`).toContain(first);
    }
  });
});
