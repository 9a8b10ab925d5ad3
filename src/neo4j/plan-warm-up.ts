import { STATEMENT_NAMES, type StatementName } from './cypher-catalogue';
import type { CypherExecutor } from './executor';

/**
 * The statements the service runs for its callers: every entry of the catalogue but the importer's
 * and the schema's.
 */
export function servedStatements(): StatementName[] {
  return STATEMENT_NAMES.filter((name) => !name.startsWith('import/') && !name.startsWith('schema/')).sort();
}

export interface WarmUpReport {
  planned: number;
  failed: Array<{ name: string; error: string }>;
  millis: number;
}

/**
 * Plans each statement once with EXPLAIN, one after another. On a Neo4j that has just started, the
 * first planning of a large statement costs seconds (justifiedBy's, measured on the sample graph:
 * 4.7 s for the first call, 25-60 ms afterwards): without this, the first caller of each field pays
 * it, and holds a Neo4j core meanwhile. A statement that fails to plan is reported, never thrown:
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
    }
  }
  report.millis = performance.now() - began;
  return report;
}
