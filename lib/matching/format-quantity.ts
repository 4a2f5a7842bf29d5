/** A figure as a reason shows it: "6,000–6,500", "more than 600", "70%", "$1.2 million". */
import type { Quantity } from './find-quantities';

function plain(n: number): string {
  if (n >= 1e9 && n % 1e7 === 0) return `${(n / 1e9).toLocaleString('en-US', { maximumFractionDigits: 2 })} billion`;
  if (n >= 1e6 && n % 1e4 === 0) return `${(n / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} million`;
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const CURRENCY_SIGN: Record<string, string> = { gbp: '£', eur: '€', rupee: 'Rs ', afn: 'AFN ' };

export function formatQuantity(q: Quantity): string {
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
