import 'server-only';
import { createHash } from 'node:crypto';

/** Identity of an article version's canonical text (sha256, lowercase hex over UTF-8). */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
