import { fileTypeFromBuffer } from 'file-type/core';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import type { ArticleFormat } from '@/lib/articles/parse-article';
import { formatBytes, MAX_UPLOAD_BYTES } from '@/lib/documents/import-limits';

/** What a submitted file turned out to be, judged by its bytes (never by its name or declared type). */
export type SniffedDocument = { kind: 'pdf'; bytes: Uint8Array } | { kind: 'text'; text: string; format: ArticleFormat };

export type SniffHints = {
  /** The uploaded file's name: only decides between Markdown and plain text, which bytes cannot. */
  fileName?: string | null;
  /** A format the caller chose for text content (the JSON API's `format`); binary content still wins. */
  textFormat?: ArticleFormat | null;
};

export const ACCEPTED_MEDIA_TYPES = ['text/plain', 'text/markdown', 'text/html', 'application/pdf'] as const;
export const ACCEPTED_TYPES_SENTENCE = 'Claimdesk imports plain text (.txt), Markdown (.md), HTML (.html, a saved web page or a fragment) and PDF (.pdf, with a text layer).';

// PDF readers accept the header anywhere in the first KB (some generators prepend junk or a BOM).
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** Decides what the bytes are; throws the 400 (empty), 413 (too large) or 415 (not a document) sentence. */
export async function sniffDocument(bytes: Uint8Array, hints: SniffHints = {}): Promise<SniffedDocument> {
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw tooLarge(bytes.byteLength);
  if (bytes.byteLength === 0 || isBlank(bytes)) throw new ArticleParseError('empty', 'The file is empty.');
  if (hasPdfHeader(bytes)) return { kind: 'pdf', bytes };

  // Text first: binary formats carry NULs and control bytes that no text decoding accepts, while
  // magic-number guessing has false positives on short text (Windows-1252 bytes read as MPEG audio).
  const text = decodeText(bytes);
  if (text !== null) {
    if (/^\s*\{\\rtf/.test(text)) throw notADocument(`${FRIENDLY.rtf} (application/rtf)`, 'application/rtf');
    return { kind: 'text', text, format: detectTextFormat(text, hints) };
  }
  const binary = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (binary) throw notADocument(`${describeBinary(binary.ext, binary.mime)} (${binary.mime})`, binary.mime);
  throw notADocument('binary data of an unknown kind', 'application/octet-stream');
}

export function tooLarge(bytes: number): ArticleParseError {
  return new ArticleParseError(
    'too_large',
    `The file is too large (${formatBytes(bytes)}; the limit is ${formatBytes(MAX_UPLOAD_BYTES)}).`,
    { limitBytes: MAX_UPLOAD_BYTES },
  );
}

function notADocument(what: string, detected: string): ArticleParseError {
  return new ArticleParseError('unsupported_type', `This file is ${what}, not a document Claimdesk can read. ${ACCEPTED_TYPES_SENTENCE}`, {
    accepted: [...ACCEPTED_MEDIA_TYPES],
    detected,
  });
}

const FRIENDLY: Record<string, string> = {
  zip: 'a ZIP archive',
  rtf: 'an RTF document (save it as .txt, .html or .pdf)',
  docx: 'a Word document (.docx; save it as PDF or HTML)',
  doc: 'a Word 97–2003 document (save it as PDF or HTML)',
  cfb: 'an Office 97–2003 document (save it as PDF or HTML)',
  odt: 'an OpenDocument text (save it as PDF or HTML)',
  xlsx: 'an Excel workbook',
  pptx: 'a PowerPoint presentation',
  epub: 'an EPUB e-book',
  png: 'a PNG image',
  jpg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  tif: 'a TIFF image (a scan: OCR is not supported)',
  heic: 'a HEIC image',
  mp4: 'a video',
  mp3: 'an audio file',
  gz: 'a gzip archive',
  '7z': 'a 7-Zip archive',
  rar: 'a RAR archive',
  exe: 'a Windows program',
  elf: 'a program',
};

function describeBinary(ext: string, mime: string): string {
  if (FRIENDLY[ext]) return FRIENDLY[ext]!;
  if (mime.startsWith('image/')) return `an image (.${ext})`;
  if (mime.startsWith('video/')) return `a video (.${ext})`;
  if (mime.startsWith('audio/')) return `an audio file (.${ext})`;
  return `a .${ext} file`;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.byteLength - PDF_HEADER.length, 1024);
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < PDF_HEADER.length; j++) if (bytes[i + j] !== PDF_HEADER[j]) continue outer;
    return true;
  }
  return false;
}

