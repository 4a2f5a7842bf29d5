// Success bodies several integration tests read, named once from the API's own types so a call reads
// `callRoute<AnnotationBody>(…)` and the compiler checks every field a test reads. A body only one
// test file reads is typed at that file's call instead.
import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { AnnotationEventDto } from '@/lib/annotations/annotation-event-dto';
import type { AnnotationChanges } from '@/lib/annotations/server/list-annotation-changes';
import type { addArticleVersion } from '@/lib/articles/server/add-article-version';
import type { getArticle } from '@/lib/articles/server/get-article';
import type { ArticleAccessDto } from '@/lib/assignments/assignment-dto';
import type { CreatedArticle } from '@/lib/client/articles-api';

/** POST /api/articles → 201. */
export type CreatedArticleBody = CreatedArticle;

/** GET /api/articles/:id: the article (with its blind mode and assignees) and one version. */
type ArticleRead = Awaited<ReturnType<typeof getArticle>>;
export type ArticleBody = Omit<ArticleRead, 'article'> & { article: ArticleRead['article'] & ArticleAccessDto };

/** POST /api/articles/:id/versions → 201. */
export type CreatedVersionBody = Awaited<ReturnType<typeof addArticleVersion>>;

/** Every route that answers with one annotation (create, get, update, restore, confirm-anchor, reopen…). */
export type AnnotationBody = { annotation: AnnotationDto };

/** GET /api/articles/:id/annotations: the list and its live sequence number. */
export type AnnotationListBody = { annotations: AnnotationDto[]; seq: number };

/** GET /api/articles/:id/annotations?since=<seq>: what changed after it. */
export type AnnotationChangesBody = AnnotationChanges;

/** GET /api/annotations/:id/history. */
export type HistoryBody = { events: AnnotationEventDto[] };

/**
 * The 409 of a write based on an old revision carries the annotation as it now is (lib/annotations/
 * stale-revision.ts). Intersected with a success body: `callRoute<AnnotationBody & StaleRevision>`.
 */
export type StaleRevision = { error?: { details: { current: AnnotationDto } } };
