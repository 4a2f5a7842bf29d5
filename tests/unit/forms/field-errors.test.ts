import { describe, expect, it } from 'vitest';
import { createAnnotationSchema, MAX_NOTE } from '@/lib/annotations/annotation-schemas';
import { storedLength } from '@/lib/api/text-field';
import { ApiError } from '@/lib/client/api-fetch';
import { formErrors, schemaProblem } from '@/lib/client/field-errors';

describe('storedLength', () => {
  it('counts as the API does: trimmed and NFC', () => {
    expect(storedLength('  abc \n')).toBe(3);
    expect(storedLength('e\u0301')).toBe(1); // é decomposed → one character after NFC
  });

  it('agrees with the note schema at the limit', () => {
    const atLimit = `  ${'x'.repeat(MAX_NOTE)}  `;
    expect(storedLength(atLimit)).toBe(MAX_NOTE);
    expect(createAnnotationSchema.shape.note.safeParse(atLimit).success).toBe(true);
    expect(createAnnotationSchema.shape.note.safeParse(`${atLimit}y`).success).toBe(false);
  });
});

describe('schemaProblem', () => {
  it("gives the route's own message for a refused value, null for an accepted one", () => {
    expect(schemaProblem(createAnnotationSchema.shape.note, 'x'.repeat(MAX_NOTE + 1))).toBe('note must be at most 5,000 characters');
    expect(schemaProblem(createAnnotationSchema.shape.note, 'fine')).toBeNull();
  });
});

describe('formErrors', () => {
  it("puts each 400 detail on the form's own field and keeps the whole message", () => {
    const error = new ApiError(400, 'validation_failed', 'note: note must be at most 5,000 characters', [{ path: 'note', message: 'note must be at most 5,000 characters' }]);
    expect(formErrors(error, ['note', 'sourceDetail'])).toEqual({
      fields: { note: 'note must be at most 5,000 characters' },
      message: 'note: note must be at most 5,000 characters',
    });
  });

  it('leaves a problem on a field the form does not draw to the message', () => {
    const error = new ApiError(400, 'validation_failed', 'The tag "x" is archived', [{ path: 'tag', message: 'must be one of: un' }]);
    expect(formErrors(error, ['note'])).toEqual({ fields: {}, message: 'The tag "x" is archived' });
  });

  it('says "network error" for a failure that never reached the server', () => {
    expect(formErrors(new TypeError('Failed to fetch'), ['note'])).toEqual({ fields: {}, message: 'Network error: try again.' });
  });
});
