// Who may do what, in one place: a role → permission table for role-wide grants, and the can*
// functions that add ownership (authors act on their own work). Domain functions call these to
// refuse (403 with the reason); components call the same functions to show or hide a control.
// Role names appear nowhere else in app code (eslint.config.mjs enforces it).
import type { Actor } from '@/lib/core/actor';
import type { Role } from '@/lib/core/enums';

/** The part of an actor a permission depends on: the UI's CurrentUser and the server's Actor both fit. */
export type Subject = Pick<Actor, 'id' | 'role'>;

export type Decision = { ok: true } | { ok: false; reason: string };

/** Role-wide grants. Ownership rules (authors editing their own work) live in the can* functions. */
export type Permission =
  | 'annotations.review' // review regardless of the peer-review setting, resolve conflicts
  | 'annotations.regrade.any'
  | 'annotations.anchor.confirm.any'
  | 'annotations.delete.any'
  | 'annotations.restore'
  | 'replies.delete.any'
  | 'history.deleted.read' // the text of deleted replies in an annotation's history
  | 'users.manage'
  | 'desk.manage'
  | 'tags.manage' // the tag vocabulary: add, rename, recolour, reorder, archive
  | 'articles.assign' // assign an article, turn blind mode on and off, reopen a submission
  | 'annotations.read.blind' // read everyone's annotations on a blind article (labelled by analyst)
  | 'annotations.curate' // adjudicate blind work into the curated layer
  | 'articles.edit.any'; // correct any document's details (title, source metadata), not only one's own import

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  ANALYST: [],
  REVIEWER: ['annotations.review', 'annotations.regrade.any', 'annotations.anchor.confirm.any', 'articles.assign', 'annotations.read.blind', 'annotations.curate', 'articles.edit.any'],
  ADMIN: [
    'articles.assign',
    'articles.edit.any',
    'annotations.read.blind',
    'annotations.curate',
    'annotations.review',
    'annotations.regrade.any',
    'annotations.anchor.confirm.any',
    'annotations.delete.any',
    'annotations.restore',
    'replies.delete.any',
    'history.deleted.read',
    'users.manage',
    'desk.manage',
    'tags.manage',
  ],
};

export function hasPermission(role: Role, permission: Permission): boolean {
  // Roles come from the DB at runtime; an unknown one gets nothing.
  return ROLE_PERMISSIONS[role]?.includes(permission) ?? false;
}

/** How long the author may undo their own delete; the UI offers undo for 10 s, this leaves room for slow networks. */
export const UNDO_WINDOW_MS = 10 * 60 * 1000;

const OK: Decision = { ok: true };
const deny = (reason: string): Decision => ({ ok: false, reason });

export function canReview({
  actor,
  annotationAuthorId,
  peerReview,
}: {
  actor: Subject;
  annotationAuthorId: string;
  peerReview: boolean;
}): Decision {
  if (actor.id === annotationAuthorId) return deny('You cannot review your own annotation.');
  if (hasPermission(actor.role, 'annotations.review')) return OK;
  if (peerReview) return OK;
  return deny('Peer review is off: only reviewers and admins can review.');
}

export function canResolveConflicts(actor: Subject): Decision {
  return hasPermission(actor.role, 'annotations.review') ? OK : deny('Only reviewers and admins can resolve conflicts.');
}

/** Only the author answers a dispute by re-opening the review. */
export function canReopen(actor: Subject, authorId: string): Decision {
  return actor.id === authorId ? OK : deny('Only the author can re-open their annotation for review.');
}

export function canEditAnnotation(actor: Subject, authorId: string): Decision {
  return actor.id === authorId ? OK : deny('Only the author can edit this annotation.');
}

export function canDeleteAnnotation(actor: Subject, authorId: string): Decision {
  if (actor.id === authorId || hasPermission(actor.role, 'annotations.delete.any')) return OK;
  return deny('Only the author or an admin can delete this annotation.');
}

/** Restoring any annotation at any time (the author's own undo is canRestore). */
export function canRestoreAnnotation(actor: Subject): Decision {
  return hasPermission(actor.role, 'annotations.restore') ? OK : deny('Only an admin can restore annotations.');
}

