import { Role } from '@/lib/core/enums';

/**
 * The demo desk's people, created by the seed (`npm run db:seed`, every dev and e2e start) and signed
 * in as by the e2e tests. Not server code so that the e2e runner (plain Node) can read it too.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: Role; password: string }> = [
  { email: 'admin@claimdesk.test', name: 'Dana Admin', role: Role.ADMIN, password: 'claimdesk-admin' },
  { email: 'amira@claimdesk.test', name: 'Amira Khan', role: Role.ANALYST, password: 'claimdesk-analyst' },
  { email: 'ben@claimdesk.test', name: 'Ben Okafor', role: Role.ANALYST, password: 'claimdesk-analyst' },
  { email: 'rhea@claimdesk.test', name: 'Rhea Lindqvist', role: Role.REVIEWER, password: 'claimdesk-reviewer' },
];
