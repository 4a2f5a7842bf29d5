'use client';

// The one shape of every mutation hook: snapshot → apply → rollback → settle.
//   1. snapshot: cancel the queries the write changes (a refetch in flight would overwrite the
//      optimistic state with the old answer) and keep their data;
//   2. apply: write what the server will answer into the cache, so the UI changes at once;
//   3. rollback: on failure put the snapshot back (or merge back, when others' changes made
//      meanwhile must survive), then let the hook add what the failure carries (a 409's current
//      version) and say what failed in a toast;
//   4. settle: success or failure, refetch the queries the write can have changed, so the cache
//      ends as the server has it.
// A hook states only what differs: its keys, its optimistic write, its messages.
import { useMutation, useQueryClient, type DefaultError, type MutationKey, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useToast } from '@/components/annotations/toast';
import { errorMessage } from '@/lib/client/error-message';

export type QuerySnapshot = ReadonlyArray<readonly [QueryKey, unknown]>;

export type OptimisticMutationOptions<TData, TVars, TApplied> = {
  mutationKey?: MutationKey;
  mutationFn: (vars: TVars) => Promise<TData>;
  /** Key prefixes of every query `apply` changes (each query under them is cancelled and kept). */
  snapshot?: (vars: TVars) => readonly QueryKey[];
  /** The optimistic write. What it returns (e.g. a temporary id) is handed to `onSuccess`. */
  apply?: (client: QueryClient, vars: TVars) => TApplied;
  /** Undoes `apply` after a failure. Default: every snapshotted query gets its old data back. */
  rollback?: (client: QueryClient, vars: TVars, snapshot: QuerySnapshot) => void;
  /** Puts the server's answer into the cache (replacing the optimistic rows). */
  onSuccess?: (client: QueryClient, data: TData, vars: TVars, applied: TApplied | undefined) => void;
  /** After the rollback, e.g. shows the current version a 409 carries. */
  onError?: (client: QueryClient, error: unknown, vars: TVars) => void;
  /**
   * A toast after a failure: a prefix ("Could not save the annotation" → "Could not save the
   * annotation: <the server's reason>") or a function choosing the whole text (null: no toast).
   * Without it the hook's caller shows `mutation.error` itself (with `errorMessage`).
   */
  errorToast?: string | ((error: unknown, vars: TVars) => string | null);
  /** Key prefixes to refetch once the server has answered either way (falsy entries are skipped). */
  settle?: (vars: TVars, client: QueryClient, error: unknown) => ReadonlyArray<QueryKey | false | null | undefined>;
};

type Context<TApplied> = { snapshot: QuerySnapshot; applied: TApplied | undefined };

/** Cancels and keeps every query under these key prefixes. */
export async function snapshotQueries(client: QueryClient, keys: readonly QueryKey[]): Promise<QuerySnapshot> {
  await Promise.all(keys.map((queryKey) => client.cancelQueries({ queryKey })));
  return keys.flatMap((queryKey) => client.getQueriesData({ queryKey }));
}

export function restoreQueries(client: QueryClient, snapshot: QuerySnapshot): void {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}

/** The failure's toast text for `errorToast` (exported for hooks that report several failures at once). */
export function failureText(prefix: string, error: unknown): string {
  return `${prefix}: ${errorMessage(error, 'network error')}`;
}

export function useOptimisticMutation<TData, TVars = void, TApplied = undefined>(options: OptimisticMutationOptions<TData, TVars, TApplied>) {
  const client = useQueryClient();
  const toast = useToast();
  const { mutationKey, mutationFn, snapshot, apply, rollback, onSuccess, onError, errorToast, settle } = options;
  return useMutation<TData, DefaultError, TVars, Context<TApplied>>({
    mutationKey,
    mutationFn,
    onMutate: async (vars) => {
      const kept = await snapshotQueries(client, snapshot?.(vars) ?? []);
      return { snapshot: kept, applied: apply?.(client, vars) };
    },
    onSuccess: (data, vars, context) => onSuccess?.(client, data, vars, context?.applied),
    onError: (error, vars, context) => {
      if (context) (rollback ?? ((c, _v, s) => restoreQueries(c, s)))(client, vars, context.snapshot);
      onError?.(client, error, vars);
      const text = typeof errorToast === 'function' ? errorToast(error, vars) : errorToast ? failureText(errorToast, error) : null;
      if (text) toast.show({ kind: 'error', message: text });
    },
    onSettled: async (_data, error, vars) => {
      const keys = settle?.(vars, client, error) ?? [];
      await Promise.all(keys.filter((k): k is QueryKey => Boolean(k)).map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}
