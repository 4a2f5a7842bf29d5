import { describe, expect, it } from 'vitest';
import { contentHash } from '@/lib/articles/server/content-hash';

describe('contentHash', () => {
  it('is the sha256 hex of the UTF-8 text', () => {
    expect(contentHash('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(contentHash('Pakistan’s')).toMatch(/^[0-9a-f]{64}$/);
    expect(contentHash('a\nb')).not.toBe(contentHash('a b'));
  });
});
