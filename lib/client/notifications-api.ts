// Typed fetchers for the in-app notifications (../shared/API.md).
import { queryOptions } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api-fetch';
import type { NotificationsDto } from '@/lib/notifications/notification-dto';

export const notificationKeys = {
  all: ['notifications'] as const,
};

export function fetchNotifications(): Promise<NotificationsDto> {
  return apiFetch<NotificationsDto>('/api/notifications');
}

/** Records "seen up to now": only newer activity counts as unread. */
export function markNotificationsSeen(): Promise<void> {
  return apiFetch<{ ok: true }>('/api/notifications', { method: 'POST' }).then(() => undefined);
}

export const notificationsQuery = () => queryOptions({ queryKey: notificationKeys.all, queryFn: fetchNotifications });
