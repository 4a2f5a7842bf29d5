/**
 * Do two claims name the same actors? Entities weigh by what they tell about the fact: a group or
 * a person a lot, a province some, a country that every story in the beat names little, and the
 * body that reported it (the UN, a think tank) least. A parent counts partly: "IS-K" and "the
 * Islamic State" are not strangers.
 */
import { ENTITY_TABLE, type EntityTable } from './entity-variants';

export type EntityComparison = {
  /** 0..1 */
  similarity: number;
  shared: string[];
  /** Both name actors (groups or people) and none of them is the same. */
  actorConflict: { left: string[]; right: string[] } | null;
};

const COUNTRY_IDS = new Set(['pakistan', 'afghanistan', 'us', 'china', 'india', 'iran', 'russia']);

export function entityWeight(id: string, table: EntityTable = ENTITY_TABLE): number {
  if (id.startsWith('name:') || id.startsWith('rel:')) return 0.7;
  const e = table.byId.get(id);
  if (!e) return 0.5;
  if (e.source) return 0.15;
  if (COUNTRY_IDS.has(id)) return 0.35;
  switch (e.kind) {
    case 'group':
    case 'person':
      return 1;
    case 'organisation':
    case 'project':
    case 'document':
      return 0.7;
    case 'place':
      return 0.55;
  }
}

function isActor(id: string, table: EntityTable): boolean {
  const e = table.byId.get(id);
  return !!e && !e.source && (e.kind === 'group' || e.kind === 'person');
}

function ancestors(id: string, table: EntityTable): string[] {
  const out: string[] = [];
  let e = table.byId.get(id);
  while (e?.parent && out.length < 4) {
    out.push(e.parent);
    e = table.byId.get(e.parent);
  }
  return out;
}

/** How much `id` is covered by the other side: 1 if named, 0.6 through a parent or child, else 0. */
function coverage(id: string, other: ReadonlySet<string>, table: EntityTable): number {
  if (other.has(id)) return 1;
  if (ancestors(id, table).some((a) => other.has(a))) return 0.6;
  for (const o of other) if (ancestors(o, table).includes(id)) return 0.6;
  return 0;
}

export function compareEntities(left: string[], right: string[], table: EntityTable = ENTITY_TABLE): EntityComparison {
  const L = new Set(left);
  const R = new Set(right);
  const wl = left.reduce((s, id) => s + entityWeight(id, table), 0);
  const wr = right.reduce((s, id) => s + entityWeight(id, table), 0);
  let sharedL = 0;
  let sharedR = 0;
  const shared: string[] = [];
  for (const id of left) {
    const c = coverage(id, R, table);
    sharedL += c * entityWeight(id, table);
    if (c > 0) shared.push(id);
  }
  for (const id of right) sharedR += coverage(id, L, table) * entityWeight(id, table);
  const sharedW = (sharedL + sharedR) / 2;
  const similarity = wl > 0 && wr > 0 ? 0.5 * (sharedW / Math.sqrt(wl * wr)) + 0.5 * (sharedW / Math.min(wl, wr)) : 0;
  const actorsL = left.filter((id) => isActor(id, table));
  const actorsR = right.filter((id) => isActor(id, table));
  const actorConflict =
    actorsL.length && actorsR.length && !actorsL.some((id) => coverage(id, new Set(actorsR), table) > 0) ? { left: actorsL, right: actorsR } : null;
  return { similarity: Math.min(1, similarity), shared, actorConflict };
}

export function entityLabel(id: string, table: EntityTable = ENTITY_TABLE): string {
  return table.byId.get(id)?.label ?? id;
}
