import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@/lib/core/enums';
import {
  annotationScope,
  canAssignArticle,
  canChangeBlindWork,
  canCurate,
  canDeleteAnnotation,
  canDeleteEvidence,
  canDeleteReply,
  canEditEvidence,
  canReadAnnotation,
  canReopenSubmission,
  canSubmitAssignment,
  READ_ALL,
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

describe('blind annotation (annotationScope, canReadAnnotation)', () => {
  const mine = { authorId: 'me', deletedAt: null };
  const colleague = { authorId: 'bo', deletedAt: null };
  const curated = { authorId: 'rev', deletedAt: null, curated: true };

  it('an analyst reads only their own work on a blind article until they submit', () => {
    const scope = annotationScope(actor('ANALYST'), { blind: true, submitted: ['bo'] });
    expect(ok(canReadAnnotation(actor('ANALYST'), mine, scope))).toBe(true);
    expectDenied(canReadAnnotation(actor('ANALYST'), colleague, scope));
    expectDenied(canReadAnnotation(actor('ANALYST'), curated, scope));
  });

  it('after submitting: every submitted colleague and the curated layer, not the unsubmitted', () => {
    const scope = annotationScope(actor('ANALYST'), { blind: true, submitted: ['me', 'bo'] });
    expect(ok(canReadAnnotation(actor('ANALYST'), colleague, scope))).toBe(true);
    expect(ok(canReadAnnotation(actor('ANALYST'), curated, scope))).toBe(true);
    expectDenied(canReadAnnotation(actor('ANALYST'), { authorId: 'cy', deletedAt: null }, scope));
  });

  it.each(['REVIEWER', 'ADMIN'] as const)('%s reads everything; blind off reveals everything', (role) => {
    expect(annotationScope(actor(role), { blind: true, submitted: [] })).toEqual(READ_ALL);
    expect(annotationScope(actor('ANALYST'), { blind: false, submitted: [] })).toEqual(READ_ALL);
    expectDenied(canReadAnnotation(actor(role), { ...mine, deletedAt: new Date() }, READ_ALL));
  });

  it('assigning, reopening and curating are reviewer/admin calls; submitting an assignee’s', () => {
    for (const check of [canAssignArticle, canReopenSubmission, canCurate]) {
      expectDenied(check(actor('ANALYST')));
      expect(ok(check(actor('REVIEWER')))).toBe(true);
      expect(ok(check(actor('ADMIN')))).toBe(true);
    }
    expect(ok(canSubmitAssignment(actor('ANALYST'), { userId: 'me' }))).toBe(true);
    expectDenied(canSubmitAssignment(actor('ANALYST'), { userId: 'bo' }));
    expectDenied(canSubmitAssignment(actor('ANALYST'), null));
  });

  it('submitted blind work is read-only for its author', () => {
    expectDenied(canChangeBlindWork(actor('ANALYST'), { blind: true, submitted: ['me'] }));
    expect(ok(canChangeBlindWork(actor('ANALYST'), { blind: true, submitted: ['bo'] }))).toBe(true);
    expect(ok(canChangeBlindWork(actor('ANALYST'), { blind: false, submitted: ['me'] }))).toBe(true);
  });
});
