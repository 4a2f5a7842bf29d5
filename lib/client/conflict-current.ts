import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import { ApiError } from '@/lib/client/api-fetch';

/**
 * The current annotation a stale write's 409 carries: every route answers a stale revision with
 * `{ error: { code: "conflict", details: { current } } }`. Null for any other error.
 */
export function conflictCurrent(error: unknown): AnnotationDto | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = error.details as { current?: unknown } | undefined;
  const current = details && typeof details === 'object' ? details.current : undefined;
  return current && typeof current === 'object' && 'id' in current && 'revision' in current ? (current as AnnotationDto) : null;
}
