import type { CypherExecutor } from '../neo4j/executor';
import { runImport, type ImportSummary } from './import-runner';
import { readSample } from './sample-source';

/** Loads the bundled sample when the graph holds no code system yet. Returns null when it did nothing. */
export async function loadSampleIfEmpty(executor: CypherExecutor): Promise<ImportSummary | null> {
  const [row] = await executor.read('import/is-empty');
  if (row?.empty !== true) return null;
  return runImport(executor, readSample());
}
