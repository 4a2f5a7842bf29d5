export const ROLES = ['ANALYST', 'REVIEWER', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  id: string;
  role: Role;
}

export type Decision = { ok: true } | { ok: false; reason: string };

/** Role-wide grants. Ownership rules (authors editing their own work) live in the can* functions. */
export type Permission =
  | 'annotations.review' // review regardless of the peer-review setting
  | 'annotations.regrade.any'
  | 'annotations.delete.any'
  | 'annotations.restore'
  | 'replies.delete.any'
  | 'users.manage';

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ANALYST: [],
  REVIEWER: ['annotations.review', 'annotations.regrade.any'],
  ADMIN: [
    'annotations.review',
    'annotations.regrade.any',
    'annotations.delete.any',
    'annotations.restore',
    'replies.delete.any',
    'users.manage',
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  // Roles come from the DB at runtime; an unknown one gets nothing.
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

const OK: Decision = { ok: true };
const deny = (reason: string): Decision => ({ ok: false, reason });

export function canReview({
  actor,
  annotationAuthorId,
  peerReview,
}: {
  actor: Actor;
  annotationAuthorId: string;
  peerReview: boolean;
}): Decision {
  if (actor.id === annotationAuthorId) return deny('You cannot review your own annotation.');
  if (hasPermission(actor.role, 'annotations.review')) return OK;
  if (peerReview) return OK;
  return deny('Peer review is off: only reviewers and admins can review.');
}

export function canEditAnnotation(actor: Actor, authorId: string): Decision {
  return actor.id === authorId ? OK : deny('Only the author can edit this annotation.');
}

export function canDeleteAnnotation(actor: Actor, authorId: string): Decision {
  if (actor.id === authorId || hasPermission(actor.role, 'annotations.delete.any')) return OK;
  return deny('Only the author or an admin can delete this annotation.');
}

export function canRestoreAnnotation(actor: Actor): Decision {
  return hasPermission(actor.role, 'annotations.restore') ? OK : deny('Only an admin can restore annotations.');
}

export function canEditReply(actor: Actor, replyAuthorId: string): Decision {
  return actor.id === replyAuthorId ? OK : deny('Only the author can edit this reply.');
}

export function canDeleteReply(actor: Actor, replyAuthorId: string): Decision {
  if (actor.id === replyAuthorId || hasPermission(actor.role, 'replies.delete.any')) return OK;
  return deny('Only the author or an admin can delete this reply.');
}

export function canRegrade(actor: Actor, authorId: string): Decision {
  if (actor.id === authorId || hasPermission(actor.role, 'annotations.regrade.any')) return OK;
  return deny('Only the author, a reviewer or an admin can change the grade.');
}

export function canManageUsers(actor: Actor): Decision {
  return hasPermission(actor.role, 'users.manage') ? OK : deny('Only an admin can manage users.');
}
