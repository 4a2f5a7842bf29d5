import { describe, expect, it } from 'vitest';
import { newRowId } from '@/lib/db/server/new-row-id';

describe('newRowId', () => {
  it('is cuid-shaped: "c" and 24 base-36 characters', () => {
    expect(newRowId()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it('sorts by the time it was made, and differs within one millisecond', () => {
    const at = Date.UTC(2026, 11, 3, 10, 0, 0);
    const earlier = newRowId(at);
    const later = newRowId(at + 1);
    expect(earlier < later).toBe(true);
    expect(newRowId(at + 60_000) > later).toBe(true);
    const same = new Set(Array.from({ length: 1_000 }, () => newRowId(at)));
    expect(same.size).toBe(1_000);
  });
});
