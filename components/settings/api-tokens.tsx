'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch, ApiError } from '@/lib/client/api-fetch';

type TokenRow = { id: string; label: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

const tokenKeys = { all: ['api-tokens'] as const };

export function ApiTokens() {
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useQuery({ queryKey: tokenKeys.all, queryFn: () => apiFetch<{ tokens: TokenRow[] }>('/api/tokens') });
  const create = useMutation({
    mutationFn: (l: string) => apiFetch<{ secret: string }>('/api/tokens', { method: 'POST', json: { label: l } }),
    onSuccess: (data) => {
      setSecret(data.secret);
      setLabel('');
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch<void>(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(label);
  }

  const error = create.error ?? revoke.error;
  return (
    <section className="card stack" aria-label="API tokens">
      <h2>Personal API tokens</h2>
      <p className="muted small">
        Scripts call the API with <code>Authorization: Bearer &lt;token&gt;</code>. A token acts as you; only its hash is stored, so copy it now.
      </p>
      <form className="row" onSubmit={onSubmit}>
        <input aria-label="Token label" placeholder="Label, e.g. nightly export" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={100} />
        <button className="button primary" type="submit" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {secret ? (
        <p className="form-ok" data-testid="new-token">
          New token (shown once): <code>{secret}</code>
        </p>
      ) : null}
      {error ? <p className="form-error">{error instanceof ApiError ? error.message : 'Something went wrong.'}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>Label</th>
            <th>Token</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(tokens.data?.tokens ?? []).map((t) => (
            <tr key={t.id} data-testid="token-row">
              <td>{t.label || '—'}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{new Date(t.createdAt).toLocaleString('en-GB')}</td>
              <td>{t.lastUsedAt ? new Date(t.lastUsedAt).toLocaleString('en-GB') : 'never'}</td>
              <td>
                {t.revokedAt ? (
                  <span className="muted">revoked</span>
                ) : (
                  <button className="button small danger" type="button" onClick={() => revoke.mutate(t.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
