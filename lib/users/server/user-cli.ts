import 'server-only';
import { parseArgs } from 'node:util';
import { AppError } from '@/lib/api/app-error';
import { parseWith } from '@/lib/api/read-body';
import { createApiToken } from '@/lib/auth/server/api-tokens';
import { db } from '@/lib/db/server/prisma';
import { createUser, setUserDisabled } from '@/lib/users/server/manage-users';
import { createUserSchema } from '@/lib/users/user-schemas';

type Io = { out: (line: string) => void; err: (line: string) => void };

const USAGE = `usage:
  npm run user -- create --email E --name N --role ANALYST|REVIEWER|ADMIN --password P
  npm run user -- token --email E [--label L]
  npm run user -- disable --email E`;

/** The admin command line; returns the exit code. */
export async function runUserCommand(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const { values } = parseArgs({
      args: rest,
      options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, password: { type: 'string' }, label: { type: 'string' } },
      strict: true,
    });
    switch (command) {
      case 'create': {
        const input = parseWith(createUserSchema, { email: values.email, name: values.name, role: values.role, password: values.password });
        const user = await createUser(db, null, input);
        io.out(`created ${user.role} ${user.email} (${user.id})`);
        return 0;
      }
      case 'token': {
        const user = await findByEmail(values.email);
        const { token } = await createApiToken(db, user.id, values.label ?? 'command line');
        io.out(token);
        return 0;
      }
      case 'disable': {
        const user = await findByEmail(values.email);
        await setUserDisabled(db, null, user.id, true);
        io.out(`disabled ${values.email}`);
        return 0;
      }
      default:
        io.err(USAGE);
        return 2;
    }
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`error: ${error.message}`);
      return 1;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`error: ${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

async function findByEmail(email: string | undefined) {
  if (!email) throw new AppError('validation_failed', '--email is required.');
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new AppError('not_found', `No user with the email ${email}.`);
  return user;
}
