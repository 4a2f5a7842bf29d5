import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from '@/lib/annotations/unique-violation';

const rawFailure = (originalCode: string) => ({
  code: 'P2010',
  meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode, kind: 'UniqueConstraintViolation' } } },
});

describe('isUniqueViolation', () => {
  it('recognises a model query’s P2002 and a raw statement’s P2010 carrying 23505', () => {
    expect(isUniqueViolation({ code: 'P2002', meta: { target: ['authorId', 'idempotencyKey'] } })).toBe(true);
    expect(isUniqueViolation(rawFailure('23505'))).toBe(true);
  });

  it('does not take other failures for one', () => {
    expect(isUniqueViolation(rawFailure('23503'))).toBe(false);
    expect(isUniqueViolation({ code: 'P2010' })).toBe(false);
    expect(isUniqueViolation({ code: 'P2025' })).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key'))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});
