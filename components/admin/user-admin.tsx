'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { apiFetch, ApiError } from '@/lib/client/api-fetch';
import { Role, ROLES } from '@/lib/core/enums';
import { MIN_PASSWORD_LENGTH } from '@/lib/users/user-schemas';

const ROLE_LABELS: Record<Role, string> = { ANALYST: 'Analyst', REVIEWER: 'Reviewer', ADMIN: 'Admin' };
type UserRow = { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: string };

const userKeys = { all: ['admin-users'] as const };

export function UserAdmin({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const users = useQuery({ queryKey: userKeys.all, queryFn: () => apiFetch<{ users: UserRow[] }>('/api/admin/users') });
  const done = (text: string) => () => {
    setMessage({ ok: true, text });
    return queryClient.invalidateQueries({ queryKey: userKeys.all });
  };
  const fail = (error: Error) => setMessage({ ok: false, text: error instanceof ApiError ? error.message : 'Something went wrong.' });

  const create = useMutation({
    mutationFn: (input: { email: string; name: string; role: Role; password: string }) => apiFetch('/api/admin/users', { method: 'POST', json: input }),
    onSuccess: done('User created.'),
    onError: fail,
  });
  const patch = useMutation({
    mutationFn: ({ id, ...body }: { id: string; disabled?: boolean; role?: Role; password?: string }) => apiFetch(`/api/admin/users/${id}`, { method: 'PATCH', json: body }),
    onSuccess: done('Saved.'),
    onError: fail,
  });

  const signOutEverywhere = useMutation({
    mutationFn: (user: UserRow) => apiFetch(`/api/admin/users/${user.id}/sign-out-everywhere`, { method: 'POST' }),
    onSuccess: (_data, user) => done(`${user.email} is signed out everywhere; their API tokens are revoked.`)(),
    onError: fail,
  });

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({ email: String(form.get('email')), name: String(form.get('name')), role: String(form.get('role')) as Role, password: String(form.get('password')) });
    event.currentTarget.reset();
  }

  function onResetPassword(user: UserRow) {
    const password = window.prompt(`New password for ${user.email} (at least 10 characters):`);
    if (password) patch.mutate({ id: user.id, password });
  }

  return (
    <div className="stack">
      <form className="card grid-2" onSubmit={onCreate} aria-label="Create user">
        <label className="field">
          <span>Email</span>
          <input name="email" type="email" required />
        </label>
        <label className="field">
          <span>Name</span>
          <input name="name" required maxLength={120} />
        </label>
        <label className="field">
          <span>Role</span>
          <select name="role" defaultValue={Role.ANALYST}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Initial password</span>
          <input name="password" type="password" minLength={MIN_PASSWORD_LENGTH} required autoComplete="new-password" />
        </label>
        <div>
          <button className="button primary" type="submit" disabled={create.isPending}>
            Create user
          </button>
        </div>
      </form>
      {message ? (
        <p className={message.ok ? 'form-ok' : 'form-error'} role="status">
          {message.text}
        </p>
      ) : null}
      <table className="data-table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>Status</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users.data?.users ?? []).map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select aria-label={`Role of ${u.email}`} value={u.role} disabled={u.id === currentUserId} onChange={(e) => patch.mutate({ id: u.id, role: e.target.value as Role })}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
              <td className="row">
                <button className="button small" type="button" onClick={() => onResetPassword(u)}>
                  Reset password
                </button>
                <button
                  className="button small"
                  type="button"
                  onClick={() => {
                    if (window.confirm(`Sign ${u.email} out of every browser and revoke their API tokens?`)) signOutEverywhere.mutate(u);
                  }}
                >
                  Sign out everywhere
                </button>
                {u.id === currentUserId ? null : (
                  <button className="button small danger" type="button" onClick={() => patch.mutate({ id: u.id, disabled: !u.disabled })}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
