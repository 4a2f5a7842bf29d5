/**
 * Who did it and who had it done to them: an entity's role in a claim, read from the few words
 * around its mention. "$112m stolen by Lazarus" and "$112m seized from Lazarus" share the figure and
 * the actor and still assert different facts. Only plain patterns are read ("by X" after an action,
 * "X stole", "X was attacked", "attacked X", "seized from X"); anything else leaves the role
 * unknown, and an unknown role never costs a match.
 */
import type { EntityMention } from './find-entities';
import type { MatchingLexicon } from './matching-lexicon';
import type { Token } from './tokenize-claim';

/** An actor's part in the claimed event (who acted, who was acted on) — not a desk role (lib/core/enums.ts). */
export type EventRole = 'agent' | 'patient';

const DETERMINERS = new Set(['the', 'a', 'an']);
const PERFECT = new Set(['has', 'have', 'had']);
// Words a short subject may carry between the name and its verb ("American officials have", "TTP fighters were").
const MAX_GAP = 2;
// Verbs whose passive tells its subject to do another deed ("was ordered to pay").
const CONTROL_VERBS = new Set(['ordered', 'required', 'told', 'forced', 'obliged', 'made', 'asked', 'directed', 'compelled']);
// Tokens an action's object may take before "from" ("stole $ 112 million from").
const OBJECT_SPAN = 4;

function sentenceOf(tokens: Token[], i: number): number {
  let s = i;
  while (s > 0 && !tokens[s].sentenceStart) s -= 1;
  return s;
}

function roleBefore(tokens: Token[], first: number, lx: MatchingLexicon): EventRole | null {
  if (tokens[first].sentenceStart) return null;
  let p = first - 1;
  while (p >= 0 && DETERMINERS.has(tokens[p].lower) && !tokens[p].sentenceStart) p -= 1;
  if (p < 0 || tokens[p].kind !== 'word' || DETERMINERS.has(tokens[p].lower)) return null;
  const prev = tokens[p].lower;
  // "stolen by Lazarus", "killed by the army"; not "down by 12%" or "by March".
  if (lx.agentPrepositions.has(prev)) return lx.roleVerbs.has(tokens[p - 1]?.lower ?? '') ? 'agent' : null;
  // "seized from Lazarus", "stole $112m from a firm", "attacks against the TTP": only straight after
  // the action and its object, since in "fighters from the TTP attacked" and "attacks declined under
  // pressure from the Taliban" the one after "from" is the doer.
  if (lx.patientPrepositions.has(prev)) {
    const start = sentenceOf(tokens, p);
    for (let k = p - 1; k >= Math.max(start, p - OBJECT_SPAN - 1); k -= 1) {
      if (lx.roleVerbs.has(tokens[k].lower)) return 'patient';
      if (tokens[k].kind === 'word' && lx.stopwords.has(tokens[k].lower) && !DETERMINERS.has(tokens[k].lower)) return null;
    }
    return null;
  }
  // "the army attacked the TTP": the object of an active verb; "was attacked the" does not occur.
  if (lx.roleVerbs.has(prev) && !lx.passiveAuxiliaries.has(tokens[p - 1]?.lower ?? '')) return 'patient';
  return null;
}

