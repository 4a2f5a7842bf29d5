'use client';

// The article's header, sticky above the reader while reading: title and links, the tag legend
// with counts (and each tag's letter, so colour is never the only cue), the conflict key, presence,
// caret browsing, the shortcuts and Export.
import Link from 'next/link';
import { memo } from 'react';
import { countAnnotations, describeAnnotationCount } from '@/lib/annotations/annotation-count';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ArticleSummaryDto } from '@/lib/articles/article-dto';
import type { SourceTag } from '@/lib/client/annotations-api';
import { TagChip } from '@/components/tags/tag-chip';
import { WorkspaceSlots } from '@/components/reader/workspace-slots';

type Props = {
  article: ArticleSummaryDto;
  versionNumber: number;
  tags: SourceTag[];
  letters: Map<string, string>;
  counts: Map<string, number>;
  /** Every live annotation here (placed and orphaned): the one count definition says them apart. */
  annotations: AnnotationDto[];
  conflictCount: number;
  live: { connected: boolean; viewers: number | null; viewerNames: string[] };
  caretMode: boolean;
  onToggleCaret: () => void;
  onHelp: () => void;
};

// Memoised: a re-render for the reader alone (a selection, a live highlight) leaves the header be.
export const WorkspaceHeader = memo(function WorkspaceHeader({ article, versionNumber, tags, letters, counts, annotations, conflictCount, live, caretMode, onToggleCaret, onHelp }: Props) {
  const articleId = article.id;
  const meta = [article.outlet, article.byline, article.publishedAt ? new Date(article.publishedAt).toLocaleDateString('en-GB') : null].filter(Boolean).join(' · ');
  const viewers = live.viewers;
  return (
    <header className="cd-workspace-head" data-testid="article-header">
      <div className="cd-head-main">
        <div className="cd-head-title">{article.title}</div>
        <div className="muted small">
          {meta}
          {meta ? ' · ' : ''}
          <Link href={`/articles/${encodeURIComponent(articleId)}/versions`} title="What changed between versions, and where each annotation landed">
            version {versionNumber}
          </Link>
          {' · '}
          <Link href={`/articles/${encodeURIComponent(articleId)}/agreement`}>agreement report</Link>
        </div>
      </div>
      <div className="cd-head-stats">
        <div className="cd-legend" aria-label="Source tags">
          {/* Archived tags come last: listed only while annotations here still carry them. */}
          {tags.filter((tag) => !tag.archived || counts.has(tag.key)).map((tag, i) => (
            <span key={tag.key} className="cd-legend-item" title={tag.archived ? 'Archived tag' : `Press ${i + 1} in the annotate popover`}>
              <TagChip tag={tag} count={counts.get(tag.key) ?? 0} letter={letters.get(tag.key)} />
            </span>
          ))}
          <span className="cd-legend-item cd-legend-conflict" title="Two analysts tagged the same claim differently: marked ≠ at the end of the words" data-testid="conflict-legend">
            <span className="cd-conflict-mark" aria-hidden /> conflict
          </span>
        </div>
        <span className="muted small" data-testid="annotation-count">
          {describeAnnotationCount(countAnnotations(annotations))}
        </span>
        {conflictCount ? (
          <span className="cd-badge cd-conflict" data-testid="conflict-count">
            {conflictCount} in conflict
          </span>
        ) : null}
        <span className={`cd-presence${live.connected ? ' is-live' : ''}`} data-testid="presence" title={live.viewerNames.join(', ') || undefined}>
          <span className="cd-presence-dot" aria-hidden />
          {viewers === null ? (live.connected ? 'Live' : 'Offline') : `${viewers} analyst${viewers === 1 ? '' : 's'} viewing`}
        </span>
        <button type="button" className="button small" aria-pressed={caretMode} onClick={onToggleCaret} title="Caret browsing (F7): move through the text with the arrow keys, select with Shift+arrows">
          Caret <kbd>F7</kbd>
        </button>
        <button type="button" className="button small" onClick={onHelp} aria-label="Keyboard shortcuts">
          <kbd>?</kbd>
        </button>
        <WorkspaceSlots.Header articleId={articleId} blind={article.blind} />
      </div>
    </header>
  );
});
