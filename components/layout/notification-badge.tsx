'use client';

import Link from 'next/link';
import { useNotifications } from '@/components/hooks/use-notifications';

export function NotificationBadge() {
  const { data } = useNotifications();
  const count = data?.unread ?? 0;
  return (
    <Link href="/notifications" className="notification-badge" aria-label={`${count} new replies or verdicts on your annotations`}>
      <span aria-hidden>🔔</span>
      {count > 0 ? <span className="badge" data-testid="notification-count">{count}</span> : null}
    </Link>
  );
}
