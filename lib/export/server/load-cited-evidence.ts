import 'server-only';
import type { Subject } from '@/lib/core/permissions';
import type { Db, Tx } from '@/lib/db/server/prisma';
import type { BriefCitedEvidenceInput } from '@/lib/export/brief-input';
import { deriveProvenance } from '@/lib/provenance/derive-provenance';
import { describeReference } from '@/lib/provenance/describe-provenance';
import { readableEvidence } from '@/lib/provenance/server/list-evidence';

/**
 * What the claims cited as evidence rest on (claim → cited claim → source): each cited claim's own
 * live links, filtered like every evidence list (readableEvidence), and the provenance they add up to.
 * One step of the chain: a brief shows whether the article cited was itself checked against its
 * source, not the whole graph. A cited claim without links is `unlinked`.
 */
export async function loadCitedEvidence(db: Db | Tx, actor: Subject, citedIds: readonly string[]): Promise<Map<string, BriefCitedEvidenceInput>> {
  const out = new Map<string, BriefCitedEvidenceInput>();
  const ids = [...new Set(citedIds)];
  if (ids.length === 0) return out;
  const links = await readableEvidence(db, actor, ids);
  for (const id of ids) {
    const own = links.filter((l) => l.annotationId === id);
    out.set(id, {
      provenance: deriveProvenance(own.map((l) => l.relation)),
      links: own.map((l) => ({
        relation: l.relation,
        reference: l.targetAnnotation ? `${l.document.title}, a claim annotated there` : describeReference(l),
        exact: l.target?.exact ?? null,
      })),
    });
  }
  return out;
}
