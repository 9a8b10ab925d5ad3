import type { ApolloServer } from '@apollo/server';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';
import type { ReleaseCache } from '../../src/cache/release-cache';
import { logger } from '../../src/common/logger';
import type { Neo4jTarget, QueryLimits } from '../../src/config';
import type { Caller, Context } from '../../src/context';
import { createContext } from '../../src/request-context';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { CypherExecutor } from '../../src/neo4j/executor';
import { createSchema } from '../../src/schema';
import { createApollo } from '../../src/server';

export interface Harness {
  driver: Driver;
  executor: CypherExecutor;
  apollo: ApolloServer<Context>;
  /** Cypher statements run by the last `run` call, by name, in order. */
  roundTrips: string[];
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the shape of data it expects
  run: <T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ) => Promise<{ data?: T; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }>;
  /** extensions.roundTrips of the last `run` (the server's own count, from the debug extension). */
  lastRoundTrips: () => { count: number; databaseMillis: number; statements: Record<string, number> } | undefined;
  close: () => Promise<void>;
}

/** A real Apollo server over the test Neo4j; `run` executes one operation with fresh loaders (and the given answer cache, if any). */
export async function createHarness(
  target: Neo4jTarget = inject('neo4jTarget'),
  options: { queryTimeoutMs?: number; limits?: QueryLimits; cache?: ReleaseCache } = {},
): Promise<Harness> {
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), options.queryTimeoutMs ?? 30_000);
  const apollo = createApollo(await createSchema(), logger.child({ test: true }, { level: 'silent' }), { debugExtensions: true, limits: options.limits });
  await apollo.start();
  const roundTrips: string[] = [];
  let lastExtensions: Record<string, unknown> | undefined;
  return {
    driver,
    executor,
    apollo,
    roundTrips,
    run: async (query, variables, caller) => {
      roundTrips.length = 0;
      const counted = executor.withListener((name) => roundTrips.push(name));
      const response = await apollo.executeOperation({ query, variables }, { contextValue: createContext(counted, caller, options.cache ?? null) });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { extensions, ...result } = response.body.singleResult;
      lastExtensions = extensions;
      return result as never;
    },
    lastRoundTrips: () => lastExtensions?.roundTrips as never,
    close: async () => {
      await apollo.stop();
      await driver.close();
    },
  };
}
