// Articles / Sources: which part of the library is listed, kept in the URL (?kind=source) so it survives a reload and can be linked.
import Link from 'next/link';
import type { ArticleKind } from '@/lib/core/enums';

const CHOICES: Array<{ kind: ArticleKind; label: string; href: string }> = [
  { kind: 'article', label: 'Articles', href: '/' },
  { kind: 'source', label: 'Sources', href: '/?kind=source' },
];

export function LibraryFilter({ kind }: { kind: ArticleKind }) {
  return (
    <nav className="lib-filter" aria-label="Library: articles or sources">
      {CHOICES.map((c) => (
        <Link key={c.kind} href={c.href} aria-current={c.kind === kind ? 'page' : undefined}>
          {c.label}
        </Link>
      ))}
    </nav>
  );
}
