import 'server-only';
import { notFound } from '@/lib/api/app-error';
import type { Db, Tx } from '@/lib/db/server/prisma';
import { evidenceDtoSelect, toEvidenceDto, type EvidenceDto } from '@/lib/provenance/evidence-dto';

/** One live evidence link as the API shows it; 404 when unknown or deleted. */
export async function loadEvidence(db: Db | Tx, id: string): Promise<EvidenceDto> {
  const row = await db.evidence.findFirst({ where: { id, deletedAt: null }, select: evidenceDtoSelect });
  if (!row) throw notFound('The evidence link');
  return toEvidenceDto(row);
}
