'use client';

import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { queryRetryDelay, shouldRetryQuery } from '@/lib/client/query-retry';

// The cache tells its observers in a microtask rather than TanStack's default timer task: a live
// event's change renders in the task that received it instead of queueing behind whatever the
// browser has scheduled meanwhile (with many viewers on a busy machine every extra task waits its turn).
if (typeof window !== 'undefined') notifyManager.setScheduler(queueMicrotask);

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, refetchOnWindowFocus: true, retry: shouldRetryQuery, retryDelay: queryRetryDelay },
      mutations: { retry: 0 },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
