// How a viewer's annotation list takes a live event or a `?since=` delta (pure; the live hook applies
// these through setQueryData). Each event carries the annotation's whole state, so applying is an
// upsert by id — applying the same state twice changes nothing, whatever the source (the viewer's
// own POST answer, its event, a replay).
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { isBulkEvent, type LiveEventView } from '@/lib/live/live-event';

/** The temporary id of an optimistic create, from its Idempotency-Key (components/hooks/use-annotations `newCreateIds`). */
export const tempIdOf = (clientKey: string, prefix: string) => `${prefix}${clientKey}`;

/**
 * Conflicts are symmetric but an event carries one side: `changed`'s list is the truth for its own
 * pairs, so every other annotation gains or loses `changed.id` to match it. Untouched rows keep
 * their identity (React and the highlight plugin compare by reference).
 */
function mirrorConflicts(list: AnnotationDto[], changed: AnnotationDto | { id: string; conflictsWith: readonly string[] }): AnnotationDto[] {
  const partners = new Set(changed.conflictsWith);
  return list.map((a) => {
    if (a.id === changed.id) return a;
    const has = a.conflictsWith.includes(changed.id);
    const should = partners.has(a.id);
    if (has === should) return a;
    return { ...a, conflictsWith: should ? [...a.conflictsWith, changed.id] : a.conflictsWith.filter((id) => id !== changed.id) };
  });
}

/** The list with `dto` in place of its earlier state (or added); a deleted one leaves the list. */
export function upsertAnnotation(list: readonly AnnotationDto[], dto: AnnotationDto, { replacing }: { replacing?: string } = {}): AnnotationDto[] {
  if (dto.deletedAt) return removeAnnotation(list, dto.id);
  let found = false;
  const next: AnnotationDto[] = [];
  for (const a of list) {
    if (a.id === replacing) continue;
    if (a.id === dto.id) {
      if (!found) next.push(dto);
      found = true;
    } else next.push(a);
  }
  if (!found) next.push(dto);
  return mirrorConflicts(next, dto);
}

export function removeAnnotation(list: readonly AnnotationDto[], id: string): AnnotationDto[] {
  if (!list.some((a) => a.id === id || a.conflictsWith.includes(id))) return list as AnnotationDto[];
  return mirrorConflicts(
    list.filter((a) => a.id !== id),
    { id, conflictsWith: [] },
  );
}

/**
 * One event applied to the article's list (annotation, reply and review events all carry the
 * annotation's new state). `tempPrefix`: the viewer's own create replaces its optimistic row, found by
 * the create's Idempotency-Key (sent back only to the author's streams as `clientKey`).
 */
export function applyLiveEvent(list: readonly AnnotationDto[], event: LiveEventView, tempPrefix: string): AnnotationDto[] {
  if (isBulkEvent(event)) return list as AnnotationDto[];
  if (!event.annotation) return removeAnnotation(list, event.annotationId);
  const replacing = 'clientKey' in event && event.clientKey ? tempIdOf(event.clientKey, tempPrefix) : undefined;
  return upsertAnnotation(list, event.annotation, { replacing });
}

/** A `GET …/annotations?since=` answer applied: changed ones upserted, left ones removed. */
export function applyAnnotationChanges(list: readonly AnnotationDto[], changes: { annotations: readonly AnnotationDto[]; deleted: readonly string[] }): AnnotationDto[] {
  let next = list as AnnotationDto[];
  for (const id of changes.deleted) next = removeAnnotation(next, id);
  for (const dto of changes.annotations) next = upsertAnnotation(next, dto);
  return next;
}
