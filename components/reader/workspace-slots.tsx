'use client';

// Where the other desk features plug into the article workspace: the export menu (header),
// the suggestions panel (sidebar) and the review panel (under the selected annotation).
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { ExportMenu } from '@/components/export/export-menu';
import { SuggestionsPanel } from '@/components/suggest/suggestions-panel';
import { AnnotationReviewPanel } from '@/components/review/annotation-review-panel';

function Header({ articleId }: { articleId: string }) {
  return <ExportMenu articleId={articleId} />;
}

function Sidebar({ articleId, versionId, onAccepted }: { articleId: string; versionId: string; onAccepted: () => void }) {
  return <SuggestionsPanel articleId={articleId} versionId={versionId} onAccepted={onAccepted} />;
}

function Detail({ annotation, currentUser }: { annotation: AnnotationDto; currentUser: CurrentUser }) {
  return <AnnotationReviewPanel annotation={annotation} currentUser={currentUser} />;
}

export const WorkspaceSlots = { Header, Sidebar, Detail };