function isBlank(bytes: Uint8Array): boolean {
  // Whitespace-only (and a lone BOM) is as empty as zero bytes for a reader.
  for (let i = 0; i < bytes.byteLength; i++) {
    const b = bytes[i]!;
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c) continue;
    if (i === 0 && b === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

/**
 * The text of the bytes, or null when they are not text. UTF-8 first (with or without BOM),
 * UTF-16 by its BOM, then the charset an HTML page declares, then Windows-1252 (the usual
 * encoding of old saved pages) — but only when control characters stay rare, which binary
 * data never manages.
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = tryDecode('utf-16le', bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = tryDecode('utf-16be', bytes);
  else {
    const declared = declaredCharset(bytes);
    const latin = declared !== null && /^(windows-1252|cp1252|iso-8859-1|latin-?1|us-ascii|ascii)$/.test(declared);
    text = tryDecode('utf-8', bytes) ?? (latin ? null : tryDecode(declared, bytes)) ?? decodeWindows1252(bytes);
  }
  if (text === null || looksBinary(text)) return null;
  return text.replace(/^\uFEFF/, '');
}

function tryDecode(label: string | null, bytes: Uint8Array): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

// Node's TextDecoder treats "windows-1252" as Latin-1 (0x80–0x9F become C1 controls); the 32
// code points that differ are mapped here.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.byteLength; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, 2048));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

function looksBinary(text: string): boolean {
  const sample = text.length > 65_536 ? text.slice(0, 65_536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return controls > Math.max(2, sample.length * 0.01);
}

const HTML_DOCUMENT = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;
const HTML_TAG = /<(p|div|h[1-6]|br|ul|ol|li|a\s[^>]*href|article|section|span|strong|em|b|i|blockquote|table|main|nav|header|footer)(\s[^>]*)?\/?>/gi;
const MARKDOWN_SIGNALS: RegExp[] = [/^#{1,6}\s+\S/m, /^\s*[-*+]\s+\S/m, /^\s*\d+[.)]\s+\S/m, /^>\s?\S/m, /\[[^\]\n]+\]\([^)\s]+\)/, /\*\*[^*\n]+\*\*/, /^```/m, /^\S.*\n(=+|-+)\s*$/m];

/**
 * HTML when the text is an HTML document or mostly tags; else the caller's text format, else
 * Markdown by its file name or by several kinds of Markdown syntax; else plain text.
 */
export function detectTextFormat(text: string, hints: SniffHints = {}): ArticleFormat {
  const head = text.slice(0, 200_000);
  if (HTML_DOCUMENT.test(head)) return 'html';
  if (hints.textFormat) return hints.textFormat;
  if (hints.fileName && /\.html?$/i.test(hints.fileName)) return 'html';
  const tags = head.match(HTML_TAG)?.length ?? 0;
  if (tags >= 3 && tags * 40 >= Math.min(head.length, 20_000) / 10) return 'html';
  if (hints.fileName && /\.(md|markdown|mdown|mkd)$/i.test(hints.fileName)) return 'markdown';
  if (hints.fileName && /\.txt$/i.test(hints.fileName)) return 'text';
  const signals = MARKDOWN_SIGNALS.filter((re) => re.test(head)).length;
  return signals >= 2 ? 'markdown' : 'text';
}
