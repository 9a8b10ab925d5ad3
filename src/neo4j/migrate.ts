import type { CypherExecutor } from './executor';

/** Applies cypher/schema/constraints.cypher; every statement is IF NOT EXISTS, so this is idempotent. */
export async function applySchema(executor: CypherExecutor): Promise<number> {
  return executor.runSchema('schema/constraints');
}
