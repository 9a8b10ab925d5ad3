import type { CypherExecutor } from '../neo4j/executor';
import { runImport, type ImportSummary } from './import-runner';
import { releaseId } from '../common/graph-ids';
import { ImportRepository } from './import.repository';
import { readSample } from './sample-source';

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
  return runImport(executor, sample);
}
