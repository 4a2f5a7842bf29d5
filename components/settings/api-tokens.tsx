'use client';

import { useState, type FormEvent } from 'react';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '@/components/hooks/use-api-tokens';
import { FRESH_SIGN_IN_MS, TOKEN_EXPIRY_DAYS } from '@/lib/auth/session-policy';
import { errorMessage } from '@/lib/client/error-message';

const formatDate = (iso: string) => new Date(iso).toLocaleString('en-GB');

export function ApiTokens() {
  const [label, setLabel] = useState('');
  const [expiry, setExpiry] = useState('');
  const [password, setPassword] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    create.mutate(
      { label, expiresInDays: expiry ? Number(expiry) : null, ...(password ? { password } : {}) },
      {
        onSuccess: (data) => {
          setSecret(data.secret);
          setLabel('');
          setPassword('');
        },
      },
    );
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
        <select aria-label="Expires" value={expiry} onChange={(e) => setExpiry(e.target.value)}>
          <option value="">Never expires</option>
          {TOKEN_EXPIRY_DAYS.map((days) => (
            <option key={days} value={days}>
              Expires in {days} days
            </option>
          ))}
        </select>
        <input
          aria-label="Your password"
          type="password"
          autoComplete="current-password"
          placeholder={`Password (if signed in over ${FRESH_SIGN_IN_MS / 60_000} min ago)`}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button className="button primary" type="submit" disabled={create.isPending}>
          Create token
        </button>
      </form>
      {secret ? (
        <p className="form-ok" data-testid="new-token">
          New token (shown once): <code>{secret}</code>
        </p>
      ) : null}
      {error ? <p className="form-error">{errorMessage(error, 'Something went wrong.')}</p> : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>Label</th>
            <th>Token</th>
            <th>Created</th>
            <th>Last used</th>
            <th>Expires</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(tokens.data ?? []).map((t) => (
            <tr key={t.id} data-testid="token-row">
              <td>{t.label || '—'}</td>
              <td>
                <code>{t.prefix}…</code>
              </td>
              <td>{formatDate(t.createdAt)}</td>
              <td>{t.lastUsedAt ? formatDate(t.lastUsedAt) : 'never'}</td>
              <td>{t.expiresAt ? formatDate(t.expiresAt) : 'never'}</td>
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
