import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/core/enums';
import {
  canDeleteAnnotation,
  canDeleteEvidence,
  canDeleteReply,
  canEditEvidence,
  canEditAnnotation,
  canEditReply,
  canManageTags,
  canManageUsers,
  canRegrade,
  canRestoreAnnotation,
  canRestoreSuggestionRule,
  canReview,
  canReviewEvidence,
  hasPermission,
  type Decision,
  type Subject,
} from '@/lib/core/permissions';

const actor = (role: Role, id = 'me'): Subject => ({ id, role });
const ok = (d: Decision) => d.ok;

function expectDenied(d: Decision) {
  expect(d.ok).toBe(false);
  if (!d.ok) expect(d.reason.length).toBeGreaterThan(0);
}

describe('canReview', () => {
  it.each([
    // role, peerReview, own?, allowed
    ['ANALYST', true, false, true],
    ['ANALYST', false, false, false],
    ['REVIEWER', true, false, true],
    ['REVIEWER', false, false, true],
    ['ADMIN', true, false, true],
    ['ADMIN', false, false, true],
    ['ANALYST', true, true, false],
    ['REVIEWER', false, true, false],
    ['ADMIN', true, true, false],
  ] as const)('%s peerReview=%s own=%s → %s', (role, peerReview, own, allowed) => {
    const d = canReview({ actor: actor(role), annotationAuthorId: own ? 'me' : 'other', peerReview });
    if (allowed) expect(d).toEqual({ ok: true });
    else expectDenied(d);
  });

  it('explains why: own annotation vs peer review off', () => {
    const own = canReview({ actor: actor('ADMIN'), annotationAuthorId: 'me', peerReview: true });
    const off = canReview({ actor: actor('ANALYST'), annotationAuthorId: 'other', peerReview: false });
    expect(!own.ok && own.reason).toMatch(/own/i);
    expect(!off.ok && off.reason).toMatch(/peer review/i);
  });
});

describe('canReviewEvidence', () => {
  it.each([
    ['ANALYST', true, false, true],
    ['ANALYST', false, false, false],
    ['REVIEWER', false, false, true],
    ['ADMIN', true, true, false],
    ['REVIEWER', true, true, false],
  ] as const)('%s peerReview=%s own link=%s → %s', (role, peerReview, own, allowed) => {
    const d = canReviewEvidence({ actor: actor(role), linkAuthorId: own ? 'me' : 'other', peerReview });
    if (allowed) expect(d).toEqual({ ok: true });
    else expectDenied(d);
  });

  it('names the own-link rule', () => {
    const d = canReviewEvidence({ actor: actor('REVIEWER'), linkAuthorId: 'me', peerReview: true });
    expect(!d.ok && d.reason).toMatch(/own evidence link/);
  });
});

// Expected outcome per role for [own resource, someone else's resource].
type Table = Record<Role, [own: boolean, others: boolean]>;

const ownershipRules: Array<[string, (a: Subject, authorId: string) => Decision, Table]> = [
  ['canEditAnnotation', canEditAnnotation, { ANALYST: [true, false], REVIEWER: [true, false], ADMIN: [true, false] }],
  ['canDeleteAnnotation', canDeleteAnnotation, { ANALYST: [true, false], REVIEWER: [true, false], ADMIN: [true, true] }],
  ['canEditReply', canEditReply, { ANALYST: [true, false], REVIEWER: [true, false], ADMIN: [true, false] }],
  ['canDeleteReply', canDeleteReply, { ANALYST: [true, false], REVIEWER: [true, false], ADMIN: [true, true] }],
  ['canEditEvidence', canEditEvidence, { ANALYST: [true, false], REVIEWER: [true, false], ADMIN: [true, false] }],
  ['canDeleteEvidence', canDeleteEvidence, { ANALYST: [true, false], REVIEWER: [true, false], ADMIN: [true, false] }],
  ['canRegrade', canRegrade, { ANALYST: [true, false], REVIEWER: [true, true], ADMIN: [true, true] }],
];

describe.each(ownershipRules)('%s', (_name, check, table) => {
  it.each(ROLES)('%s', (role) => {
    const [own, others] = table[role];
    expect(ok(check(actor(role), 'me'))).toBe(own);
    const d = check(actor(role), 'someone-else');
    if (others) expect(d).toEqual({ ok: true });
    else expectDenied(d);
  });
});

describe.each([
  ['canRestoreAnnotation', canRestoreAnnotation],
  ['canManageUsers', canManageUsers],
  ['canRestoreSuggestionRule', canRestoreSuggestionRule],
  ['canManageTags', canManageTags],
] as const)('%s (admin only)', (_name, check) => {
  it.each(ROLES)('%s', (role) => {
    const d = check(actor(role));
    if (role === 'ADMIN') expect(d).toEqual({ ok: true });
    else expectDenied(d);
  });
});

describe('hasPermission', () => {
  it('grants nothing to an unknown role from the DB', () => {
    expect(hasPermission('GUEST' as Role, 'users.manage')).toBe(false);
  });
});
