import 'server-only';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ArticleParseError } from '@/lib/articles/article-parse-error';
import { MAX_HTML_SOURCE_CHARS } from '@/lib/documents/import-limits';
import { mergePageMetadata, type DocumentMetadata } from '@/lib/documents/page-metadata';

export type ExtractedWebPage = {
  /** The article's markup (title as <h1>, then the body Readability kept), for the sanitising parser. */
  html: string;
  metadata: DocumentMetadata;
  /** False when Readability found no article and the de-chromed page body was used instead. */
  readable: boolean;
};

// Readability gives up past this many elements; a news page has a few thousand.
const MAX_ELEMENTS = 100_000;

// Landmarks and widgets that are never article text, removed before Readability scores the page.
const CHROME_SELECTOR = [
  'script', 'style', 'nav', 'aside', 'form', 'button', 'dialog', 'select', 'noscript', 'template', 'iframe',
  '[role="navigation"]', '[role="banner"]', '[role="contentinfo"]', '[role="complementary"]', '[role="search"]',
  '[role="dialog"]', '[role="alertdialog"]', '[aria-modal="true"]', '[hidden]', '[aria-hidden="true"]',
  // AMP's own widgets: ads with their placeholder text, the consent prompt, the menu, share buttons.
  'amp-ad', 'amp-embed', 'amp-sticky-ad', 'amp-consent', 'amp-user-notification', 'amp-sidebar', 'amp-social-share',
  'amp-analytics', 'amp-geo', 'amp-iframe', 'amp-list', 'amp-next-page', 'amp-web-push-widget',
  // AMP's loading and failure stand-ins ("Loading…", "Could not load") are never the page's text.
  '[placeholder]:not(input):not(textarea)', '[fallback]',
].join(',');

// Pictures and what describes them; a caption or credit describes a picture, it is not the article's text.
const MEDIA_SELECTOR = 'img, picture, video, svg, amp-img, amp-video, amp-anim';
const CAPTION_WORDS = /(^|[\s_-])(caption|captions|credit|credits|copyright|photo-credit|image-credit|wp-caption-text)([\s_-]|$)/i;
// Footnote back-references ("↩", "↩︎" with its text-style selector, "Back to text") after an endnote.
const BACK_REFERENCE = /^\s*(?:↩|↑|⤴|\^|back(?: to (?:text|top|note))?|return(?: to (?:text|article))?)[\s\uFE0E\uFE0F]*$/i;
// A picture's caption or credit printed as a plain paragraph under it: it opens with the credit's label.
const CREDIT_LABEL = /^\s*(?:©|\(?(?:photo(?:graph)?s?|image|picture|pic|credit|illustration|foto(?:grafía|grafia)?s?|bild|crédit(?: photo)?|imagen|immagine|фото|تصویر|صورة)\s*:)/iu;
// Where a sign-up, subscription or donation button leads: the last segment of its path.
const CALL_TO_ACTION_PATH = /\/(?:newsletters?|subscribe|subscriptions?|sign-?up|donate|donations?|membership|support-us|abonnement|abonnieren|suscripci[oó]n(?:es)?|suscribete|assinatura|abbonamento)\/?$/i;
/** A sign-up or donation box is short: a heading, a line or two, the button. */
const MAX_CALL_TO_ACTION_BOX = 400;

// class/id words of cookie banners, share bars, newsletters, related links and comment threads.
const CHROME_WORDS =
  /(^|[\s_-])(cookies?|consent|gdpr|cmp|newsletter|subscribe|subscription|share|sharing|social|related|recommended|more-stories|read-more|promo|advert|ads?|ad-slot|sponsored|comments?|disqus|breadcrumbs?|paywall|modal|popup|overlay|toolbar|masthead|site-header|site-footer|footer|menu|skip-link|tags|trending|most-read|outbrain|taboola)([\s_-]|$)/i;

/**
 * A whole saved web page → the article it carries and its metadata: page chrome removed,
 * Mozilla Readability picks the article body, relative links resolved against the page's own URL.
 * CPU-bound (a DOM of the whole page): callers go through importDocument, which owns the budget.
 */
export function extractWebPage(html: string): ExtractedWebPage {
  if (html.length > MAX_HTML_SOURCE_CHARS) {
    throw new ArticleParseError('too_large', `The web page is too large (${html.length.toLocaleString('en-US')} characters; the limit is ${MAX_HTML_SOURCE_CHARS.toLocaleString('en-US')}).`);
  }
  const { document } = parseHTML(html);
  const sources = readMetadataSources(document);
  const base = baseUrl(document, sources.canonicalUrl ?? sources.meta['og:url'] ?? null);
  if (base) absolutiseLinks(document, base);
  removeChrome(document, base);
  // A page's one <h1> is its headline; <title> usually carries the site name as well.
  const h1s = document.body ? [...document.body.querySelectorAll('h1')] : [];
  const headline = h1s.length === 1 ? (h1s[0]!.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
  // Readability edits the DOM it reads: metadata and the fallback body are taken before it runs.
  const fallbackBody = document.body?.innerHTML ?? '';

  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, { maxElemsToParse: MAX_ELEMENTS, charThreshold: 250 }).parse();
  } catch (error) {
    if (error instanceof Error && /Aborting parsing document/.test(error.message)) {
      throw new ArticleParseError('too_large', `The web page has too many elements to read (over ${MAX_ELEMENTS.toLocaleString('en-US')}).`);
    }
    throw error;
  }
  const metadata = mergePageMetadata({
    ...sources,
    readability: article ? { title: headline || article.title, byline: article.byline, siteName: article.siteName, publishedTime: article.publishedTime } : null,
  });
  const title = metadata.title ?? (headline || article?.title) ?? null;
  const body = article?.content ?? fallbackBody;
  return { html: `${title ? `<h1>${escapeText(title)}</h1>` : ''}${body}`, metadata, readable: article !== null };
}