function roleAfter(tokens: Token[], last: number, lx: MatchingLexicon, first: number): EventRole | null {
  let k = last + 1;
  // An apposition: "Dovan's former chief of staff, Lukas Meyr, testified" — the name between commas is the subject.
  if (tokens[k]?.text === ',' && tokens[first - 1]?.text === ',') k += 1;
  let gap = 0;
  while (k < tokens.length && gap < MAX_GAP && (lx.roleSubjectHeads.has(tokens[k].lower) || lx.nameGenerics.has(tokens[k].lower)) && !tokens[k].sentenceStart) {
    k += 1;
    gap += 1;
  }
  if (PERFECT.has(tokens[k]?.lower ?? '')) k += 1;
  const t = tokens[k];
  if (!t || t.kind !== 'word') return null;
  // "Halvik was ordered to pay the state", "requires Halvik to compensate the state": the one told
  // to do the deed does it.
  const toDo = (at: number) => tokens[at]?.lower === 'to' && lx.roleBaseForms.has(tokens[at + 1]?.lower ?? '');
  if (toDo(k) || (lx.passiveAuxiliaries.has(t.lower) && CONTROL_VERBS.has(tokens[k + 1]?.lower ?? '') && toDo(k + 2))) return 'agent';
  if (lx.passiveAuxiliaries.has(t.lower)) {
    // "were killed", "was reportedly attacked", "have been seized".
    const next = lx.roleVerbs.has(tokens[k + 1]?.lower ?? '') ? tokens[k + 1] : tokens[k + 2];
    return next && lx.roleVerbs.has(next.lower) && next.index <= k + 2 ? 'patient' : null;
  }
  // After a name only a past is surely its verb: "TTP attacks" and "the Bannu attack" are nouns, and
  // "the Lazarus hacking group" is a name with a modifier.
  if (!lx.rolePastForms.has(t.lower)) return null;
  // "TTP fighters attacked by the army" is a passive without its auxiliary.
  return tokens[k + 1]?.lower === 'by' ? 'patient' : 'agent';
}

/**
 * Each entity id's role where every mention of it that shows one agrees, both readings of one mention
 * agree, and the claim names it once in that role; ids without a plain role are absent.
 */
export function findRoles(tokens: Token[], entities: EntityMention[], lx: MatchingLexicon): Record<string, EventRole> {
  const seen = new Map<string, EventRole | 'mixed'>();
  for (const e of entities) {
    const inside = tokens.filter((t) => t.start >= e.start && t.end <= e.end);
    if (!inside.length) continue;
    const before = roleBefore(tokens, inside[0].index, lx);
    const after = roleAfter(tokens, inside[inside.length - 1].index, lx, inside[0].index);
    const role = before && after && before !== after ? 'mixed' : (before ?? after);
    if (!role) continue;
    const had = seen.get(e.id);
    seen.set(e.id, had && had !== role ? 'mixed' : role);
  }
  const roles: Record<string, EventRole> = {};
  for (const [id, r] of seen) if (r !== 'mixed') roles[id] = r;
  return roles;
}

export type RoleConflict = { kind: 'opposite'; entity: string } | { kind: 'doer'; entity: string; left: string; right: string };

type RoleSide = { roles: Record<string, EventRole>; entityIds: string[] };

/**
 * Two claims whose shared entity is the doer in one and the one done to in the other, or the doer in
 * one while the other names it too but has another entity do it ("Lazarus stole $112m" vs "US
 * officials seized $112m tied to Lazarus"). Null when either side leaves the roles unknown.
 */
export function compareRoles(left: RoleSide, right: RoleSide): RoleConflict | null {
  for (const [id, role] of Object.entries(left.roles)) {
    const other = right.roles[id];
    if (other && other !== role) return { kind: 'opposite', entity: id };
  }
  const agents = (s: RoleSide) => Object.keys(s.roles).filter((id) => s.roles[id] === 'agent');
  const doer = (a: RoleSide, b: RoleSide): { entity: string; other: string } | null => {
    const aAgents = agents(a);
    const bAgents = agents(b);
    for (const id of aAgents) {
      if (!b.entityIds.includes(id) || bAgents.includes(id)) continue;
      const other = bAgents.find((o) => !aAgents.includes(o));
      if (other) return { entity: id, other };
    }
    return null;
  };
  const lr = doer(left, right);
  if (lr) return { kind: 'doer', entity: lr.entity, left: lr.entity, right: lr.other };
  const rl = doer(right, left);
  if (rl) return { kind: 'doer', entity: rl.entity, left: rl.other, right: rl.entity };
  return null;
}
