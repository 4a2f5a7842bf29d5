// An annotation as a viewer with a narrowed scope (blind annotation, lib/core/permissions.ts) sees it.
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationScope } from '@/lib/core/permissions';

/**
 * Conflicts name the other annotation: on a blind article they would tell an analyst that a colleague
 * tagged the same words differently, and where. A narrowed scope sees none (disagreements in blind
 * work are the curator's: lib/curation); reviewers and admins see them all.
 */
export function scopedAnnotation(annotation: AnnotationDto, scope: AnnotationScope): AnnotationDto {
  return scope.all || annotation.conflictsWith.length === 0 ? annotation : { ...annotation, conflictsWith: [] };
}
