/**
 * The entity variant table (data/entity-variants.json) compiled into matchers: one canonical id
 * per actor, place or document, whatever spelling or transliteration an outlet uses.
 */
import raw from './data/entity-variants.json';

export type EntityKind = 'group' | 'organisation' | 'place' | 'person' | 'project' | 'document';

export type EntityDefinition = { id: string; label: string; kind: EntityKind; parent?: string; source?: boolean; variants: string[] };

export type EntityTable = {
  byId: ReadonlyMap<string, EntityDefinition>;
  /** Case-insensitive variants, longest first, as one alternation. */
  anyCase: RegExp | null;
  /** Acronyms written in capitals (TTP, ISKP), matched only in capitals. */
  exactCase: RegExp | null;
  /** Folded lowercase variant → id, for resolving a regex hit. */
  lookup: ReadonlyMap<string, string>;
};

const ACRONYM = /^[A-Z][A-Z.\-/]{0,6}$/;

/** Variant text → a regex source where a hyphen, a space or nothing between parts are the same. */
function variantPattern(variant: string): string {
  const parts = variant
    .trim()
    .split(/[\s\-–—]+/)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/'/g, "['’]?"));
  return parts.join('[\\s\\-]*');
}

/** The lookup key of a matched string: folded, lowercase, separators removed. */
export function variantKey(text: string): string {
  return text.toLowerCase().replace(/['’\s\-.]/g, '');
}

export function compileEntityTable(entities: EntityDefinition[]): EntityTable {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const lookup = new Map<string, string>();
  const exact: string[] = [];
  const loose: string[] = [];
  for (const entity of entities) {
    for (const variant of entity.variants) {
      const folded = variant.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[‘’]/g, "'").replace(/[–—]/g, '-');
      const key = (ACRONYM.test(folded) ? 'A:' : '') + variantKey(folded);
      if (!lookup.has(key)) lookup.set(key, entity.id);
      (ACRONYM.test(folded) ? exact : loose).push(folded);
    }
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  // Word boundaries by lookaround: \b does not see a boundary after "U.N." or before "'s".
  const build = (variants: string[], flags: string) =>
    variants.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...new Set(variants)].sort(byLength).map(variantPattern).join('|')})(?![\\p{L}\\p{N}])`, flags) : null;
  return { byId, anyCase: build(loose, 'giu'), exactCase: build(exact, 'gu'), lookup };
}

export const ENTITY_TABLE: EntityTable = compileEntityTable(raw.entities as EntityDefinition[]);
