import { Parser } from 'htmlparser2';

/**
 * Resolves HTML character references ("&amp;", "&#8217;") in a text fragment. marked's lexer
 * leaves them raw for its HTML renderer; escaping "<" first makes htmlparser2 see pure text.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  const parser = new Parser({ ontext: (data) => (out += data) }, { decodeEntities: true });
  parser.write(text.replace(/</g, '&lt;'));
  parser.end();
  return out;
}
