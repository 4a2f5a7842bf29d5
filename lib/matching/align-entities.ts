/**
 * The two claims' entity ids as they should be compared: a surname alone on one side stands for the
 * full name on the other ("President Castell" = "Lena Castell"), a body described by its place stands
 * for an acronym that fits it ("Sorvia's central bank" = "the NBS"), and a lone capitalised word
 * opening a sentence counts as a name only when the other claim names it too, inside a sentence
 * ("Velk had fallen" = "the town of Velk"; "Lawmakers passed" names no one, and two claims opening
 * with "Floods in …" share a word, not a name).
 */
import { acronymFitsDescription, type EntityMention } from './find-entities';
import type { EventRole } from './find-roles';

type Side = { entities: Pick<EntityMention, 'id' | 'alias' | 'tentative' | 'opening' | 'initials'>[]; entityIds: string[]; roles: Record<string, EventRole> };
export type AlignedSide = { entityIds: string[]; roles: Record<string, EventRole> };

function renamed(side: Side, rename: Map<string, string>): AlignedSide {
  const to = (id: string) => rename.get(id) ?? id;
  const roles: Record<string, EventRole> = {};
  for (const [id, role] of Object.entries(side.roles)) roles[to(id)] = role;
  return { entityIds: [...new Set(side.entityIds.map(to))], roles };
}

/**
 * Ids a side names only tentatively (every mention of them is a sentence's capitalised first word,
 * or a short name), and bodies it only describes ("Tavren's army"): each counts when the other claim
 * names it too, or (a description) once an acronym there is found to fit it.
 */
function tentativeIds(side: Side): Set<string> {
  const sure = new Set(side.entities.filter((e) => !e.tentative && !e.id.startsWith('desc:')).map((e) => e.id));
  return new Set(side.entities.filter((e) => (e.tentative || e.id.startsWith('desc:')) && !sure.has(e.id)).map((e) => e.id));
}

/** Surnames on `other` that stand for a full name on `side`: other's id → side's id. */
function surnames(side: Side, other: Side): Map<string, string> {
  const map = new Map<string, string>();
  for (const e of side.entities) if (e.alias && !side.entityIds.includes(e.alias) && other.entityIds.includes(e.alias) && !other.entityIds.includes(e.id)) map.set(e.alias, e.id);
  return map;
}

/** Ids a side names only as a sentence's first word. */
function openingIds(side: Side, unsure: Set<string>): Set<string> {
  return new Set(side.entities.filter((e) => e.opening && unsure.has(e.id)).map((e) => e.id));
}

/** Described bodies on `side` that an acronym on `other` fits: side's desc id → other's acronym id. */
function descriptions(side: Side, other: Side): Map<string, string> {
  const map = new Map<string, string>();
  for (const d of side.entities) {
    if (!d.id.startsWith('desc:') || other.entityIds.includes(d.id)) continue;
    const fit = other.entities.find((e) => e.initials && e.id.startsWith('name:') && !side.entityIds.includes(e.id) && acronymFitsDescription(e.id.slice(5), d.id));
    if (fit) map.set(d.id, fit.id);
  }
  return map;
}

export function alignEntities(left: Side, right: Side): { left: AlignedSide; right: AlignedSide } {
  const l = renamed(left, new Map([...surnames(right, left), ...descriptions(left, right)]));
  const r = renamed(right, new Map([...surnames(left, right), ...descriptions(right, left)]));
  const unsureL = tentativeIds(left);
  const unsureR = tentativeIds(right);
  const openingL = openingIds(left, unsureL);
  const openingR = openingIds(right, unsureR);
  const keep = (side: AlignedSide, unsure: Set<string>, other: AlignedSide, otherOpening: Set<string>): AlignedSide => {
    // Named by the other claim only as its first word too: a common noun both sentences open with.
    const dropped = side.entityIds.filter((id) => unsure.has(id) && (!other.entityIds.includes(id) || (otherOpening.has(id) && (unsure === unsureL ? openingL : openingR).has(id))));
    if (!dropped.length) return side;
    const roles = { ...side.roles };
    for (const id of dropped) delete roles[id];
    return { entityIds: side.entityIds.filter((id) => !dropped.includes(id)), roles };
  };
  return { left: keep(l, unsureL, r, openingR), right: keep(r, unsureR, l, openingL) };
}
