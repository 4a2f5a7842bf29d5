import { tagColor } from '@/lib/tags/tag-color';

export function TagChip({ tag, count }: { tag: { key: string; label: string; color: string }; count?: number }) {
  return (
    <span className="tag-chip" style={{ ['--tag' as string]: tagColor(tag.color) }} data-tag={tag.key}>
      <span className="tag-dot" aria-hidden />
      {tag.label}
      {count === undefined ? null : <span className="tag-count">{count}</span>}
    </span>
  );
}
