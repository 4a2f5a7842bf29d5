// Inputs that make the server work hard, shared by the heavy-request reliability check and the
// budget integration tests: a long article of plausible sentences, a W3C annotation document
// whose quotes are near-misses of its passages (each one a whole-text approximate search), and
// saved web pages that are slow to read (deeply nested, or simply big).
import { ANNO_CONTEXT } from '@/lib/export/jsonld-vocab';

const WORDS =
  'the report said militants fighters group province security officials attacks border region council monitoring team estimated thousands between camps training support network leaders analysts warned government forces operations sanctuary funding sources intelligence assessment according to'.split(
    ' ',
  );

function random(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** About `words` words of deterministic pseudo-English, a headline and paragraphs of ~80 words. */
export function longArticleText(words: number, seed = 7): string {
  const rand = random(seed);
  const lines = ['A long report on militant networks'];
  let line: string[] = [];
  for (let i = 0; i < words; i++) {
    line.push(`${WORDS[Math.floor(rand() * WORDS.length)]}${rand() < 0.08 ? ` ${Math.floor(rand() * 9000) + 100}` : ''}`);
    if (line.length >= 80) {
      lines.push(`${line.join(' ')}.`);
      line = [];
    }
  }
  if (line.length) lines.push(`${line.join(' ')}.`);
  return lines.join('\n');
}

/**
 * `n` annotations of `quoteLength`-character passages of `text`, every ~6th character changed
 * and no position or context: nothing matches verbatim, so each one is searched for approximately
 * across the whole text, and many near matches must be scored.
 */
export function hostileAnnotationDocument(text: string, n: number, { quoteLength = 300, tag = 'un', seed = 11 } = {}): unknown {
  const rand = random(seed);
  const items = Array.from({ length: n }, (_, i) => {
    const at = Math.floor(rand() * Math.max(1, text.length - quoteLength));
    const chars = [...text.slice(at, at + quoteLength).replace(/\n/g, ' ')];
    for (let c = 3; c < chars.length; c += 6) chars[c] = chars[c] === 'x' ? 'y' : 'x';
    return {
      id: `urn:hostile:${i}`,
      type: 'Annotation',
      motivation: 'tagging',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: tag }],
      target: { source: 'https://example.org/long-report', selector: [{ type: 'TextQuoteSelector', exact: chars.join('') }] },
    };
  });
  return { '@context': ANNO_CONTEXT, id: 'urn:hostile:collection', type: 'AnnotationCollection', total: n, first: { id: 'urn:hostile:page-1', type: 'AnnotationPage', items } };
}

/**
 * A small saved page whose text sits `depth` elements deep: linkedom and Readability take time
 * far beyond its size (1,000 deep, 11 KB: ~10 s on the 2-core development machine).
 */
export function nestedWebPage(depth: number): string {
  return `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}${'word '.repeat(50)}${'</div>'.repeat(depth)}</body></html>`;
}

/**
 * A saved news page of about `words` words in paragraphs (`longArticleText`), with its chrome and
 * `scriptKb` KB of inline script, as big pages carry (their bundles and state, parsed but not read).
 */
export function bigWebPage(words: number, { scriptKb = 0, seed = 7 } = {}): string {
  const [headline, ...paragraphs] = longArticleText(words, seed).split('\n');
  const script = scriptKb > 0 ? `<script>window.__STATE__=${JSON.stringify({ blob: 'x'.repeat(scriptKb * 1024) })}</script>` : '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>${headline}</title><meta property="og:site_name" content="The Ledger">${script}</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<main><article><h1>${headline}</h1><p class="byline">By Jane Roe</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer>© The Ledger</footer></body></html>`;
}
