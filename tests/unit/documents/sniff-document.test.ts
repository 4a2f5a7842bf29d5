import { describe, expect, it } from 'vitest';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import { MAX_UPLOAD_BYTES } from '@/lib/documents/import-limits';
import { ACCEPTED_MEDIA_TYPES, detectTextFormat, sniffDocument } from '@/lib/documents/sniff-document';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (s: string) => new TextEncoder().encode(s);

async function refusal(input: Uint8Array, fileName?: string): Promise<ArticleParseError> {
  const error = await sniffDocument(input, { fileName }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ArticleParseError);
  return error as ArticleParseError;
}

// A PNG signature and IHDR chunk; a ZIP local file header of a Word document.
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89);
const DOCX = new Uint8Array([...bytes(0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 19, 0, 0, 0), ...utf8('[Content_Types].xml'), ...new Uint8Array(64)]);

describe('sniffDocument', () => {
  it('calls zero bytes and whitespace empty', async () => {
    for (const input of [new Uint8Array(0), utf8('  \n\t \r\n'), bytes(0xef, 0xbb, 0xbf, 0x20)]) {
      const error = await refusal(input);
      expect(error.code).toBe('empty');
      expect(error.message).toBe('The file is empty.');
    }
  });

  it('refuses binary files with 415, naming what they are and what is accepted', async () => {
    const png = await refusal(PNG, 'article.txt');
    expect(png.code).toBe('unsupported_type');
    expect(png.message).toMatch(/^This file is a PNG image \(image\/png\), not a document Claimdesk can read\. Claimdesk imports plain text/);
    expect(png.details).toEqual({ accepted: [...ACCEPTED_MEDIA_TYPES], detected: 'image/png' });
    expect((await refusal(DOCX, 'article.html')).message).toMatch(/ZIP archive|Word document/);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    expect((await refusal(noise)).details).toMatchObject({ detected: 'application/octet-stream' });
    expect((await refusal(utf8('{\\rtf1\\ansi Hello}'))).message).toMatch(/RTF/);
  });

  it('finds a PDF by its header, even after leading junk, whatever the file name', async () => {
    expect((await sniffDocument(utf8('%PDF-1.7\n...'), { fileName: 'notes.txt' })).kind).toBe('pdf');
    expect((await sniffDocument(new Uint8Array([...new Uint8Array(100).fill(0x20), ...utf8('%PDF-1.4')]))).kind).toBe('pdf');
  });

  it('decodes UTF-8, UTF-16 and Windows-1252 text', async () => {
    const text = (await sniffDocument(utf8('\uFEFFCafé headline\nBody.'))) as { text: string };
    expect(text.text).toBe('Café headline\nBody.');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Héllo\nWorld.').flatMap((c) => [c.charCodeAt(0) & 255, c.charCodeAt(0) >> 8])]);
    expect(((await sniffDocument(utf16)) as { text: string }).text).toBe('Héllo\nWorld.');
    expect(((await sniffDocument(bytes(0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94))) as { text: string }).text).toBe('Café “q”');
  });

  it('refuses a file over the size limit before looking at it', async () => {
    const error = await refusal(new Uint8Array(MAX_UPLOAD_BYTES + 1));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe('The file is too large (20.0 MB; the limit is 20 MB).');
  });
});

describe('detectTextFormat', () => {
  it('knows HTML by content, Markdown by name or syntax, else plain text', () => {
    expect(detectTextFormat('<!DOCTYPE html><html><body><p>x</p></body></html>', { fileName: 'a.txt' })).toBe('html');
    expect(detectTextFormat('<p>One</p><p>Two</p><p>Three <b>b</b></p>')).toBe('html');
    expect(detectTextFormat('Title\nSome text.', { fileName: 'a.md' })).toBe('markdown');
    expect(detectTextFormat('# Title\n\n- one\n- two\n')).toBe('markdown');
    expect(detectTextFormat('Headline\nA sentence with a # sign.')).toBe('text');
    expect(detectTextFormat('# Title\n\n- one', { textFormat: 'text' })).toBe('text');
  });
});
