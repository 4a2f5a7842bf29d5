// Article metadata a saved page declares, merged from the places publishers put it. Readability
// already reads most of these; we add what it leaves out (canonical URL, JSON-LD authors as a
// list, @graph containers) and decide one precedence: JSON-LD NewsArticle > Readability >
// Open Graph / article:* meta > plain <meta name> tags.

export type DocumentMetadata = {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** ISO 8601. */
  publishedAt: string | null;
  url: string | null;
};

export const NO_METADATA: DocumentMetadata = { title: null, byline: null, outlet: null, publishedAt: null, url: null };

export type PageMetaSources = {
  /** Parsed `<script type="application/ld+json">` blocks (already JSON.parse'd). */
  jsonLd: unknown[];
  /** `<meta property|name=… content=…>` by lower-cased key (first occurrence wins). */
  meta: Record<string, string>;
  canonicalUrl: string | null;
  /** Every `<meta name="citation_author">`, in order (research pages list one per author). */
  citationAuthors?: string[];
  /** schema.org microdata of the article (pages with no JSON-LD). */
  microdata?: { datePublished: string | null; author: string | null; publisher: string | null };
  /** The names of the byline line as printed (links to author pages), in order. */
  printedAuthors?: string[];
  /** The page's `<title>`, usually "<headline> | <site>". */
  documentTitle?: string | null;
  readability: { title?: string | null; byline?: string | null; siteName?: string | null; publishedTime?: string | null } | null;
};

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|Report|ScholarlyArticle|LiveBlogPosting|WebPage)$/;

export function mergePageMetadata(sources: PageMetaSources): DocumentMetadata {
  const ld = findArticleJsonLd(sources.jsonLd);
  const ids = indexJsonLdIds(sources.jsonLd);
  const m = sources.meta;
  const r = sources.readability;
  const declaredByline = firstText(...[m['author'], m['byl'], m['parsely-author'], m['sailthru.author'], m['article:author'], m['dc.creator'], m['dcterms.creator'], citationByline(sources.citationAuthors)].map(notUrl));
  const readabilityByline = r?.byline && !(declaredByline && looksRunTogether(r.byline)) ? r.byline : null;
  const md = sources.microdata;
  const printedTitle = r?.title && withoutPrintedKicker(r.title, [m['og:title'], m['twitter:title']]);
  const title = firstText(ld && text(ld.headline), printedTitle, m['og:title'], m['twitter:title'], m['citation_title']);
  return {
    title: title && withoutWireVersionTag(printedWithoutLiveLabel(title, printedTitle ?? null)),
    byline: withoutAffiliations(fullerPrintedByline(firstText(ld && authors(ld.author, ids), readabilityByline, declaredByline, md?.author), sources.printedAuthors ?? [])),
    outlet: firstText(
      ld && publisherName(ld.publisher, ids),
      r?.siteName,
      m['og:site_name'],
      m['citation_publisher'],
      m['dc.publisher'],
      m['application-name'],
      md?.publisher,
      siteNameFromTitle(sources.documentTitle ?? null, [title, r?.title, ld && text(ld.headline)]),
    ),
    publishedAt: firstDate(
      ld && text(ld.datePublished),
      r?.publishedTime,
      md?.datePublished,
      m['article:published_time'],
      m['og:published_time'],
      m['date'],
      m['dc.date'],
      m['dc.date.issued'],
      m['dcterms.date'],
      m['dcterms.issued'],
      m['citation_publication_date'],
      m['citation_date'],
      m['citation_online_date'],
      m['pubdate'],
    ),
    url: firstUrl(sources.canonicalUrl, m['og:url'], ld && text(ld.url)),
  };
}

type LdObject = Record<string, unknown>;

// A live blog's label on its headline ("… – live", "Live: …", "LIVE | …", "… – as it happened"):
// the genre of the page, not words of the headline.
const LIVE_LABEL_AFTER = /\s+[–—-]\s+(?:live|as it happened)\s*$/i;
const LIVE_LABEL_BEFORE = /^\s*(?:live(?: updates)?|en direct|en vivo|en directo|ao vivo|liveblog|live-ticker)\s*[:|–—-]\s+/i;

/**
 * The declared title without a live label the printed headline does not carry ("… – live" in
 * og:title and JSON-LD over an <h1> without it). A headline printed with its label keeps it.
 */
