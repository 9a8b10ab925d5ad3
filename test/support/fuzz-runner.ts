import type { ApolloServer } from '@apollo/server';
import type { Driver } from 'neo4j-driver';
import type { Caller, Context } from '../../src/context';
import { createContext } from '../../src/request-context';
import type { CypherExecutor } from '../../src/neo4j/executor';
import type { HostileInput } from './hostile-inputs';

export interface FuzzReport {
  tried: number;
  /** How many answers carried each error code (an answer may carry several); OK counts clean answers. */
  codes: Record<string, number>;
  /** Inputs answered with INTERNAL_SERVER_ERROR or an error without a code, first few kept. */
  internal: Array<{ kind: string; query: string; message: string }>;
  /** Inputs whose execution threw instead of answering. */
  crashes: Array<{ kind: string; message: string }>;
  /** Answers to non-licensed callers that contained the given secret text. */
  leaks: number;
  millis: number;
  /** The slowest inputs (kind, start of the document, milliseconds). */
  slowest: Array<{ kind: string; query: string; variables: string; ms: number }>;
}

const CALLERS: Record<HostileInput['credential'], Caller> = {
  none: { credential: 'none' },
  invalid: { credential: 'invalid' },
  reader: { credential: 'valid', name: 'fuzz-reader', role: 'reader', licensed: false },
};

/** Runs every input through Apollo (parse, validation, limits, resolvers, the real Neo4j), `concurrency` at a time. */
export async function runFuzz(
  apollo: ApolloServer<Context>,
  executor: CypherExecutor,
  inputs: HostileInput[],
  options: { concurrency?: number; secret?: string } = {},
): Promise<FuzzReport> {
  const report: FuzzReport = { tried: 0, codes: {}, internal: [], crashes: [], leaks: 0, millis: 0, slowest: [] };
  const began = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++];
      report.tried++;
      const started = performance.now();
      try {
        const response = await apollo.executeOperation(
          { query: input.query, variables: input.variables },
          { contextValue: createContext(executor, CALLERS[input.credential]) },
        );
        if (response.body.kind !== 'single') throw new Error('expected a single result');
        const result = response.body.singleResult;
        if (options.secret && JSON.stringify(result).includes(options.secret)) report.leaks++;
        const errors = result.errors ?? [];
        if (errors.length === 0) report.codes.OK = (report.codes.OK ?? 0) + 1;
        for (const error of errors) {
          const code = typeof error.extensions?.code === 'string' ? error.extensions.code : 'NO_CODE';
          report.codes[code] = (report.codes[code] ?? 0) + 1;
          if ((code === 'INTERNAL_SERVER_ERROR' || code === 'NO_CODE') && report.internal.length < 20) {
            report.internal.push({ kind: input.kind, query: input.query.slice(0, 300), message: error.message });
          }
        }
      } catch (error) {
        report.crashes.push({ kind: input.kind, message: error instanceof Error ? error.message : String(error) });
      }
      const ms = Math.round(performance.now() - started);
      if (report.slowest.length < 5 || ms > report.slowest[report.slowest.length - 1].ms) {
        report.slowest.push({ kind: input.kind, query: input.query.slice(0, 160), variables: JSON.stringify(input.variables ?? {}).slice(0, 160), ms });
        report.slowest.sort((a, b) => b.ms - a.ms);
        report.slowest.length = Math.min(report.slowest.length, 5);
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  report.millis = performance.now() - began;
  return report;
}

/** Nodes and relationships in the whole graph (read straight from the driver). */
export async function graphCounts(driver: Driver, database = 'neo4j'): Promise<{ nodes: number; relationships: number }> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN count(n) AS n', {}, { database });
  const relationships = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS n', {}, { database });
  return { nodes: Number(nodes.records[0].get('n')), relationships: Number(relationships.records[0].get('n')) };
}
