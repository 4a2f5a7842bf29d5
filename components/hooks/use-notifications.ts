'use client';

import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api-fetch';

export const notificationKeys = { all: ['notifications'] as const };

export type NotificationsResponse = {
  unread: number;
  items: Array<{ kind: 'reply' | 'review'; id: string; annotationId: string; articleId: string; actor: { id: string; name: string }; summary: string; at: string; unread: boolean }>;
};

export function useNotifications() {
  return useQuery({
    queryKey: notificationKeys.all,
    queryFn: () => apiFetch<NotificationsResponse>('/api/notifications'),
    refetchInterval: 30_000,
  });
}
