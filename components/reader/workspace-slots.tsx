'use client';

// Where the other desk features plug into the article workspace: the export menu (header),
// the claims checked before and the suggestions panel (sidebar), and the review panel and provenance (under the selected annotation).
import { memo } from 'react';
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { CurrentUser } from '@/lib/core/actor';
import { ExportMenu } from '@/components/export/export-menu';
import { ClaimMatchesList } from '@/components/matching/claim-matches-list';
import { KnownClaimsPanel } from '@/components/matching/known-claims-panel';
import { SuggestionsPanel } from '@/components/suggest/suggestions-panel';
import { AnnotationReviewPanel } from '@/components/review/annotation-review-panel';
import { ClaimEvidence } from '@/components/provenance/claim-evidence';
import { LinkedCount } from '@/components/provenance/linked-count';

function Header({ articleId, blind }: { articleId: string; blind: boolean }) {
  return (
    <>
      <LinkedCount articleId={articleId} />
      <ExportMenu articleId={articleId} blind={blind} />
    </>
  );
}

// Memoised: the panels read what they need from the query cache themselves, so a live event
// (a new workspace render) does not re-render them unless their own queries changed.
const Sidebar = memo(function Sidebar({ articleId, versionId, onAccepted }: { articleId: string; versionId: string; onAccepted: () => void }) {
  return (
    <>
      <KnownClaimsPanel articleId={articleId} versionId={versionId} onAnnotated={onAccepted} />
      <SuggestionsPanel articleId={articleId} versionId={versionId} onAccepted={onAccepted} />
    </>
  );
});

function Detail({ annotation, currentUser }: { annotation: AnnotationDto; currentUser: CurrentUser }) {
  return (
    <>
      <AnnotationReviewPanel annotation={annotation} currentUser={currentUser} />
      <ClaimEvidence annotation={annotation} currentUser={currentUser} />
      <ClaimMatchesList annotation={annotation} />
    </>
  );
}

export const WorkspaceSlots = { Header, Sidebar, Detail };
