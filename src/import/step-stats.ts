import type { StatementName } from '../neo4j/cypher-catalogue';
import type { CypherExecutor, Row } from '../neo4j/executor';

/** What one named step of an import wrote. */
export interface StepStats {
  rows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  otherChanges: number;
  millis: number;
}

/**
 * One idempotent write of an import, its counts added to its step's: what every import repository's
 * summary is built from.
 */
export async function countedWrite(
  executor: CypherExecutor,
  stats: Map<string, StepStats>,
  step: string,
  name: StatementName,
  params: Row,
  rows: number,
): Promise<Row[]> {
  const began = performance.now();
  const result = await executor.writeCounted(name, params);
  const seen = stats.get(step) ?? { rows: 0, nodesCreated: 0, relationshipsCreated: 0, otherChanges: 0, millis: 0 };
  seen.rows += rows;
  seen.nodesCreated += result.counts.nodesCreated;
  seen.relationshipsCreated += result.counts.relationshipsCreated;
  seen.otherChanges += result.counts.otherChanges;
  seen.millis += performance.now() - began;
  stats.set(step, seen);
  return result.rows;
}

/** Everything the steps changed so far (nodes, relationships, properties and labels). */
export function totalChanges(stats: ReadonlyMap<string, StepStats>): number {
  let total = 0;
  for (const s of stats.values()) total += s.nodesCreated + s.relationshipsCreated + s.otherChanges;
  return total;
}
