import type { CodeNode } from '../code/code.type';
import { overlap, size, union, type JustifyingSet } from './justifying-set';
import type { JustifyingSources } from './pairing.repository';
import { codeKeyString } from '../../domain/code-key';

export interface ProcedureSet {
  procedure: CodeNode;
  policies: string[];
  set: JustifyingSet;
}

const keyOf = (c: CodeNode) => codeKeyString(c);

/** One justifying set per procedure, from its policies' listings and rules and its curated pairings. */
export function procedureSets(sources: JustifyingSources): ProcedureSet[] {
  const byProcedure = new Map<string, ProcedureSet>();
  const add = (procedure: CodeNode, policy: string | null, set: JustifyingSet) => {
    const current = byProcedure.get(keyOf(procedure));
    if (!current) byProcedure.set(keyOf(procedure), { procedure, policies: policy ? [policy] : [], set });
    else {
      current.set = union(current.set, set);
      if (policy) current.policies.push(policy);
    }
  };
  for (const p of sources.policies) {
    const set: JustifyingSet = { explicit: new Set(p.justifying), excluded: p.listed ? new Set(p.listed) : null };
    for (const procedure of p.procedures) add(procedure, p.policy, set);
  }
  for (const c of sources.curated) add(c.procedure, null, { explicit: new Set(c.codes), excluded: null });
  return [...byProcedure.values()];
}

/** Procedures by how many diagnoses justify them, most first (ties by code). */
export function rankProcedures(sources: JustifyingSources): Array<{ procedure: CodeNode; diagnoses: number; policies: string[] }> {
  return procedureSets(sources)
    .map((p) => ({ procedure: p.procedure, policies: p.policies, diagnoses: size(p.set, sources.universe) }))
    .sort((a, b) => b.diagnoses - a.diagnoses || a.procedure.code.localeCompare(b.procedure.code));
}

/** The other procedures sharing justifying diagnoses with `target`, by Jaccard index (then shared count). */
export function overlappingProcedures(
  sources: JustifyingSources,
  target: CodeNode,
): Array<{ procedure: CodeNode; shared: number; jaccard: number; diagnoses: number }> {
  const sets = procedureSets(sources);
  const mine = sets.find((p) => keyOf(p.procedure) === keyOf(target));
  if (!mine) return [];
  return sets
    .filter((p) => p !== mine)
    .map((p) => ({ procedure: p.procedure, ...overlap(mine.set, p.set, sources.universe), diagnoses: size(p.set, sources.universe) }))
    .filter((p) => p.shared > 0)
    .sort((a, b) => b.jaccard - a.jaccard || b.shared - a.shared || a.procedure.code.localeCompare(b.procedure.code));
}
