import { beforeEach, describe, expect, it } from 'vitest';
import { userForToken } from '@/lib/auth/server/api-tokens';
import { getDb } from '@/lib/db/server/prisma';
import { runUserCommand } from '@/lib/users/server/user-cli';
import { resetDatabase } from '@/tests/support/fixtures';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUserCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('npm run user', () => {
  beforeEach(resetDatabase);

  it('creates a user, prints a working token alone on the last line, and disables the user', async () => {
    const created = await run('create', '--email', 'Cli.User@Test.local', '--name', 'Cli User', '--role', 'REVIEWER', '--password', 'cli-password-1');
    expect(created.code).toBe(0);
    const user = await getDb().user.findUniqueOrThrow({ where: { email: 'cli.user@test.local' } });
    expect(user.role).toBe('REVIEWER');

    const token = await run('token', '--email', 'cli.user@test.local', '--label', 'ci');
    expect(token.code).toBe(0);
    const secret = token.out.at(-1)!;
    expect(secret).toMatch(/^cdk_\S+$/);
    expect((await userForToken(getDb(), secret))?.id).toBe(user.id);

    const disabled = await run('disable', '--email', 'cli.user@test.local');
    expect(disabled.code).toBe(0);
    expect(await userForToken(getDb(), secret)).toBeNull();
  });

  it('explains bad input and exits non-zero', async () => {
    const bad = await run('create', '--email', 'x@test.local', '--name', 'X', '--role', 'BOSS', '--password', 'cli-password-1');
    expect(bad.code).toBe(1);
    expect(bad.err.join('\n')).toMatch(/role: must be one of ANALYST, REVIEWER, ADMIN/);
    const missing = await run('token', '--email', 'ghost@test.local');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toMatch(/No user with the email/);
    expect((await run('explode')).code).toBe(2);
    const dup = await run('create', '--email', 'amira@claimdesk.test', '--name', 'A', '--role', 'ANALYST', '--password', 'cli-password-1');
    expect(dup.code).toBe(1);
  });
});
