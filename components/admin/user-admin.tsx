'use client';

import { useState, type FormEvent } from 'react';
import { useCreateUser, useSignOutEverywhere, useUpdateUser, useUsers } from '@/components/hooks/use-users';
import { ModalDialog } from '@/components/ui/confirm-dialog';
import { errorMessage } from '@/lib/client/error-message';
import { Role, ROLES } from '@/lib/core/enums';
import type { UserDto } from '@/lib/users/user-dto';
import { MIN_PASSWORD_LENGTH } from '@/lib/users/user-schemas';

const ROLE_LABELS: Record<Role, string> = { [Role.ANALYST]: 'Analyst', [Role.REVIEWER]: 'Reviewer', [Role.ADMIN]: 'Admin' };

export function UserAdmin({ currentUserId }: { currentUserId: string }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const users = useUsers();
  const said = (text: string) => ({
    onSuccess: () => setMessage({ ok: true, text }),
    onError: (error: unknown) => setMessage({ ok: false, text: errorMessage(error, 'Something went wrong.') }),
  });
  const create = useCreateUser();
  const update = useUpdateUser();
  const patch = (input: Parameters<typeof update.mutate>[0]) => update.mutate(input, said('Saved.'));

  const signOut = useSignOutEverywhere();

  // The form empties only once the user exists: a refusal (a taken email, a weak password) leaves
  // every value in place, with the server's reason, so nothing has to be typed again.
  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      { email: String(form.get('email')), name: String(form.get('name')), role: String(form.get('role')) as Role, password: String(form.get('password')) },
      {
        onSuccess: () => {
          formElement.reset();
          setMessage({ ok: true, text: 'User created.' });
        },
        onError: (error: unknown) => setMessage({ ok: false, text: errorMessage(error, 'Something went wrong.') }),
      },
    );
  }

  const [resetting, setResetting] = useState<UserDto | null>(null);
  const [signingOut, setSigningOut] = useState<UserDto | null>(null);

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
          {(users.data ?? []).map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>
                <select aria-label={`Role of ${u.email}`} value={u.role} disabled={u.id === currentUserId} onChange={(e) => patch({ id: u.id, role: e.target.value as Role })}>
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>{u.disabled ? 'disabled' : 'active'}</td>
              <td className="row">
                <button className="button small" type="button" onClick={() => setResetting(u)}>
                  Reset password
                </button>
                <button
                  className="button small"
                  type="button"
                  onClick={() => setSigningOut(u)}
                >
                  Sign out everywhere
                </button>
                {u.id === currentUserId ? null : (
                  <button className="button small danger" type="button" onClick={() => patch({ id: u.id, disabled: !u.disabled })}>
                    {u.disabled ? 'Enable' : 'Disable'}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ModalDialog
        open={resetting !== null}
        title={`Reset the password of ${resetting?.email ?? ''}`}
        confirmLabel="Set password"
        onConfirm={(form) => resetting && patch({ id: resetting.id, password: String(form.get('password')) })}
        onClose={() => setResetting(null)}
      >
        <label className="field">
          <span>New password (at least {MIN_PASSWORD_LENGTH} characters)</span>
          <input name="password" type="password" minLength={MIN_PASSWORD_LENGTH} required autoComplete="new-password" autoFocus />
        </label>
      </ModalDialog>
      <ModalDialog
        open={signingOut !== null}
        title={`Sign ${signingOut?.email ?? ''} out everywhere?`}
        confirmLabel="Sign out everywhere"
        danger
        onConfirm={() => signingOut && signOut.mutate(signingOut.id, said(`${signingOut.email} is signed out everywhere; their API tokens are revoked.`))}
        onClose={() => setSigningOut(null)}
      >
        <p>Every browser session of this user ends and their API tokens are revoked.</p>
      </ModalDialog>
    </div>
  );
}
