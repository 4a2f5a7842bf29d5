// How every export format names a document a claim's evidence cites.

/** Its title, then symbol and issuer when known: "Report (S/2025/482, UN Security Council)". */
export function sourceLabel(d: { title: string; symbol: string | null; issuer: string | null }): string {
  const extra = [d.symbol, d.issuer].filter((x): x is string => Boolean(x && x.trim()));
  const title = d.title || 'Untitled document';
  return extra.length > 0 ? `${title} (${extra.join(', ')})` : title;
}
