// How a claim checked before reads in the UI and the brief: "Confirmed in The Capital Ledger, 15 Jul".
// The verdict's wording comes from the caller's own status labels (UI and export each keep theirs).

export function describeCheck(statusLabel: string, article: { outlet: string | null; title: string; publishedAt: string | Date | null }): string {
  const where = article.outlet ?? article.title;
  const when = article.publishedAt ? new Date(article.publishedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : null;
  return `${statusLabel} in ${where}${when ? `, ${when}` : ''}`;
}
