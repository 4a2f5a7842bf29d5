// Escaping for user-supplied text in each output syntax. Kept together so the rules are reviewed in one place.

// Characters that can start inline syntax anywhere (links, emphasis, code, raw HTML, tables, strikethrough).
const MD_INLINE = /[\\`*_[\]<>|~#]/g;
// Entity and numeric references would otherwise be decoded ("&lt;" must stay literal).
const MD_ENTITY = /&(?=#?[a-z0-9]+;)/gi;
// Block syntax that only counts at the start of a line: headings, quotes, lists, setext/thematic rules, fences.
const MD_LINE_START = /^(\s*)([#>+\-=]|\d+[.)])/;

/**
 * Markdown inline text that renders literally in CommonMark/GFM. Only syntax-bearing characters are
 * backslash-escaped so the raw file stays readable; newlines become spaces.
 */
export function mdInline(s: string): string {
  return s
    .replace(/\r\n?|\n/g, ' ')
    .replace(MD_INLINE, (c) => `\\${c}`)
    .replace(MD_ENTITY, '\\&')
    // GFM extended autolinks (scheme://, www., emails) would turn user text into links.
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '\\@')
    .replace(MD_LINE_START, (_m, ws: string, mark: string) => `${ws}${mark.replace(/[#>+\-=.)]$/, (c) => `\\${c}`)}`);
}

/** Multi-line user text: each line escaped, joined by hard breaks, every line carrying `prefix` (e.g. "> "). */
export function mdMultiline(s: string, prefix = ''): string {
  return s
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => mdInline(line))
    .join(`\\\n${prefix}`);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function html(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as text. */
export function safeHttpUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
