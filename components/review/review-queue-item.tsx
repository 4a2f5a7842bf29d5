'use client';

import Link from 'next/link';
import type { ReactNode } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { SourceTag } from '@/lib/client/annotations-api';
import { describeGrade, formatGrade, isCredibilityGrade, isReliabilityGrade } from '@/lib/core/grading';
import { relativeTime, STATUS_LABELS } from '@/components/annotations/format';
import { TagChip } from '@/components/tags/tag-chip';
import { tagColor } from '@/lib/tags/tag-color';

type Props = {
  annotation: AnnotationDto;
  tag: SourceTag;
  articleTitle: string;
  context: ReactNode;
  current: boolean;
  onSelect: () => void;
  /** The verdict buttons / dispute form, on the current item only. */
  children?: ReactNode;
};

export function ReviewQueueItem({ annotation: a, tag, articleTitle, context, current, onSelect, children }: Props) {
  const grade = { reliability: isReliabilityGrade(a.grade.reliability) ? a.grade.reliability : null, credibility: isCredibilityGrade(a.grade.credibility) ? a.grade.credibility : null };
  const gradeText = formatGrade(grade);
  return (
    <li
      className={`rv-queue-item${current ? ' is-current' : ''}`}
      style={{ ['--tag' as string]: tagColor(tag.color) }}
      data-testid="queue-item"
      data-annotation-id={a.id}
      aria-current={current ? 'true' : undefined}
      onClick={onSelect}
    >
      <div className="row small">
        <TagChip tag={tag} />
        <span className={`cd-badge cd-status-${a.status.toLowerCase()}`}>{STATUS_LABELS[a.status]}</span>
        {a.conflictsWith.length ? <span className="cd-badge cd-conflict">Conflict</span> : null}
        <span className="muted">
          {a.author.name} · <time dateTime={a.createdAt}>{relativeTime(a.createdAt)}</time>
          {gradeText ? (
            <>
              {' · '}
              <abbr title={describeGrade(grade)}>{gradeText}</abbr>
            </>
          ) : null}
        </span>
        <Link href={`/articles/${a.articleId}`} className="small" onClick={(e) => e.stopPropagation()} style={{ marginLeft: 'auto' }}>
          {articleTitle}
        </Link>
      </div>
      {context}
      {a.sourceDetail ? <div className="muted small">Source: {a.sourceDetail}</div> : null}
      {a.note ? <div className="cd-item-note">{a.note}</div> : null}
      {children ? <div onClick={(e) => e.stopPropagation()}>{children}</div> : null}
    </li>
  );
}