type LinkedomDocument = ReturnType<typeof parseHTML>['document'];

function readMetadataSources(document: LinkedomDocument) {
  const jsonLd: unknown[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      jsonLd.push(JSON.parse(script.textContent ?? ''));
    } catch {
      // Publishers ship broken JSON-LD often enough; the other sources still count.
    }
  }
  const meta: Record<string, string> = {};
  for (const el of document.querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content') ?? '';
    if (key && content.trim() && !(key in meta)) meta[key] = content.trim();
  }
  const citationAuthors = [...document.querySelectorAll('meta[name="citation_author" i][content]')].map((el) => el.getAttribute('content') ?? '');
  const canonical = document.querySelector('link[rel="canonical"][href]')?.getAttribute('href') ?? null;
  return {
    jsonLd,
    meta,
    microdata: readMicrodata(document),
    citationAuthors,
    printedAuthors: printedAuthors(document),
    documentTitle: (document.querySelector('head > title, title')?.textContent ?? '').trim() || null,
    canonicalUrl: canonical && /^https?:\/\//i.test(canonical) ? canonical : null,
  };
}

/**
 * schema.org microdata (older CMSs — Joomla, Drupal 7 themes — print no JSON-LD): the article's
 * datePublished on a <time datetime> or <meta content>, its author's and publisher's names.
 */
function readMicrodata(document: LinkedomDocument): { datePublished: string | null; author: string | null; publisher: string | null } {
  const value = (el: LinkedomAny | null) => (el ? (el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim() || null : null);
  const nameOf = (prop: string) => {
    const holder = document.querySelector(`[itemprop~="${prop}"]`);
    if (!holder) return null;
    return value(holder.matches('[itemscope]') ? holder.querySelector('[itemprop~="name"]') : holder);
  };
  return { datePublished: value(document.querySelector('[itemprop~="datePublished"]')), author: nameOf('author'), publisher: nameOf('publisher') };
}

const BYLINE_GLUE = /^(?:\s|[,;&|·•/]|\b(?:and|by|with|words)\b)*$/i;
const AUTHOR_HREF = /\/(?:authors?|people|profiles?|staff|writers?|journalists?|contributors?)\//i;
const PERSON_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){1,3}$/u;

