// The letter each tag carries beside its colour (chips, legend, highlights), so no one needs to tell
// colours apart. Derived, not stored: the first letter of the label that no earlier tag (in the
// desk's order) took, then the key's letters, then any free letter; the same list gives the same letters.
type Lettered = { key: string; label: string };

export function tagLetters(tags: readonly Lettered[]): Map<string, string> {
  const taken = new Set<string>();
  const letters = new Map<string, string>();
  for (const tag of tags) {
    const candidates = [...`${initials(tag.label)}${tag.label}${tag.key}ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`.toUpperCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
    const letter = candidates.find((c) => !taken.has(c)) ?? '•';
    taken.add(letter);
    letters.set(tag.key, letter);
  }
  return letters;
}

/** "Analyst opinion" → "AO": a word's first letter is a better guess than a letter inside one. */
function initials(label: string): string {
  return label
    .split(/\s+/)
    .map((word) => word[0] ?? '')
    .join('');
}
