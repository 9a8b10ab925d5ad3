/**
 * npm run bench:pairings [-- --dir ../shared/data --calls 300]
 *
 * Latency of the pairing questions over HTTP on loopback, against the full official data in the
 * benchmark Neo4j (.data/neo4j-bench; imported first, which changes nothing when it is already
 * there): justifiedBy(first: 50) over the 60 NCD procedure codes in turn, and validateClaim with
 * 10 lines, interleaved one after the other, one request at a time, after a warm-up. Prints median,
 * p90 and p99 per query and writes .data/bench/pairings.json.
 */
import path from 'node:path';
import { Command } from 'commander';
import Table from 'cli-table3';
import { machineDescription, runBench, writeBenchResult } from './report';
import { logger } from '../../src/common/logger';
import { PROJECT_ROOT } from '../../src/config';
import { openBenchStore } from './bench-store';
import { createSchema } from '../../src/schema';
import { startService } from '../../src/server';

const options = new Command()
  .option('--dir <folder>', 'folder with the official files', process.env.CODESET_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data'))
  .option('--port <port>', 'Bolt port of the benchmark Neo4j', '7697')
  .option('--calls <n>', 'measured calls per query', '300')
  .option('--warmup <n>', 'unmeasured calls per query first', '30')
  .parse()
  .opts<{ dir: string; port: string; calls: string; warmup: string }>();

const JUSTIFIED_BY = `query($code: String!) { code(code: $code) { ... on Procedure { justifiedBy(first: 50, asOf: "2026-03-15") {
  totalCount edges { cursor node { id diagnosis { code display } status listedAs matchedVia effectiveFrom effectiveTo policy { key title } } } } } } }`;
const VALIDATE = `query($claim: ClaimInput!) { validateClaim(claim: $claim) { outcome summary findings { code message evidence { kind detail } }
  lines { line outcome summary findings { code severity message evidence { kind policyId listedAs detail } } } } }`;
/** A claim of 10 lines over real codes: covered, denied, default-rule, unknown, header and Excludes1 cases. */
const CLAIM = {
  dateOfService: '2026-03-15',
  diagnoses: ['E11.9', 'Z00.00', 'E78.5', 'I10', 'N39.0', 'D64.9', 'E10.9', 'R73.03', 'E03.9', 'E11'],
  lines: [
    { procedure: '83036', diagnosisPointers: [1] },
    { procedure: '80061', diagnosisPointers: [2] },
    { procedure: '80061', diagnosisPointers: [3, 4] },
    { procedure: '87086', diagnosisPointers: [5] },
    { procedure: '85025', diagnosisPointers: [6] },
    { procedure: '82947', diagnosisPointers: [7, 8] },
    { procedure: '84443', diagnosisPointers: [9] },
    { procedure: '82728', diagnosisPointers: [6, 10] },
    { procedure: 'J1100', diagnosisPointers: [1] },
    { procedure: '85610', diagnosisPointers: [] },
  ],
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(millis: number[]) {
  const sorted = [...millis].sort((a, b) => a - b);
  const round = (n: number) => Number(n.toFixed(1));
  return {
    calls: sorted.length,
    medianMs: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted[sorted.length - 1]),
  };
}

async function main(): Promise<void> {
  const store = await openBenchStore(options.dir, Number(options.port));
  const { driver, executor } = store;
  try {
    const service = await startService(
      { schema: await createSchema(), executor, logger: logger.child({}, { level: 'silent' }), databaseReady: async () => true },
      '127.0.0.1',
      0,
    );
    try {
      const governed = (
        await driver.executeQuery('MATCH (p:Policy)-[:GOVERNS]->(c:Code) RETURN c.code AS code, p.defaultStatus AS rule ORDER BY c.code')
      ).records.map((r) => r.toObject() as { code: string; rule: string });
      const procedures = governed.map((g) => g.code);
      // justifiedBy lists COVERED by default: a covering default rule (NCD 190.15) pairs tens of thousands of codes.
      const coveringRule = new Set(governed.filter((g) => g.rule === 'COVERED').map((g) => g.code));
      const call = async (query: string, variables: Record<string, unknown>) => {
        const began = performance.now();
        const response = await fetch(service.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        const millis = performance.now() - began;
        if (body.errors) throw new Error(`query failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
        return millis;
      };
      const times = { justifiedBy: [] as number[], validateClaim: [] as number[], byRule: [] as number[], byListing: [] as number[] };
      const calls = Number(options.calls);
      const warmup = Number(options.warmup);
      for (let i = 0; i < warmup + calls; i++) {
        const procedure = procedures[i % procedures.length];
        const a = await call(JUSTIFIED_BY, { code: procedure });
        const b = await call(VALIDATE, { claim: CLAIM });
        if (i >= warmup) {
          times.justifiedBy.push(a);
          (coveringRule.has(procedure) ? times.byRule : times.byListing).push(a);
          times.validateClaim.push(b);
        }
      }
      const result = {
        date: new Date().toISOString(),
        machine: machineDescription(),
        method: `HTTP POST on loopback, one request at a time, the two queries interleaved, ${warmup} warm-up calls each first`,
        justifiedBy: {
          query: 'justifiedBy(first: 50) over the policy-governed procedure codes in turn',
          procedures: procedures.length,
          ...summary(times.justifiedBy),
        },
        validateClaim: { query: 'validateClaim with 10 lines and 10 diagnoses', ...summary(times.validateClaim) },
        justifiedByListed: { query: '  of which procedures whose pairings are listed', ...summary(times.byListing) },
        justifiedByDefaultRule: { query: '  of which procedures a covering default rule governs (190.15)', ...summary(times.byRule) },
      };
      const table = new Table({ head: ['query', 'calls', 'median ms', 'p90 ms', 'p99 ms', 'max ms'], style: { head: [], border: [] } });
      for (const name of ['justifiedBy', 'justifiedByListed', 'justifiedByDefaultRule', 'validateClaim'] as const) {
        const r = result[name];
        table.push([r.query, r.calls, r.medianMs, r.p90Ms, r.p99Ms, r.maxMs]);
      }
      console.log(`${table.toString()}\n${result.machine}; ${result.method}`);
      writeBenchResult('pairings', result);
    } finally {
      await service.stop();
    }
  } finally {
    await store.close();
  }
}

runBench(main);
