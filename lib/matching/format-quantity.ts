/** A figure as a reason shows it: "6,000–6,500", "more than 600", "70%", "$1.2 million". */
import type { Quantity } from './find-quantities';

function plain(n: number): string {
  if (n >= 1e9 && n % 1e7 === 0) return `${(n / 1e9).toLocaleString('en-US', { maximumFractionDigits: 2 })} billion`;
  if (n >= 1e6 && n % 1e4 === 0) return `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} million`;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const CURRENCY_SIGN: Record<string, string> = { gbp: '£', eur: '€', rupee: 'Rs ', afn: 'AFN ' };

// Bytes as a reason shows them: the largest unit the figure reaches ("700 GB", "1.2 TB").
const DATA_SIZES: [number, string][] = [[1e15, 'PB'], [1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'KB']];
const bytes = (n: number, unit: number, name: string) => `${(n / unit).toLocaleString('en-US', { maximumFractionDigits: 2 })} ${name}`;

// A unit of measure as a reason shows it: in the unit a reporter would use at that size.
const MEASURE_NAMES: Record<string, [number, string][]> = {
  mass: [[1e3, 'tonnes'], [1, 'kg']],
  length: [[1e3, 'km'], [1, 'm']],
  area: [[1e6, 'km²'], [1e4, 'hectares'], [1, 'm²']],
  speed: [[1, 'km/h']],
  volume: [[1, 'litres']],
};

export function formatQuantity(q: Quantity): string {
  if (q.kind === 'data') {
    const [unit, name] = DATA_SIZES.find(([u]) => q.lo >= u) ?? [1, 'bytes'];
    return q.lo === q.hi ? bytes(q.lo, unit, name) : `${bytes(q.lo, unit, name)}–${bytes(q.hi, unit, name)}`;
  }
  if (q.kind === 'measure') {
    const [unit, name] = (MEASURE_NAMES[q.unit ?? ''] ?? [[1, '']]).find(([u]) => q.lo >= u) ?? [1, ''];
    const at = (n: number) => (n / unit).toLocaleString('en-US', { maximumFractionDigits: 2 });
    const core = `${q.lo === q.hi ? at(q.lo) : `${at(q.lo)}–${at(q.hi)}`} ${name}`.trim();
    return q.qualifier === 'exact' ? core : `${{ atLeast: 'more than', atMost: 'up to', nearly: 'nearly', approx: 'about', vague: '' }[q.qualifier]} ${core}`.trim();
  }
  if (q.kind === 'duration' && q.unit === 'offset') {
    // An offset is kept in hours: shown in the largest unit it fills ("4 hours", "7 days").
    const [size, name] = ([[8766, 'year'], [730, 'month'], [168, 'week'], [24, 'day'], [1, 'hour'], [1 / 60, 'minute']] as const).find(([u]) => q.lo >= u && Number.isInteger(Math.round((q.lo / u) * 100) / 100)) ?? [1, 'hour'];
    const n = Math.round((q.lo / size) * 100) / 100;
    const core = `${n} ${name}${n === 1 ? '' : 's'}`;
    return q.qualifier === 'atMost' ? `within ${core}` : q.qualifier === 'exact' ? core : `about ${core}`;
  }
  if (q.kind === 'year') return q.lo === q.hi ? String(q.lo) : `${q.lo}–${q.hi}`;
  if (q.kind === 'ordinal') return `${q.lo}th`;
  const core = q.qualifier === 'vague' ? q.text.trim().toLowerCase() : q.lo === q.hi ? plain(q.lo) : `${plain(q.lo)}–${plain(q.hi)}`;
  const withKind =
    q.kind === 'percent' ? `${core}%` : q.kind === 'money' ? `${CURRENCY_SIGN[q.unit ?? ''] ?? '$'}${core}` : q.kind === 'duration' ? `${core} ${q.unit}${q.hi === 1 ? '' : 's'}` : core;
  switch (q.qualifier) {
    case 'atLeast':
      return `more than ${withKind}`;
    case 'atMost':
      return `up to ${withKind}`;
    case 'nearly':
      return `nearly ${withKind}`;
    case 'approx':
      return `about ${withKind}`;
    default:
      return withKind;
  }
}
