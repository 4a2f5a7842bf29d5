import type { AnnotationDto } from '@/lib/annotations/annotation-dto';
import type { ReviewStatus } from '@/lib/core/enums';
import type { ProvenanceState } from '@/lib/provenance/relations';

export type AuthorFilter = 'everyone' | 'mine' | 'colleagues' | `user:${string}`;

/** NATO/Admiralty grade filter: any, graded at all, not graded, one reliability letter or one credibility digit. */
export type GradeFilter = '' | 'graded' | 'ungraded' | `rel:${string}` | `cred:${number}`;

export type AnnotationFilters = { tag: string; author: AuthorFilter; status: ReviewStatus | ''; grade: GradeFilter; provenance: ProvenanceState | ''; query: string };

export const NO_FILTERS: AnnotationFilters = { tag: '', author: 'everyone', status: '', grade: '', provenance: '', query: '' };

export function isFiltering(f: AnnotationFilters): boolean {
  return f.tag !== '' || f.author !== 'everyone' || f.status !== '' || f.grade !== '' || f.provenance !== '' || f.query.trim() !== '';
}

function matchesGrade(a: AnnotationDto, grade: GradeFilter): boolean {
  const { reliability, credibility } = a.grade;
  if (grade === '') return true;
  if (grade === 'graded') return reliability !== null || credibility !== null;
  if (grade === 'ungraded') return reliability === null && credibility === null;
  if (grade.startsWith('rel:')) return reliability === grade.slice(4);
  return credibility === Number(grade.slice(5));
}

export function byDocumentOrder(a: AnnotationDto, b: AnnotationDto): number {
  return a.target.start - b.target.start || a.target.end - b.target.end || a.createdAt.localeCompare(b.createdAt);
}

export function applyFilters(list: AnnotationDto[], f: AnnotationFilters, currentUserId: string): AnnotationDto[] {
  const q = f.query.trim().toLowerCase();
  return list.filter((a) => {
    if (f.tag && a.tag !== f.tag) return false;
    if (f.status && a.status !== f.status) return false;
    if (!matchesGrade(a, f.grade)) return false;
    if (f.provenance && a.provenance !== f.provenance) return false;
    if (f.author === 'mine' && a.author.id !== currentUserId) return false;
    if (f.author === 'colleagues' && a.author.id === currentUserId) return false;
    if (f.author.startsWith('user:') && a.author.id !== f.author.slice(5)) return false;
    if (q && !a.target.exact.toLowerCase().includes(q) && !(a.note ?? '').toLowerCase().includes(q)) return false;
    return true;
  });
}
