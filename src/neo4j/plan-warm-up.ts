import { STATEMENT_NAMES, type StatementName } from './cypher-catalogue';
import { DatabaseUnavailable } from '../domain/database-errors';
import type { CypherExecutor } from './executor';

/** The curator's writes: planned where they run, on the leader, not warmed in a READ session. */
const WRITES: ReadonlySet<string> = new Set(['pairing/curation-add', 'pairing/curation-retire']);

/**
 * The reads the service runs for its callers: every entry of the catalogue but the importer's, the
 * schema's and the curator's writes.
 */
export function servedStatements(): StatementName[] {
  return STATEMENT_NAMES.filter((name) => !name.startsWith('import/') && !name.startsWith('schema/') && !WRITES.has(name)).sort();
}

export interface WarmUpReport {
  planned: number;
  failed: Array<{ name: string; error: string }>;
  millis: number;
}

/**
 * Plans each statement once with EXPLAIN, one after another. On a Neo4j that has just started, the
 * first planning of a large statement costs seconds (justifiedBy's deep page on the sample graph:
 * 6.2 s for the first call, 25-60 ms afterwards). EXPLAIN without parameters does not leave the plan
 * a served call (with typed parameters) reuses, but it warms Neo4j's planner: after it, that first
 * call took 1.8 s. A statement that fails to plan is reported, never thrown:
 * the warm-up is an optimisation and the service serves without it. `stopped()` ends it early.
 */
export async function warmQueryPlans(
  executor: CypherExecutor,
  names: readonly StatementName[] = servedStatements(),
  stopped: () => boolean = () => false,
): Promise<WarmUpReport> {
  const began = performance.now();
  const report: WarmUpReport = { planned: 0, failed: [], millis: 0 };
  for (const name of names) {
    if (stopped()) break;
    try {
      await executor.explain(name);
      report.planned += 1;
    } catch (error) {
      report.failed.push({ name, error: error instanceof Error ? error.message : String(error) });
      // Neo4j is gone: the rest would each wait for a connection in vain.
      if (error instanceof DatabaseUnavailable) break;
    }
  }
  report.millis = performance.now() - began;
  return report;
}
