import { describe, expect, it } from 'vitest';
import { pageAt, pageLabel, readPageMap, type PageMap } from '@/lib/documents/page-map';
import { findArticleJsonLd, mergePageMetadata } from '@/lib/documents/page-metadata';

const PAGES: PageMap = [
  { page: 1, label: 'i', start: 0 },
  { page: 2, label: '1', start: 120 },
  { page: 3, label: '2', start: 120 },
  { page: 4, label: '3', start: 300 },
];

describe('page map', () => {
  it('finds the page of an offset; text at a blank page’s start belongs to the next page', () => {
    expect(pageAt(PAGES, 0).label).toBe('i');
    expect(pageAt(PAGES, 119).page).toBe(1);
    expect(pageAt(PAGES, 120).page).toBe(3);
    expect(pageAt(PAGES, 10_000).page).toBe(4);
    expect(pageLabel(PAGES, 130, 140)).toBe('p. 2');
    expect(pageLabel(PAGES, 100, 310)).toBe('pp. i–3');
  });

  it('reads only well-formed stored maps', () => {
    expect(readPageMap(null)).toBeNull();
    expect(readPageMap([])).toBeNull();
    expect(readPageMap([{ page: 1, label: '1', start: -1 }])).toBeNull();
    expect(readPageMap(PAGES)).toEqual(PAGES);
  });
});

describe('page metadata', () => {
  it('prefers JSON-LD, then Readability, then Open Graph and meta tags', () => {
    const merged = mergePageMetadata({
      jsonLd: [{ '@context': 'https://schema.org', '@graph': [{ '@type': 'Organization', name: 'X' }, { '@type': ['NewsArticle'], headline: 'LD headline', author: { name: 'LD Author' }, datePublished: '2026-01-02', publisher: 'LD Outlet' }] }],
      meta: { 'og:title': 'OG title', 'og:site_name': 'OG outlet', author: 'Meta author', 'article:published_time': '2025-01-01' },
      canonicalUrl: 'https://example.org/a',
      readability: { title: 'R title', byline: 'R byline', siteName: 'R site', publishedTime: null },
    });
    expect(merged).toEqual({ title: 'LD headline', byline: 'LD Author', outlet: 'LD Outlet', publishedAt: '2026-01-02T00:00:00.000Z', url: 'https://example.org/a' });
    const fallback = mergePageMetadata({ jsonLd: [], meta: { 'og:title': 'OG title', 'og:url': 'javascript:alert(1)', 'article:published_time': 'not a date' }, canonicalUrl: null, readability: null });
    expect(fallback).toEqual({ title: 'OG title', byline: null, outlet: null, publishedAt: null, url: null });
  });

  it('finds the article object inside arrays and @graph, preferring it to a WebPage', () => {
    expect(findArticleJsonLd([[{ '@type': 'WebPage', name: 'p' }, { '@graph': [{ '@type': 'ReportageNewsArticle', headline: 'h' }] }]])).toMatchObject({ headline: 'h' });
    expect(findArticleJsonLd([{ '@type': 'WebPage', headline: 'w' }])).toMatchObject({ headline: 'w' });
    expect(findArticleJsonLd(['junk', 3, null])).toBeNull();
  });
});
