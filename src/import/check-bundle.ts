import { normalizeCode, parseCode } from '../common/code-format';
import type { CodeSystemId } from '../domain/code-system-id';
import type { ImportBundle } from './records';
import { codeKeyString } from '../domain/code-key';

/**
 * Cross-file checks made before anything is written, so a bad bundle never leaves half a graph:
 * every reference (organization, parent category, note target, pairing code) must resolve and
 * every code must fit its system's format. Returns the problems, one line each.
 */
export function checkBundle(bundle: ImportBundle): string[] {
  const problems: string[] = [];
  const orgs = new Set(bundle.organizations.map((o) => o.id));
  const systems = new Set(bundle.systems.map((s) => s.id));
  for (const system of bundle.systems) {
    for (const org of system.maintainedBy)
      if (!orgs.has(org)) problems.push(`code system ${system.id}: maintainedBy names unknown organization ${JSON.stringify(org)}`);
    if (system.adapts && !systems.has(system.adapts)) problems.push(`code system ${system.id}: adapts unknown system ${system.adapts}`);
  }
  const categoryKeys = new Set(bundle.categories.map((c) => codeKeyString(c)));
  for (const category of bundle.categories) {
    if (!systems.has(category.system)) problems.push(`category ${category.code}: unknown system ${category.system}`);
    if (category.parent !== null && !categoryKeys.has(codeKeyString({ system: category.system, code: category.parent }))) {
      problems.push(`category ${category.system} ${category.code}: parent ${JSON.stringify(category.parent)} is not a category of ${category.system}`);
    }
    if ((category.rangeStart === null) !== (category.rangeEnd === null)) {
      problems.push(`category ${category.system} ${category.code}: rangeStart and rangeEnd must both be given or both be null`);
    }
  }
  // Keyed by canonical form, so E119, E11.9 and e11.9 are the same code everywhere in a bundle.
  const codeKeys = new Set<string>();
  const key = (system: CodeSystemId, code: string) => codeKeyString({ system, code: normalizeCode(system, code) ?? code });
  for (const file of bundle.codeFiles) {
    const system = file.release.system;
    if (!systems.has(system)) problems.push(`release ${system} ${file.release.version}: unknown system`);
    for (const record of file.codes) {
      const parsed = parseCode(record.code, system);
      if (!parsed.ok) problems.push(`${system} release ${file.release.version}: ${parsed.message}`);
      else if (codeKeys.has(key(system, record.code))) problems.push(`${system} code ${record.code} is listed twice`);
      codeKeys.add(key(system, record.code));
    }
  }
  for (const note of bundle.notes) {
    const codes = note.fromCategory ? note.targets : [note.from, ...note.targets];
    for (const code of codes) {
      if (!codeKeys.has(key(note.system, code))) problems.push(`${note.kind} note on ${note.from}: ${note.system} code ${code} is not in the bundle`);
    }
    const categories = [...(note.fromCategory ? [note.from] : []), ...(note.targetCategories ?? [])];
    for (const category of categories) {
      if (!categoryKeys.has(codeKeyString({ system: note.system, code: category })))
        problems.push(`${note.kind} note on ${note.from}: ${note.system} category ${category} is not in the bundle`);
    }
  }
  for (const pairing of bundle.pairings) {
    for (const side of [pairing.diagnosis, pairing.procedure]) {
      if (!codeKeys.has(key(side.system, side.code))) {
        problems.push(
          `pairing ${pairing.diagnosis.code} -> ${pairing.procedure.code}: ${side.system} code ${normalizeCode(side.system, side.code) ?? side.code} is not in the bundle`,
        );
      }
    }
  }
  return problems;
}
