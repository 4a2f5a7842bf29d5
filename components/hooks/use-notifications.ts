'use client';

import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { annotationKeys } from '@/lib/client/annotation-keys';
import { useOptimisticMutation } from '@/components/hooks/use-optimistic-mutation';
import { markNotificationsSeen, notificationKeys, notificationsQuery } from '@/lib/client/notifications-api';

/** Without a live stream the bell polls; while one is open it brings replies and verdicts on the viewer's claims. */
const POLL_MS = 30_000;
/** With a stream open, a slow poll still catches activity on other articles. */
const POLL_WHILE_LIVE_MS = 300_000;

export function useNotifications() {
  const client = useQueryClient();
  return useQuery({ ...notificationsQuery(), refetchInterval: () => (anyLiveStream(client) ? POLL_WHILE_LIVE_MS : POLL_MS) });
}

function anyLiveStream(client: QueryClient): boolean {
  return client.getQueriesData<boolean>({ queryKey: annotationKeys.liveAll() }).some(([, open]) => open === true);
}

/** Opening the notifications page marks everything seen: the badge clears once the list refetches. */
export function useMarkNotificationsSeen() {
  return useOptimisticMutation({
    mutationFn: () => markNotificationsSeen(),
    settle: () => [notificationKeys.all],
  });
}