export function printedWithoutLiveLabel(title: string, printed: string | null): string {
  const stripped = clean(title.replace(LIVE_LABEL_AFTER, '').replace(LIVE_LABEL_BEFORE, ''));
  return printed && stripped !== '' && stripped !== clean(title) && stripped.toLowerCase() === clean(printed).toLowerCase() ? clean(printed) : title;
}

// An agency's version tag on a headline ("(LEAD)", "(2nd LD)", "(URGENT)", "UPDATE 2-", "REFILE-"):
// which edit of the story this is, for the desks that take the wire, not words of the headline.
const WIRE_VERSION_TAG = /^\s*(?:\((?:LEAD|URGENT|\d+(?:st|nd|rd|th) LD|LD)\)\s+|(?:UPDATE \d+|REFILE|CORRECTED|RPT|WRAPUP \d+)\s*-\s*)(?=\S)/;

export function withoutWireVersionTag(title: string): string {
  return title.replace(WIRE_VERSION_TAG, '');
}

/** A kicker printed in the headline's own element is a word or a few. */
const MAX_KICKER_WORDS = 4;

/**
 * The printed <h1> without a kicker set inside it ("<span>Trains</span> <span>Why Germany's rail
 * network…</span>"): when the declared title is the end of the printed one and what comes before
 * it is a word or a few, the declared title is the headline.
 */
export function withoutPrintedKicker(printed: string, declared: (string | undefined)[]): string {
  const head = clean(printed);
  for (const candidate of declared) {
    const d = candidate ? clean(candidate) : '';
    if (d === '' || d.length >= head.length || !head.toLowerCase().endsWith(d.toLowerCase())) continue;
    const kicker = head.slice(0, head.length - d.length);
    if (!/[\s:|–—-]$/.test(kicker)) continue;
    const words = kicker.split(/[^\p{L}\p{N}]+/u).filter(Boolean).length;
    if (words >= 1 && words <= MAX_KICKER_WORDS) return d;
  }
  return head;
}

/** A site name is short: "The Valley Voice", not a second headline. */
const MAX_SITE_NAME = 60;

/**
 * "<headline> - The Valley Voice": the part of the <title> after the headline and a separator is
 * the site's name (pages with no og:site_name or publisher). Only when the title opens with the
 * page's headline, so that a title that is all headline gives no outlet.
 */
export function siteNameFromTitle(documentTitle: string | null, headlines: Array<string | null | undefined>): string | null {
  if (!documentTitle) return null;
  const page = clean(documentTitle);
  for (const h of headlines) {
    const headline = h ? clean(h) : '';
    if (headline === '' || !page.toLowerCase().startsWith(headline.toLowerCase())) continue;
    const rest = /^\s*(?:[|–—:·•-]|::)\s*(.+)$/.exec(page.slice(headline.length));
    const name = rest?.[1]?.split(/\s+[|–—·•-]\s+/).pop()?.trim() ?? '';
    if (name !== '' && name.length <= MAX_SITE_NAME) return name;
  }
  return null;
}

// "Jordan Ellis (KVRT)", "Jane Roe (AP)": the bracket after a name is the author's employer or
// agency, not part of the name (it would never match the name printed elsewhere on the page).
const AFFILIATION = /\s*\([^()]{1,40}\)(?=\s*(?:,|;|&|\band\b|$))/giu;

export function withoutAffiliations(byline: string | null): string | null {
  if (!byline) return byline;
  const stripped = clean(byline.replace(AFFILIATION, ''));
  return stripped === '' ? byline : stripped;
}

/**
 * The printed byline when it names every declared author and more: platforms often declare only
 * the first author (Ghost's JSON-LD, twitter:data1) while the page prints all of them.
 */
export function fullerPrintedByline(declared: string | null, printed: string[]): string | null {
  if (printed.length === 0) return declared;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
  const declaredNames = (declared ?? '').split(/\s*(?:,|;|&|\band\b)\s*/i).map(key).filter(Boolean);
  const printedNames = new Set(printed.map(key));
  if (declaredNames.length === 0 || printed.length <= declaredNames.length) return declared;
  return declaredNames.every((n) => printedNames.has(n)) ? printed.join(', ') : declared;
}