/**
 * The byline as the page prints it: the first block that is nothing but links to author pages
 * (or rel="author") and the glue between them ("By A and B", "A, B"). Platforms often declare
 * only the first author in their metadata (Ghost's JSON-LD); the printed line names them all.
 */
function printedAuthors(document: LinkedomDocument): string[] {
  for (const a of document.querySelectorAll('a[href], a[rel~="author"]')) {
    if (!(a.matches('[rel~="author"]') || AUTHOR_HREF.test(a.getAttribute('href') ?? ''))) continue;
    const line = a.parentElement;
    if (!line || line.closest('nav, footer, aside')) continue;
    const links = [...line.querySelectorAll('a')];
    let rest = line.textContent ?? '';
    for (const link of links) rest = rest.replace(link.textContent ?? '', ' ');
    const names = links.map((link) => (link.textContent ?? '').replace(/\s+/g, ' ').trim()).filter((n) => n !== '');
    // Author pictures linked to their pages come before the names: not yet the byline.
    if (names.length === 0) continue;
    if (BYLINE_GLUE.test(rest) && names.length <= 6 && names.every((n) => PERSON_NAME.test(n))) return [...new Set(names)];
    return [];
  }
  return [];
}

function baseUrl(document: LinkedomDocument, pageUrl: string | null): URL | null {
  const declared = document.querySelector('base[href]')?.getAttribute('href') ?? null;
  for (const candidate of [declared, pageUrl]) {
    if (!candidate) continue;
    try {
      const url = pageUrl && candidate === declared ? new URL(candidate, pageUrl) : new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url;
    } catch {
      // a relative <base> without a page URL: no base
    }
  }
  return null;
}

function absolutiseLinks(document: LinkedomDocument, base: URL): void {
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href') ?? '';
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) continue;
    try {
      a.setAttribute('href', new URL(href, base).href);
    } catch {
      // unparseable: the sanitiser drops it
    }
  }
}

function removeChrome(document: LinkedomDocument, base: URL | null): void {
  const body = document.body;
  if (!body) return;
  // A sign-up form's box (its heading and blurb) goes with it, whatever the plugin calls its classes.
  for (const form of [...body.querySelectorAll('form')]) removeSmallBox(form);
  keepFactBoxes(body);
  for (const el of [...body.querySelectorAll(CHROME_SELECTOR)]) if (el.isConnected) el.remove();
  for (const el of [...body.querySelectorAll('[aria-label]')]) if (/^\s*(advertisement|advert|ad|sponsored)\s*$/i.test(el.getAttribute('aria-label') ?? '')) el.remove();
  removeSignUpBoxes(body);
  removeInPageContents(body, base);
  removeMediaCaptions(body);
  markFootnoteReferences(body);
  // The page's own header (logo, menu) — but not an article's header, which holds its title and byline.
  for (const el of [...body.querySelectorAll('header, footer')]) if (!el.parentElement?.closest('article, main, [role="main"]')) el.remove();
  unwrapEntryHeaders(body);
  markClassedSubheadings(body);
  const total = (body.textContent ?? '').length;
  for (const el of [...body.querySelectorAll('[class], [id]')]) {
    if (!el.isConnected) continue;
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!CHROME_WORDS.test(words)) continue;
    // Never the element that holds the article: a wrapper named "main-with-sidebar-share" is still the page.
    if (el.matches('article, main, [role="main"], body') || el.querySelector('article, main, h1, [role="main"]')) continue;
    const length = (el.textContent ?? '').length;
    if (length < 2000 && length < total * 0.4) el.remove();
  }
  // Readability drops any element whose class or id merely contains "header", "extra", "social"…
  // (meant for page containers); a heading's class is its styling ("header-anchor-post"), and the
  // headings of chrome have gone with their boxes above.
  for (const heading of [...body.querySelectorAll('h2, h3, h4, h5, h6')]) {
    heading.removeAttribute('class');
    heading.removeAttribute('id');
  }
}

