// Assignment JSON (../shared/API.md "Assignment, blind annotation and curation"). Browser-safe.
import { isoOrNull } from '@/lib/api/total-map';

/** Where an assignee is: nothing annotated yet, annotating, or done (submitted). */
export type AssignmentState = 'not_started' | 'in_progress' | 'submitted';
export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, string> = { not_started: 'Not started', in_progress: 'In progress', submitted: 'Submitted' };

export type AssignmentDto = {
  user: { id: string; name: string };
  dueAt: string | null;
  submittedAt: string | null;
  reopenedAt: string | null;
  state: AssignmentState;
  /** The assignee's live annotations of the article (a count says nothing of their content). */
  annotations: number;
};

/** What GET/PATCH /api/articles/:id add to the article: blind mode and who is assigned. */
export type ArticleAccessDto = { blind: boolean; assignments: AssignmentDto[] };

export function assignmentState(row: { submittedAt: Date | null }, annotations: number): AssignmentState {
  if (row.submittedAt) return 'submitted';
  return annotations > 0 ? 'in_progress' : 'not_started';
}

export function toAssignmentDto(
  row: { user: { id: string; name: string }; dueAt: Date | null; submittedAt: Date | null; reopenedAt: Date | null },
  annotations: number,
): AssignmentDto {
  return {
    user: row.user,
    dueAt: isoOrNull(row.dueAt),
    submittedAt: isoOrNull(row.submittedAt),
    reopenedAt: isoOrNull(row.reopenedAt),
    state: assignmentState(row, annotations),
    annotations,
  };
}
