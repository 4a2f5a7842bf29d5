import 'server-only';
import bcrypt from 'bcryptjs';

// Cost 11 takes ~100-150 ms here: slow enough to make offline guessing expensive.
const COST = Number(process.env.BCRYPT_COST ?? 11);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the email is unknown, so a miss costs the same time as a wrong password.
const DUMMY_HASH = bcrypt.hashSync('claimdesk-timing-equaliser', COST);

export async function burnPasswordCheck(password: string): Promise<void> {
  await bcrypt.compare(password, DUMMY_HASH);
}
