import type { JsonValue } from '@/lib/core/json-value';

/** One entry of an annotation's audit log, as GET /api/annotations/:id/history returns it. */
export type AnnotationEventDto = {
  id: string;
  action: string;
  actor: { id: string; name: string };
  at: string;
  before: JsonValue | null;
  after: JsonValue | null;
};
