'use client';

import Link from 'next/link';
import { useNotifications } from '@/components/hooks/use-notifications';

export function NotificationBadge() {
  const { data } = useNotifications();
  const count = data?.unread ?? 0;
  return (
    <Link href="/notifications" className="notification-badge" aria-label={`${count} new replies or verdicts on your annotations`}>
      {/* An SVG bell: emoji fonts are not installed everywhere. */}
      <svg aria-hidden width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {count > 0 ? <span className="badge" data-testid="notification-count">{count}</span> : null}
    </Link>
  );
}
