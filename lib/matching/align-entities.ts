/**
 * The two claims' entity ids as they should be compared: a surname alone on one side stands for the
 * full name on the other ("President Castell" = "Lena Castell"), and a lone capitalised word opening
 * a sentence counts as a name only when the other claim names it too ("Velk had fallen" = "the town
 * of Velk"; "Lawmakers passed" names no one).
 */
import type { EntityMention } from './find-entities';
import type { Role } from './find-roles';

type Side = { entities: Pick<EntityMention, 'id' | 'alias' | 'tentative'>[]; entityIds: string[]; roles: Record<string, Role> };
export type AlignedSide = { entityIds: string[]; roles: Record<string, Role> };

function renamed(side: Side, rename: Map<string, string>): AlignedSide {
  const to = (id: string) => rename.get(id) ?? id;
  const roles: Record<string, Role> = {};
  for (const [id, role] of Object.entries(side.roles)) roles[to(id)] = role;
  return { entityIds: [...new Set(side.entityIds.map(to))], roles };
}

/** Ids a side names only tentatively (every mention of them is a sentence's capitalised first word). */
function tentativeIds(side: Side): Set<string> {
  const sure = new Set(side.entities.filter((e) => !e.tentative).map((e) => e.id));
  return new Set(side.entities.filter((e) => e.tentative && !sure.has(e.id)).map((e) => e.id));
}

/** Surnames on `other` that stand for a full name on `side`: other's id → side's id. */
function surnames(side: Side, other: Side): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of side.entities) if (e.alias && !side.entityIds.includes(e.alias) && other.entityIds.includes(e.alias) && !other.entityIds.includes(e.id)) map.set(e.alias, e.id);
  return map;
}

export function alignEntities(left: Side, right: Side): { left: AlignedSide; right: AlignedSide } {
  const l = renamed(left, surnames(right, left));
  const r = renamed(right, surnames(left, right));
  const keep = (side: AlignedSide, unsure: Set<string>, other: AlignedSide): AlignedSide => {
    const dropped = side.entityIds.filter((id) => unsure.has(id) && !other.entityIds.includes(id));
    if (!dropped.length) return side;
    const roles = { ...side.roles };
    for (const id of dropped) delete roles[id];
    return { entityIds: side.entityIds.filter((id) => !dropped.includes(id)), roles };
  };
  return { left: keep(l, tentativeIds(left), r), right: keep(r, tentativeIds(right), l) };
}
