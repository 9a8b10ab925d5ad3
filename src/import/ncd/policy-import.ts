import path from 'node:path';
import type { CypherExecutor } from '../../neo4j/executor';
import { summarize, type ImportSummary } from '../import-runner';
import { ImportRepository, type ProgressListener } from '../import.repository';
import { countUnresolved, type Unresolved } from '../official/addenda-record';
import { readNcdPolicies, type NcdPolicies } from './ncd-policies';
import { planPolicies, procedureSystem } from './policy-plan';
import { TabularOrder } from './tabular-order';
import { codeKeyString } from '../../domain/code-key';
import { ncdVersionFromName } from '../official/release-files';

/** The two CSV sides of the lab NCD list, or CMS's spreadsheet given as both (it holds both sides). */
export interface NcdLabFiles {
  procedures: string;
  diagnoses: string;
}

/**
 * Writes already read and checked NCD policies against the codes the graph holds now (so it runs
 * after the code systems are loaded). Idempotent: a second run changes nothing; a run after an
 * interrupted one finishes it (policies stay invisible until complete).
 */
export async function importPolicies(
  executor: CypherExecutor,
  read: NcdPolicies,
  files: NcdLabFiles,
  options: { onProgress?: ProgressListener; origin?: 'official' | 'sample' } = {},
): Promise<ImportSummary> {
  const began = Date.now();
  const repository = new ImportRepository(executor, options.onProgress);
  const before = await repository.graphCounts();
  const sequence = await repository.icd10cmSequence();
  // Codes imported before the sequence was kept fall back to code order.
  const ordered = sequence.some((c) => c.sequence === null)
    ? [...sequence].sort((a, b) => a.code.localeCompare(b.code)).map((c, i) => ({ code: c.code.replace('.', ''), sequence: i + 1 }))
    : sequence.map((c) => ({ code: c.code.replace('.', ''), sequence: c.sequence! }));
  const order = new TabularOrder(ordered);
  const { policies } = read;
  const procedureKeys = new Map<string, { system: string; code: string }>();
  for (const policy of policies) {
    for (const row of policy.procedures) {
      const system = procedureSystem(row.code);
      if (system) procedureKeys.set(codeKeyString({ system, code: row.code }), { system, code: row.code });
    }
  }
  const presence = await repository.codesPresent([...procedureKeys.values()]);
  const unresolved: Unresolved = {};
  countUnresolved(unresolved, 'NCD lab rows repeated exactly (written once)', read.duplicateRows);
  const plan = planPolicies(
    policies,
    order,
    presence,
    {
      publisher: 'CMS',
      version: ncdVersionFromName(files.diagnoses) ?? 'unknown',
      sourceFiles: [...new Set([path.basename(files.procedures), path.basename(files.diagnoses)])],
      origin: options.origin ?? 'official',
    },
    unresolved,
  );
  await repository.writePolicies(plan);
  return summarize(repository, before, began, {}, unresolved);
}

/** Reads, checks and imports an NCD lab list (the CLI's --ncd-lab-* options and the sample use this). */
export async function importPolicyFiles(
  executor: CypherExecutor,
  files: NcdLabFiles,
  options: { onProgress?: ProgressListener; origin?: 'official' | 'sample' } = {},
): Promise<ImportSummary> {
  return importPolicies(executor, await readNcdPolicies(files), files, options);
}
