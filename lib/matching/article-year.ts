// The year an article was published, which dates the claims in it that name no year themselves
// ("inflation rose 12.5%" in a 2025 article is not the 12.5% of 2019). Unknown dates read nothing.
export function articleYearOf(publishedAt: Date | string | null | undefined): number | null {
  if (!publishedAt) return null;
  const d = publishedAt instanceof Date ? publishedAt : new Date(publishedAt);
  const y = d.getUTCFullYear();
  return Number.isFinite(y) ? y : null;
}