/** The author within the undo window, or an admin at any time. */
export function canRestore(actor: Subject, annotation: { authorId: string; deletedAt: Date }, now = new Date()): Decision {
  if (canRestoreAnnotation(actor).ok) return OK;
  if (actor.id !== annotation.authorId) return deny('Only the author or an admin can restore this annotation.');
  if (now.getTime() - annotation.deletedAt.getTime() > UNDO_WINDOW_MS) {
    return deny('The undo window has passed: ask an admin to restore this annotation.');
  }
  return OK;
}

export function canListDeletedAnnotations(actor: Subject): Decision {
  return hasPermission(actor.role, 'annotations.restore') ? OK : deny('Only an admin can list deleted annotations.');
}

/** The author, or a reviewer or admin (who check anchors as part of review), may settle an anchor. */
export function canConfirmAnchor(actor: Subject, authorId: string): Decision {
  if (actor.id === authorId || hasPermission(actor.role, 'annotations.anchor.confirm.any')) return OK;
  return deny('Only the author, a reviewer or an admin can confirm this anchor.');
}

export function canEditReply(actor: Subject, replyAuthorId: string): Decision {
  return actor.id === replyAuthorId ? OK : deny('Only the author can edit this reply.');
}

export function canDeleteReply(actor: Subject, replyAuthorId: string): Decision {
  if (actor.id === replyAuthorId || hasPermission(actor.role, 'replies.delete.any')) return OK;
  return deny('Only the author or an admin can delete this reply.');
}

/** Deleted replies keep their text in the audit log; only admins read it there. */
export function canReadDeletedContent(actor: Subject): Decision {
  return hasPermission(actor.role, 'history.deleted.read') ? OK : deny('Only an admin can read deleted content.');
}

export function canRegrade(actor: Subject, authorId: string): Decision {
  if (actor.id === authorId || hasPermission(actor.role, 'annotations.regrade.any')) return OK;
  return deny('Only the author, a reviewer or an admin can change the grade.');
}

export function canManageUsers(actor: Subject): Decision {
  return hasPermission(actor.role, 'users.manage') ? OK : deny('Only a desk admin can manage users.');
}

/** An admin changes anyone's role except their own away from managing users (the desk would lock itself out). */
export function canChangeRole(actor: Subject, userId: string, role: Role): Decision {
  if (actor.id === userId && !hasPermission(role, 'users.manage')) return deny('You cannot remove your own admin role.');
  return OK;
}

/** Bringing back a suggestion rule the desk's history muted changes what every analyst is proposed. */
export function canRestoreSuggestionRule(actor: Subject): Decision {
  return hasPermission(actor.role, 'desk.manage') ? OK : deny('Only a desk admin can restore a muted suggestion rule.');
}

/** The tag vocabulary is the desk's shared language: changing it changes every analyst's choices. */
export function canManageTags(actor: Subject): Decision {
  return hasPermission(actor.role, 'tags.manage') ? OK : deny('Only a desk admin can change the tag vocabulary.');
}

export function canChangeDeskSettings(actor: Subject): Decision {
  return hasPermission(actor.role, 'desk.manage') ? OK : deny('Only a desk admin can change the desk settings.');
}

/**
 * An article's blind state as the read rule needs it: whether blind mode is on, and who of its
 * assignees has submitted (and not been reopened).
 */
export type BlindState = { blind: boolean; submitted: readonly string[] };

/**
 * Which of an article's annotations an actor reads — THE visibility rule of blind annotation (#17),
 * declared here once; every read path (lists, single reads, history, replies, verdicts, the live
 * stream, exports, conflicts, the review queue, suggestions, claim matching, agreement) applies it,
 * in memory through canReadAnnotation or in a query through lib/assignments/server/read-scope.ts.
 *
 * - blind mode off, or a reviewer/admin: everything;
 * - an analyst on a blind article before submitting: their own annotations only;
 * - after submitting: their own and every submitted colleague's, and the curated layer.
 */
export type AnnotationScope = { all: true } | { all: false; authorIds: readonly string[]; curated: boolean };

export const READ_ALL: AnnotationScope = { all: true };

export function annotationScope(actor: Subject, article: BlindState): AnnotationScope {
  if (!article.blind || hasPermission(actor.role, 'annotations.read.blind')) return READ_ALL;
  if (!article.submitted.includes(actor.id)) return { all: false, authorIds: [actor.id], curated: false };
  return { all: false, authorIds: [...new Set([actor.id, ...article.submitted])], curated: true };
}

