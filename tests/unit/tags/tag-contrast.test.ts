import { describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_TAGS } from '@/lib/db/server/seed';
import { contrastRatio, DARK_TEXT, formatRatio, tagColorContrastProblem, tagTextColor, WHITE } from '@/lib/tags/tag-contrast';
import { tagLetters } from '@/lib/tags/tag-letter';
import { createTagSchema } from '@/lib/tags/tag-schemas';

describe('tag colour contrast', () => {
  it('computes WCAG ratios (reference values)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio(WHITE, '#767676')).toBeCloseTo(4.54, 2); // the classic lightest AA grey on white
    expect(contrastRatio('#2563eb', WHITE)).toBeCloseTo(contrastRatio(WHITE, '#2563eb'), 10);
  });

  it('accepts colours white text reads on and explains a refusal with the figure', () => {
    expect(tagColorContrastProblem('#767676')).toBeNull();
    expect(tagColorContrastProblem('#777777')).toMatch(/contrast of 4\.4:1.*4\.5:1/);
    expect(tagColorContrastProblem('#fde047')).toMatch(/too light/);
  });

  it('never rounds a failing ratio up to a passing one', () => {
    expect(formatRatio(4.49)).toBe('4.4:1');
    expect(formatRatio(4.5)).toBe('4.5:1');
  });

  it('the default desk tags pass the check the API applies', () => {
    for (const { sortOrder: _order, ...tag } of DEFAULT_SOURCE_TAGS) expect(createTagSchema.safeParse(tag).success, tag.color).toBe(true);
  });

  it('badge text on a colour stored before the check falls back to dark text that reads', () => {
    expect(tagTextColor('#2563eb')).toBe(WHITE);
    expect(tagTextColor('#fde047')).toBe(DARK_TEXT);
    expect(contrastRatio(DARK_TEXT, '#fde047')).toBeGreaterThan(4.5);
  });
});

describe('tag letters', () => {
  it('gives each tag a distinct letter, initials first, in the desk order', () => {
    const letters = tagLetters([
      { key: 'un', label: 'UN report' },
      { key: 'intelligence', label: 'Intelligence' },
      { key: 'analyst', label: 'Analyst opinion' },
      { key: 'academic', label: 'Academic' },
      { key: 'ingo', label: 'International NGO' },
    ]);
    expect([...letters.values()]).toEqual(['U', 'I', 'A', 'C', 'N']);
    expect(new Set(letters.values()).size).toBe(letters.size);
  });

  it('the same list gives the same letters', () => {
    const tags = [
      { key: 'a', label: 'Alpha' },
      { key: 'b', label: 'Also alpha' },
    ];
    expect(tagLetters(tags)).toEqual(tagLetters([...tags]));
  });
});
