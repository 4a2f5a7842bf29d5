import { AppError } from '@/lib/api/app-error';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

/** 409 for a write based on an old revision; the client merges against `details.current`. */
export function staleRevision(current: AnnotationDto): AppError {
  return new AppError(
    'conflict',
    `Someone changed this annotation since you loaded it (it is now at revision ${current.revision}): review their change and try again.`,
    { current },
  );
}
