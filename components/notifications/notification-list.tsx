'use client';

import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { useMarkNotificationsSeen, useNotifications } from '@/components/hooks/use-notifications';
import { errorMessage } from '@/lib/client/error-message';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** Replies and verdicts on my annotations; opening the page marks them seen (the badge clears). */
export function NotificationList() {
  const notifications = useNotifications();
  const markSeen = useMarkNotificationsSeen();
  // Unread items keep their highlight for this visit; the server records the visit once.
  const marked = useRef(false);
  const hasUnread = (notifications.data?.unread ?? 0) > 0;
  const { mutate } = markSeen;
  useEffect(() => {
    if (!hasUnread || marked.current) return;
    marked.current = true;
    mutate();
  }, [hasUnread, mutate]);

  if (notifications.isPending) return <p className="muted">Loading…</p>;
  if (notifications.isError) return <p role="alert">Could not load notifications: {errorMessage(notifications.error)}</p>;
  const items = notifications.data.items;
  if (items.length === 0) return <p className="muted">Nothing yet. Replies and verdicts on your annotations show up here.</p>;
  return (
    <ul className="card stack notification-list" aria-label="Notifications">
      {items.map((item) => (
        <li key={`${item.kind}-${item.id}`} className={item.unread ? 'is-unread' : undefined} data-testid="notification">
          <Link href={`/articles/${encodeURIComponent(item.articleId)}?annotation=${encodeURIComponent(item.annotationId)}`}>
            <strong>{item.actor.name}</strong> {item.summary}
          </Link>
          <div className="muted small">{when.format(new Date(item.at))}</div>
        </li>
      ))}
    </ul>
  );
}
