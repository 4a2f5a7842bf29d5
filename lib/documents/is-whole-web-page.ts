// A saved web page carries navigation, banners, related links and footers around the article;
// a fragment (pasted article markup) does not. Only whole pages go through Readability: on a
// fragment it could drop short paragraphs the analyst pasted on purpose.

const DOCUMENT_SHELL = /<(html|body)[\s>]/i;
const PAGE_CHROME = /<(nav|header|footer|aside)[\s>]|\srole\s*=\s*["']?(navigation|banner|contentinfo|complementary)/i;

export function isWholeWebPage(html: string): boolean {
  const head = html.length > 500_000 ? html.slice(0, 500_000) : html;
  return DOCUMENT_SHELL.test(head) || PAGE_CHROME.test(head);
}
