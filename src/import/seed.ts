import type { CypherExecutor } from '../neo4j/executor';
import { mergeSummaries, runImport, type ImportSummary } from './import-runner';
import type { ProgressListener } from './import.repository';
import { importPolicyFiles } from './ncd/policy-import';
import { findReleaseFiles } from './official/release-files';
import { releaseId } from '../common/graph-ids';
import { ImportRepository } from './import.repository';
import { readSample, SAMPLE_DIR } from './sample-source';

/**
 * Loads the bundled sample when the graph holds no release yet, or when an earlier load of it was
 * interrupted (one of its releases exists but is not complete): the import is idempotent, so running
 * it again finishes the job. Returns null when it did nothing.
 */
export async function loadSampleIfNeeded(executor: CypherExecutor): Promise<ImportSummary | null> {
  const repository = new ImportRepository(executor);
  const sample = readSample();
  const ids = sample.codeFiles.map((f) => releaseId(f.release.system, f.release.version));
  const statuses = await repository.releaseStatuses(ids);
  const interrupted = [...statuses.values()].some((status) => status !== 'complete');
  if (!interrupted && !(await repository.hasNoRelease())) return null;
  return runSampleImport(executor);
}

/**
 * The sample's code sets, then its NCD lab excerpt (ncd-lab/ beside the JSON files, in the official
 * CSV layout) through the same policy importer as the official list.
 */
export async function runSampleImport(
  executor: CypherExecutor,
  dir: string = SAMPLE_DIR,
  options: { onProgress?: ProgressListener } = {},
): Promise<ImportSummary> {
  const codes = await runImport(executor, readSample(dir), options);
  const ncd = findReleaseFiles(dir).files;
  if (!ncd.ncdLabProcedures || !ncd.ncdLabDiagnoses) return codes;
  // The excerpt names real NCDs: over a full list it would cut those policies down to its rows.
  if ((await new ImportRepository(executor).policyOrigins()).some((origin) => origin !== 'sample')) {
    return { ...codes, unresolved: { ...codes.unresolved, 'sample NCD excerpt not loaded: the graph holds the official list': 1 } };
  }
  const policies = await importPolicyFiles(executor, { procedures: ncd.ncdLabProcedures, diagnoses: ncd.ncdLabDiagnoses }, { ...options, origin: 'sample' });
  return mergeSummaries([codes, policies]);
}