// Class words of a sub-heading set as a styled block, not a heading element (older CMSs, print
// systems' "crosshead", French "intertitre", German "Zwischentitel").
const SUBHEADING_CLASS = /(^|[\s_-])(subhead|subheading|sub-head|sub-heading|crosshead|cross-head|crosshead-text|intertitle|intertitre|inter-titre|zwischentitel|zwischenueberschrift|zwischenüberschrift|ladillo|intertitolo)([\s_-]|$)/iu;
const MAX_SUBHEADING_WORDS = 12;

/**
 * A block whose class names it a sub-heading is one: short, one line, no sentence punctuation, with
 * text after it (a standfirst classed "article__subhead" is a sentence and stays a paragraph).
 * Readability and the sanitiser only know heading elements, so it becomes an <h2>.
 */
function markClassedSubheadings(body: LinkedomElement): void {
  for (const el of [...body.querySelectorAll('div[class], p[class], span[class]')]) {
    if (!el.isConnected || !SUBHEADING_CLASS.test(el.getAttribute('class') ?? '') || el.closest('h1, h2, h3, h4, h5, h6, header, aside, figure, li')) continue;
    if (el.querySelector('p, div, ul, ol, table, blockquote, img')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    // A link inside it is a topic tag on a word of the heading; a block that is all link is a pointer elsewhere.
    const linked = [...el.querySelectorAll('a')].map((a) => a.textContent ?? '').join('').replace(/\s+/g, ' ').trim();
    if (linked !== '' && linked.length >= text.length) continue;
    if (text === '' || text.split(' ').length > MAX_SUBHEADING_WORDS || /[.!:;,…]["”’»)]?$/u.test(text)) continue;
    // Between blocks of the body, not a box's title.
    if (!el.previousElementSibling || !el.nextElementSibling || (el.nextElementSibling.textContent ?? '').trim().length < 40) continue;
    const heading = el.ownerDocument.createElement('h2');
    heading.textContent = text;
    el.replaceWith(heading);
  }
}

/**
 * A list whose every item is only a link to a place on the same page ("#entry-4") is the page's
 * contents or a live blog's "Key events": navigation that repeats the titles below it, out of
 * order. It goes, and with it a box left holding only its heading.
 */
function removeInPageContents(body: LinkedomElement, base: URL | null): void {
  const page = base ? base.href.replace(/#.*$/, '') : null;
  const isInPage = (href: string) => href.startsWith('#') || (!!page && href.includes('#') && href.replace(/#.*$/, '') === page);
  for (const list of [...body.querySelectorAll('ul, ol')]) {
    if (!list.isConnected) continue;
    const items = [...list.children];
    if (items.length < 2) continue;
    const allInPage = items.every((li) => {
      const links = [...li.querySelectorAll('a')];
      if (li.tagName !== 'LI' || links.length !== 1 || !isInPage(links[0].getAttribute('href') ?? '')) return false;
      return (links[0].textContent ?? '').trim() === (li.textContent ?? '').trim() && (li.textContent ?? '').trim() !== '';
    });
    if (!allInPage) continue;
    const box = list.parentElement;
    list.remove();
    if (box && !box.matches('article, main, [role="main"], body') && [...box.children].every((el) => el.matches('h2, h3, h4, h5, h6')) && (box.textContent ?? '').trim().length <= 90) box.remove();
  }
}

// What a box beside the text is called when it holds the reporter's facts, not links elsewhere.
const BOX_TAGS = 'aside, [role="complementary"]';
const MAX_FACT_BOX_LINK_SHARE = 0.25;

/**
 * A "Key facts" / "At a glance" box set in the middle of the article (an <aside> floated beside
 * the paragraphs) is the reporter's text: statements a fact-checker checks. It is kept (as a plain
 * section) when it stands between two paragraphs of the body, has a heading over a list or
 * paragraphs, and is not mostly links (a related-stories box is) or a form. A sidebar of the page,
 * an author bio after the text or a pull quote (no heading) stays chrome.
 */
function keepFactBoxes(body: LinkedomElement): void {
  for (const box of [...body.querySelectorAll(BOX_TAGS)]) {
    if (!box.isConnected || box.querySelector('form, input, button, iframe, ' + BOX_TAGS)) continue;
    const words = `${box.getAttribute('class') ?? ''} ${box.getAttribute('id') ?? ''}`;
    if (CHROME_WORDS.test(words)) continue;
    const before = isBodyParagraph(box.previousElementSibling);
    const after = isBodyParagraph(box.nextElementSibling);
    // Between two paragraphs; or opening or closing the body (nothing else beside it there) with a
    // list of facts under its heading — a bio or a "more" box after the text is paragraphs or links.
    const atEdge = (!box.previousElementSibling && after) || (!box.nextElementSibling && before);
    const title = boxTitle(box);
    if (!(before && after) && !(atEdge && (box.querySelector('li') || isExplainerHeading(title) || isStatementsBox(box, title)) && bodyParagraphsBeside(box) >= 2)) continue;
    if (title === null || !box.querySelector('li, p')) continue;
    const text = (box.textContent ?? '').replace(/\s+/g, '');
    const linked = [...box.querySelectorAll('a')].reduce((n, a) => n + (a.textContent ?? '').replace(/\s+/g, '').length, 0);
    if (text.length === 0 || linked / text.length > MAX_FACT_BOX_LINK_SHARE) continue;
    const section = box.ownerDocument.createElement('section');
    section.innerHTML = box.innerHTML;
    box.replaceWith(section);
  }
}

// A box's heading that says it explains or sums up the story: a question ("What is the energy
// tax?") or the words of a facts box. An author bio is headed with a name or "About the author".
const EXPLAINER_HEADING = /^(?:key (?:facts|points|figures|dates)|fact ?(?:file|box|sheet|check)|the facts|quick facts|at a glance|in numbers|by the numbers|explainer|background|timeline|what we know|in brief|in short)\b/i;

function isExplainerHeading(heading: string | null): boolean {
  return !!heading && heading.length <= 90 && (/\?$/.test(heading) || EXPLAINER_HEADING.test(heading));
}

const MAX_BOX_TITLE = 90;
// The title of a box about the writer, not the story.
const PERSON_BOX_TITLE = /\b(?:author|writer|contributor|columnist|reporter|about (?:the|us|me|him|her))\b/i;

/** A box's title: its heading element, or a first paragraph that is all bold, short and unpunctuated. */
function boxTitle(box: LinkedomAny): string | null {
  const squashed = (el: LinkedomAny | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const heading = squashed(box.querySelector('h2, h3, h4, h5, h6'));
  if (heading !== '') return heading;
  const first = box.firstElementChild;
  if (!first?.matches('p')) return null;
  const text = squashed(first);
  const bold = [...first.querySelectorAll('strong, b')].map((b) => squashed(b)).join(' ');
  return text !== '' && text.length <= MAX_BOX_TITLE && bold === text && !/[.!:;,…]$/u.test(text) ? text : null;
}

/**
 * A summary box of statements under a title — two or more paragraphs, none a link — is the
 * reporter's summary; a box about the writer ("About the author") is not.
 */
function isStatementsBox(box: LinkedomAny, title: string | null): boolean {
  if (!title || PERSON_BOX_TITLE.test(title)) return false;
  const statements = [...box.querySelectorAll('p')].filter((p) => /[.!?]["”’»)]?$/u.test((p.textContent ?? '').trim()) && !p.querySelector('a'));
  return statements.length >= 2;
}

function bodyParagraphsBeside(box: LinkedomAny): number {
  return [...(box.parentElement?.children ?? [])].filter((el) => isBodyParagraph(el)).length;
}

function isBodyParagraph(el: LinkedomAny | null): boolean {
  return !!el && el.matches('p') && (el.textContent ?? '').trim().length >= 40;
}

type LinkedomElement = NonNullable<LinkedomDocument['body']>;
type LinkedomAny = NonNullable<ReturnType<LinkedomDocument['querySelector']>>;

// "8m ago", "2 hours ago", "just now", "yesterday": true only when the page was saved.
const RELATIVE_TIME = /^(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago|an? (?:minute|hour|day) ago|just now|moments? ago|yesterday|today|vor \d+\s*(?:min(?:uten?)?|std\.?|stunden?)|il y a \d+\s*(?:min|minutes?|h|heures?)|hace \d+\s*(?:min(?:utos?)?|h|horas?))$/i;
// A clock time as an entry header prints it ("15.40 GMT", "9:12 am ET"), possibly after a date.
const CLOCK_TIME = /\b\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$/i;

/**
 * A live blog's entries are articles — inside the article, or a feed of sibling articles — each
 * with a <header> holding its time and title. Readability takes such a header for page chrome and
 * drops it, title and all; set out as plain blocks (the time a line of its own, then the title)
 * they stay with their entry. The time is the one printed: a relative time ("2h ago") beside it is
 * only true on the day the page was saved and goes.
 */
function unwrapEntryHeaders(body: LinkedomElement): void {
  for (const header of [...body.querySelectorAll('article > header')]) {
    const entry = header.parentElement!;
    const inFeed = !!entry.parentElement?.closest('article') || [...(entry.parentElement?.children ?? [])].filter((el) => el.matches('article')).length >= 2;
    if (!inFeed) continue;
    const doc = header.ownerDocument;
    const blocks: LinkedomAny[] = [];
    for (const line of entryTimes(header)) {
      const p = doc.createElement('p');
      p.textContent = line;
      blocks.push(p);
    }
    for (const heading of header.querySelectorAll('h2, h3, h4, h5, h6')) blocks.push(heading);
    header.replaceWith(...blocks);
  }
}

/** The printed times of an entry header: its <time> texts, or a clock time printed beside a relative one. */
function entryTimes(header: LinkedomAny): string[] {
  const squashed = (el: LinkedomAny) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
  const times = [...header.querySelectorAll('time')].map(squashed).filter((t) => t !== '');
  const printed = times.filter((t) => !RELATIVE_TIME.test(t));
  if (printed.length > 0 || times.length === 0) return printed;
  // Only relative times in <time>: the absolute one is in a plain element of the header.
  const leaves = [...header.querySelectorAll('*')].filter((el) => el.children.length === 0 && !el.closest('time, h2, h3, h4, h5, h6'));
  return leaves.map(squashed).filter((t) => t.length <= 40 && CLOCK_TIME.test(t) && !RELATIVE_TIME.test(t)).slice(0, 1);
}

/** The largest box around `el` that is still small and holds no article (a widget's own box). */
function removeSmallBox(el: LinkedomAny): void {
  let box: LinkedomAny = el;
  for (let up = box.parentElement; up && !up.matches('article, main, [role="main"], body') && !up.querySelector('h1, article'); up = up.parentElement) {
    if ((up.textContent ?? '').trim().length > MAX_CALL_TO_ACTION_BOX) break;
    box = up;
  }
  box.remove();
}

/**
 * Newsletter, subscription and donation boxes set with layout classes only (utility CSS, a
 * plugin's names): a button-like link — short, a block of its own, not a link inside running
 * text — to a sign-up or donation page takes its small box with it.
 */
function removeSignUpBoxes(body: LinkedomElement): void {
  for (const a of [...body.querySelectorAll('a[href]')]) {
    if (!a.isConnected) continue;
    let path: string;
    try {
      path = new URL(a.getAttribute('href') ?? '', 'https://page.invalid/').pathname;
    } catch {
      continue;
    }
    const label = (a.textContent ?? '').trim();
    if (!CALL_TO_ACTION_PATH.test(path) || label === '' || label.length > 40) continue;
    // A button: all the text of its parent, or a block of its own in a box — not a link inside a sentence.
    // A list of links is the article's (resources) or a menu that goes anyway.
    const parent = a.parentElement;
    if (!parent || a.closest('li') || ((parent.textContent ?? '').trim() !== label && parent.matches('p, li, td, th, span, em, strong, b, i, blockquote, h1, h2, h3, h4, h5, h6'))) continue;
    removeSmallBox(a);
  }
}

/**
 * A figure holding a picture goes with its caption and credit (a figure holding a table or a
 * quotation is content and stays). Captions outside <figure> (WordPress, CMS templates) are
 * recognised by their class next to a picture.
 */
function removeMediaCaptions(body: LinkedomElement): void {
  for (const figure of [...body.querySelectorAll('figure')]) {
    if (figure.isConnected && figure.querySelector(MEDIA_SELECTOR) && !figure.querySelector('table, blockquote, pre')) figure.remove();
  }
  for (const el of [...body.querySelectorAll('[class]')]) {
    if (!el.isConnected || !CAPTION_WORDS.test(el.getAttribute('class') ?? '')) continue;
    const near = el.parentElement;
    if ((el.textContent ?? '').length < 500 && near && (near.querySelector(MEDIA_SELECTOR) || near.parentElement?.querySelector(MEDIA_SELECTOR))) el.remove();
  }
  // A picture set in a paragraph of its own, its caption the plain paragraph under it ("Photo: … ").
  for (const img of [...body.querySelectorAll(MEDIA_SELECTOR)]) {
    const holder = img.closest('p, div');
    if (!holder?.isConnected || (holder.textContent ?? '').trim() !== '') continue;
    const next = holder.nextElementSibling;
    const text = (next?.textContent ?? '').trim();
    if (next?.matches('p') && text.length <= 300 && CREDIT_LABEL.test(text)) next.remove();
  }
}

/**
 * Footnote markers: a superscript in-page link ("…security.<sup><a href="#fn1">1</a></sup>") would
 * read as part of the word or number it follows ("2024.2"); it becomes "[1]". The arrows back from
 * an endnote to the text are dropped.
 */
function markFootnoteReferences(body: LinkedomElement): void {
  for (const sup of [...body.querySelectorAll('sup')]) {
    const link = sup.querySelector('a[href^="#"]');
    const label = (sup.textContent ?? '').trim();
    if (!/^[\p{L}\p{N}*†‡§]{1,4}$/u.test(label)) continue;
    // The link inside the superscript, or (pandoc, many CMSs) the superscript inside the link.
    const around = sup.parentElement?.matches('a[href^="#"]') && (sup.parentElement.textContent ?? '').trim() === label ? sup.parentElement : null;
    if (link || around) (around ?? sup).replaceWith(sup.ownerDocument.createTextNode(`[${label}]`));
  }
  for (const a of [...body.querySelectorAll('a[role="doc-noteref"]')]) {
    const label = (a.textContent ?? '').trim().replace(/^\[(.*)\]$/, '$1');
    if (/^[\p{L}\p{N}*†‡§]{1,4}$/u.test(label)) a.replaceWith(a.ownerDocument.createTextNode(`[${label}]`));
  }
  // A bare number linked to a note in the page, glued to the word before it (Substack and other
  // editors set no <sup>): "…4.4 million.<a href="#footnote-1">1</a>".
  for (const a of [...body.querySelectorAll('a[href^="#"]')]) {
    const label = (a.textContent ?? '').trim().replace(/^\[(\d{1,3})\]$/, '$1');
    if (!/^\d{1,3}$/.test(label) || a.querySelector('img')) continue;
    const before = a.previousSibling?.textContent ?? '';
    const noteLike = /(?:^#|[-_])(?:fn|footnote|note|endnote|ref)/i.test(a.getAttribute('href') ?? '') || /\b(?:footnote|fn|noteref)/i.test(a.getAttribute('class') ?? '');
    if (noteLike && (before === '' || /\S$/.test(before))) a.replaceWith(a.ownerDocument.createTextNode(`[${label}]`));
  }
  for (const a of [...body.querySelectorAll('a[role="doc-backlink"]')]) a.remove();
  for (const a of [...body.querySelectorAll('a[href^="#"]')]) if (BACK_REFERENCE.test(a.textContent ?? '')) a.remove();
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
