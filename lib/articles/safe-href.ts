const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The href to keep on a link, or null when the link must become plain text: only absolute
 * http/https/mailto URLs survive (no relative URLs — a stored article has no base URL).
 */
export function safeHref(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // Browsers ignore ASCII whitespace/control chars inside a scheme ("java\tscript:"), so strip before judging.
   
  const href = raw.replace(/[\u0000-\u001F\u007F]/g, '').trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(href)) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? href : null;
}
