import type { Prisma } from '@/lib/generated/prisma/browser';

/** A JSON value as Prisma reads it from a Json column (the audit log's before/after). */
export type JsonValue = Prisma.JsonValue;
