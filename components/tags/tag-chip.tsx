import { tagColor } from '@/lib/tags/tag-color';
import { tagTextColor } from '@/lib/tags/tag-contrast';

/** A tag's non-colour cue: the desk-wide letter when the caller has it (tagLetters), else the label's initial. */
export function TagLetter({ tag, letter }: { tag: { label: string; color: string }; letter?: string }) {
  const color = tagColor(tag.color);
  return (
    // Drawn from data-letter by CSS, so the chip's text (and what a screen reader reads) stays the label.
    <span className="tag-letter" data-letter={letter ?? (tag.label.trim()[0] ?? '?').toUpperCase()} style={{ background: color, color: tagTextColor(color) }} aria-hidden />
  );
}

export function TagChip({ tag, count, letter }: { tag: { key: string; label: string; color: string }; count?: number; letter?: string }) {
  return (
    <span className="tag-chip" style={{ ['--tag' as string]: tagColor(tag.color) }} data-tag={tag.key}>
      <TagLetter tag={tag} letter={letter} />
      {tag.label}
      {count === undefined ? null : <span className="tag-count">{count}</span>}
    </span>
  );
}
