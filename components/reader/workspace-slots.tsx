'use client';

// Where the other desk features plug into the article workspace: the export menu (header),
// the suggestions panel (sidebar) and the review panel (under the selected annotation).
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/components/reader/article-workspace';

function Header({ articleId }: { articleId: string }) {
  void articleId;
  // SLOT: <ExportMenu articleId={articleId} /> from components/export/export-menu.tsx
  return null;
}

function Sidebar({ articleId, versionId, onAccepted }: { articleId: string; versionId: string; onAccepted: () => void }) {
  void articleId;
  void versionId;
  void onAccepted;
  // SLOT: <SuggestionsPanel articleId={articleId} versionId={versionId} onAccepted={onAccepted} /> from components/suggest/suggestions-panel.tsx
  return null;
}

function Detail({ annotation, currentUser }: { annotation: AnnotationDto; currentUser: CurrentUser }) {
  void annotation;
  void currentUser;
  // SLOT: <AnnotationReviewPanel annotation={annotation} currentUser={currentUser} /> from components/review/annotation-review-panel.tsx
  return null;
}

export const WorkspaceSlots = { Header, Sidebar, Detail };
