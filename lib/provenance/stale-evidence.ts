import { AppError } from '@/lib/api/app-error';
import type { EvidenceDto } from '@/lib/provenance/evidence-dto';

/** The one 409 shape, for an evidence link: the client merges against `details.current`. */
export function staleEvidence(current: EvidenceDto): AppError {
  return new AppError('conflict', `Someone changed this evidence link since you loaded it (it is now at revision ${current.revision}): review the change and try again.`, { current });
}
