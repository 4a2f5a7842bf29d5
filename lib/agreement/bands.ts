// Landis & Koch (1977), "The measurement of observer agreement for categorical data": the conventional
// reading of κ (and, by the same scale, α). A reading, not a verdict: Krippendorff asks α ≥ .800 for
// conclusions and ≥ .667 for tentative ones, which the agreement page says too.

export type Band = { label: string; min: number };

export const LANDIS_KOCH_BANDS: readonly Band[] = [
  { label: 'almost perfect', min: 0.81 },
  { label: 'substantial', min: 0.61 },
  { label: 'moderate', min: 0.41 },
  { label: 'fair', min: 0.21 },
  { label: 'slight', min: 0 },
];

export function landisKoch(value: number): string {
  if (value < 0) return 'poor (worse than chance)';
  // Values are shown to two decimals: the band follows the shown figure (0.805 → "0.81", almost perfect).
  const shown = Math.round(value * 100) / 100;
  return LANDIS_KOCH_BANDS.find((b) => shown >= b.min)?.label ?? 'slight';
}