/** The first JSON-LD object whose @type is an article kind, looking inside arrays and @graph. */
export function findArticleJsonLd(blocks: unknown[]): LdObject | null {
  let fallback: LdObject | null = null;
  for (const obj of jsonLdNodes(blocks, 1000)) {
    const types = ([] as unknown[]).concat(obj['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => ARTICLE_TYPES.test(t))) {
      // A WebPage wrapper is weaker evidence than the article itself.
      if (types.includes('WebPage') && types.length === 1) fallback ??= obj;
      else return obj;
    }
  }
  return fallback;
}

function text(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return text(v[0]);
  if (v && typeof v === 'object' && typeof (v as LdObject)['@value'] === 'string') return (v as LdObject)['@value'] as string;
  return null;
}

/** Every JSON-LD node with an @id, so that `{"@id": "…#/schema/person/5f2a"}` can be read as the Person it names. */
function indexJsonLdIds(blocks: unknown[]): Map<string, LdObject> {
  const ids = new Map<string, LdObject>();
  for (const obj of jsonLdNodes(blocks, 5000)) {
    if (typeof obj['@id'] === 'string' && Object.keys(obj).length > 1 && !ids.has(obj['@id'])) ids.set(obj['@id'], obj);
  }
  return ids;
}

/** The JSON-LD objects of the page's blocks, breadth first through arrays and @graph, at most `limit` items looked at (a hostile page may nest without end). */
function* jsonLdNodes(blocks: unknown[], limit: number): Generator<LdObject> {
  const queue: unknown[] = [...blocks];
  for (let guard = 0; queue.length > 0 && guard < limit; guard++) {
    const item = queue.shift();
    if (Array.isArray(item)) {
      queue.push(...item);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const obj = item as LdObject;
    if (Array.isArray(obj['@graph'])) queue.push(...obj['@graph']);
    yield obj;
  }
}

/** A reference (an object with only an @id) replaced by the node it points at. */
function resolve(v: unknown, ids: Map<string, LdObject>): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const id = (v as LdObject)['@id'];
    if (typeof id === 'string' && (v as LdObject).name === undefined) return ids.get(id) ?? v;
  }
  return v;
}

function authors(v: unknown, ids: Map<string, LdObject>): string | null {
  const list = ([] as unknown[]).concat(v ?? []).map((a) => resolve(a, ids));
  const names = list
    .map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? text((a as LdObject).name) : null))
    .map((n) => (n ? clean(n) : ''))
    .filter((n) => n !== '' && !/^https?:\/\//.test(n));
  return names.length > 0 ? [...new Set(names)].join(', ') : null;
}

function publisherName(v: unknown, ids: Map<string, LdObject>): string | null {
  const p = resolve(Array.isArray(v) ? v[0] : v, ids);
  if (typeof p === 'string') return p;
  return p && typeof p === 'object' ? text((p as LdObject).name) : null;
}

/** citation_author is "Last, First" by convention (Highwire Press tags); the byline reads "First Last". */
function citationByline(names: string[] | undefined): string | null {
  const list = (names ?? [])
    .map((n) => clean(n))
    .filter(Boolean)
    .map((n) => (/^[^,]+,\s*[^,]+$/.test(n) ? n.replace(/^([^,]+),\s*(.+)$/, '$2 $1') : n));
  return list.length > 0 ? list.join(', ') : null;
}

/** Two lines of a byline box read as one string: a lower-case letter glued to a capital ("LodiPhotographs"). */
function looksRunTogether(byline: string): boolean {
  return /\p{Ll}\p{Lu}\p{Ll}/u.test(byline.replace(/\b(?:Mc|Mac|De|Di|Le|La|Van|Von|O')\p{Lu}/gu, ''));
}

function notUrl(v: string | null | undefined): string | null {
  if (typeof v !== 'string') return null;
  const c = clean(v).replace(/^by\s+/i, '');
  return /^https?:\/\//i.test(c) ? null : c;
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function firstText(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    const c = typeof v === 'string' ? clean(v) : '';
    if (c !== '') return c.length > 300 ? `${c.slice(0, 299)}…` : c;
  }
  return null;
}

function firstDate(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    if (typeof v !== 'string' || v.trim() === '') continue;
    // "2025/04/10" (citation tags) is a calendar date: read it as ISO would, not in local time.
    const t = Date.parse(v.trim().replace(/^(\d{4})\/(\d{2})\/(\d{2})$/, '$1-$2-$3'));
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  return null;
}

function firstUrl(...values: Array<string | null | undefined>): string | null {
  for (const v of values) {
    if (typeof v !== 'string') continue;
    try {
      const u = new URL(v.trim());
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch {
      // not an absolute URL: try the next source
    }
  }
  return null;
}
