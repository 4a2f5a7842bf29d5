import type { AnnotationDto, ReviewStatus } from '@/lib/annotations/annotation-dto';

export type AuthorFilter = 'everyone' | 'mine' | 'colleagues' | `user:${string}`;

export type AnnotationFilters = { tag: string; author: AuthorFilter; status: ReviewStatus | ''; query: string };

export const NO_FILTERS: AnnotationFilters = { tag: '', author: 'everyone', status: '', query: '' };

export function isFiltering(f: AnnotationFilters): boolean {
  return f.tag !== '' || f.author !== 'everyone' || f.status !== '' || f.query.trim() !== '';
}

export function byDocumentOrder(a: AnnotationDto, b: AnnotationDto): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || a.createdAt.localeCompare(b.createdAt);
}

export function applyFilters(list: AnnotationDto[], f: AnnotationFilters, currentUserId: string): AnnotationDto[] {
  const q = f.query.trim().toLowerCase();
  return list.filter((a) => {
    if (f.tag && a.tag !== f.tag) return false;
    if (f.status && a.status !== f.status) return false;
    if (f.author === 'mine' && a.author.id !== currentUserId) return false;
    if (f.author === 'colleagues' && a.author.id === currentUserId) return false;
    if (f.author.startsWith('user:') && a.author.id !== f.author.slice(5)) return false;
    if (q && !a.target.exact.toLowerCase().includes(q) && !(a.note ?? '').toLowerCase().includes(q)) return false;
    return true;
  });
}
