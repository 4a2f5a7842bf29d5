'use client';

import { useQuery } from '@tanstack/react-query';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { markNotificationsSeen, notificationKeys, notificationsQuery } from '@/lib/client/notifications-api';

export function useNotifications() {
  return useQuery({ ...notificationsQuery(), refetchInterval: 30_000 });
}

/** Opening the notifications page marks everything seen: the badge clears once the list refetches. */
export function useMarkNotificationsSeen() {
  return useOptimisticMutation({
    mutationFn: () => markNotificationsSeen(),
    settle: () => [notificationKeys.all],
  });
}
