// Inputs that make the server work hard, shared by the heavy-request reliability check and the
// budget integration tests: a long article of plausible sentences, and a W3C annotation document
// whose quotes are near-misses of its passages (each one a whole-text approximate search).
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
