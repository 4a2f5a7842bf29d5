import type { Db, Tx } from '@/lib/db/prisma';

/** Reads that work both inside and outside a transaction. */
export type DbOrTx = Db | Tx;