/** Whether the actor's scope on a blind article is narrowed at all (false: no need to load the article's state). */
export function mayReadAllBlindWork(actor: Subject): boolean {
  return hasPermission(actor.role, 'annotations.read.blind');
}

/**
 * Whether the actor may read an annotation within their scope of its article (annotationScope).
 * Deleted annotations are read by no one here (admins list them through canListDeletedAnnotations).
 */
export function canReadAnnotation(
  actor: Subject,
  annotation: { authorId: string; deletedAt: Date | null; curated?: boolean },
  scope: AnnotationScope,
): Decision {
  if (annotation.deletedAt) return deny('This annotation was deleted.');
  if (scope.all || scope.authorIds.includes(annotation.authorId) || (scope.curated && annotation.curated)) return OK;
  void actor;
  return deny('This article is annotated blind: colleagues’ annotations stay hidden until you submit yours.');
}

/** Assigning an article, turning blind mode on or off. */
export function canAssignArticle(actor: Subject): Decision {
  return hasPermission(actor.role, 'articles.assign') ? OK : deny('Only reviewers and admins can assign articles or change blind mode.');
}

/** A document's details (title, outlet, date, URL, source or not, issuing body, symbol): whoever imported it, reviewers and admins. */
export function canEditArticleDetails(actor: Subject, importedById: string): Decision {
  return actor.id === importedById || hasPermission(actor.role, 'articles.edit.any')
    ? OK
    : deny('Only whoever imported this document, a reviewer or an admin can change its details.');
}

/** Only an assignee says their annotation of the article is done. */
export function canSubmitAssignment(actor: Subject, assignment: { userId: string } | null): Decision {
  if (!assignment || assignment.userId !== actor.id) return deny('Only an analyst assigned to this article can submit an annotation of it.');
  return OK;
}

/**
 * Linking evidence to a claim: anyone who may read the claim (so the read rule, blind annotation
 * included, decides it). The caller answers 404 when this refuses, as for any unreadable annotation.
 */
export function canLinkEvidence(actor: Subject, claim: { authorId: string; deletedAt: Date | null; curated?: boolean }, scope: AnnotationScope): Decision {
  return canReadAnnotation(actor, claim, scope);
}

/** An evidence link is its author's finding: only they change or delete it (others review it). */
export function canEditEvidence(actor: Subject, linkAuthorId: string): Decision {
  return actor.id === linkAuthorId ? OK : deny('Only the author of this evidence link can change it.');
}

export function canDeleteEvidence(actor: Subject, linkAuthorId: string): Decision {
  return actor.id === linkAuthorId ? OK : deny('Only the author of this evidence link can delete it.');
}

/** Reviewing an evidence link follows the annotation review rule, with the link's author in the author's place. */
export function canReviewEvidence({ actor, linkAuthorId, peerReview }: { actor: Subject; linkAuthorId: string; peerReview: boolean }): Decision {
  if (actor.id === linkAuthorId) return deny('You cannot review your own evidence link.');
  return canReview({ actor, annotationAuthorId: linkAuthorId, peerReview });
}

/** Reopening a submission (the analyst may change their work again) is a reviewer's call. */
export function canReopenSubmission(actor: Subject): Decision {
  return hasPermission(actor.role, 'articles.assign') ? OK : deny('Only reviewers and admins can reopen a submitted annotation.');
}

/** After submitting blind work the analyst's own annotations of the article are read-only until a reviewer reopens them. */
export function canChangeBlindWork(actor: Subject, article: BlindState): Decision {
  if (article.blind && article.submitted.includes(actor.id)) {
    return deny('You submitted your annotation of this article: it is read-only until a reviewer reopens it.');
  }
  return OK;
}

/** The desk's agreement over time: it compares every analyst's blind work, so only those who read all of it. */
export function canReadDeskAgreement(actor: Subject): Decision {
  return mayReadAllBlindWork(actor) ? OK : deny('Only reviewers and admins see the desk’s agreement over time: it compares every analyst’s blind work.');
}

/** Adjudicating analysts' annotations into the curated layer. */
export function canCurate(actor: Subject): Decision {
  return hasPermission(actor.role, 'annotations.curate') ? OK : deny('Only reviewers and admins can curate annotations.');
}
