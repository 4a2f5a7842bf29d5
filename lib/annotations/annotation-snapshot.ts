import type { AnnotationDto } from '@/lib/annotations/annotation-dto';

/** The fields an author chooses, as the audit log records them (tag by key, grade as one object). */
export type AnnotationSnapshot = {
  versionId: string;
  start: number;
  end: number;
  exact: string;
  tag: string;
  sourceDetail: string | null;
  note: string | null;
  confidence: AnnotationDto['confidence'];
  grade: AnnotationDto['grade'];
  suggestionReason: string | null;
};

export function snapshotOf(dto: AnnotationDto): AnnotationSnapshot {
  return {
    versionId: dto.versionId,
    start: dto.target.start,
    end: dto.target.end,
    exact: dto.target.exact,
    tag: dto.tag,
    sourceDetail: dto.sourceDetail,
    note: dto.note,
    confidence: dto.confidence,
    grade: dto.grade,
    suggestionReason: dto.suggestionReason,
  };
}
