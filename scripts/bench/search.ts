/**
 * npm run bench:search [-- --dir ../shared/data --bolt-port 7696 --reuse]
 *
 * Search recall and latency on the full official data (issue 17). Loads the official files into a
 * benchmark Neo4j of its own (.data/neo4j-search-bench; the same import path as bench:import),
 * unless --reuse finds it loaded; then runs every query of data/search/recall-queries.tsv through
 * the service's search path (planner, Cypher, ranking; no answer cache) one at a time on one
 * connection, first 10 results. Prints hit@1, hit@5, hit@10, MRR, latency p50/p99 and the misses;
 * writes .data/bench/search.json. Goals: hit@10 >= 0.95, hit@1 >= 0.7, p50 < 10 ms.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import Table from 'cli-table3';
import { machineDescription, runBench, writeBenchResult } from './report';
import { percentile, readRecallQueries, recallFigures, firstAcceptedRank } from './search-recall';
import { PROJECT_ROOT, embeddedTarget } from '../../src/config';
import { runOfficialImport } from '../../src/import/official/official-import';
import { findReleaseFiles } from '../../src/import/official/release-files';
import { CypherLibrary } from '../../src/neo4j/cypher-library';
import { createDriver } from '../../src/neo4j/driver';
import { runningPid, startEmbeddedNeo4j, stopEmbeddedNeo4j } from '../../src/neo4j/embedded';
import { CypherExecutor } from '../../src/neo4j/executor';
import { applySchema } from '../../src/neo4j/migrate';
import { planSearch } from '../../src/modules/search/search-query';
import { SearchRepository } from '../../src/modules/search/search.repository';

const options = new Command()
  .option('--dir <folder>', 'folder with the official files', process.env.CODESET_DATA_DIR ?? path.resolve(PROJECT_ROOT, '..', 'shared', 'data'))
  .option('--bolt-port <port>', 'Bolt port of the benchmark Neo4j', '7696')
  .option('--reuse', 'keep the benchmark store when it already holds the official releases (skips the import)')
  .option('--rounds <n>', 'timed rounds over the query set (after one warm-up round)', '3')
  .option('--keep-running', 'leave the benchmark Neo4j running afterwards')
  .parse()
  .opts<{ dir: string; boltPort: string; reuse?: boolean; rounds: string; keepRunning?: boolean }>();

const GOALS = { hitAt10: 0.95, hitAt1: 0.7, p50Ms: 10 };

async function main(): Promise<void> {
  const home = path.join(PROJECT_ROOT, '.data', 'neo4j-search-bench');
  const instance = { home, boltPort: Number(options.boltPort) };
  const queries = readRecallQueries();
  if (!options.reuse) {
    if (runningPid(home) !== null) await stopEmbeddedNeo4j(home);
    if (existsSync(home)) rmSync(home, { recursive: true, force: true });
  }
  await startEmbeddedNeo4j(instance, { log: (line) => console.log(line) });
  const target = embeddedTarget(instance);
  // Searches run one after another, so the driver uses one connection.
  const driver = createDriver(target, { connectTimeoutMs: 10_000 });
  try {
    const executor = new CypherExecutor(driver, target.database, new CypherLibrary(), 600_000);
    await applySchema(executor);
    const [state] = await executor.read('import/graph-counts');
    const loaded = Number(state?.nodes ?? 0) > 100_000;
    let importSeconds: number | null = null;
    if (!loaded) {
      const { files } = findReleaseFiles(options.dir);
      console.log(
        `importing ${Object.values(files)
          .map((f) => path.basename(f))
          .join(', ')}`,
      );
      const began = performance.now();
      await runOfficialImport(executor, files);
      importSeconds = Number(((performance.now() - began) / 1000).toFixed(1));
      console.log(`imported in ${importSeconds} s`);
    }
    const repository = new SearchRepository(executor, null);
    const run = async (text: string) => {
      const plan = planSearch(text);
      const began = performance.now();
      const page = await repository.search(plan, { systems: null, billableOnly: false, skip: 0, limit: 10, licensed: false });
      return { ms: performance.now() - began, page };
    };
    for (const q of queries) await run(q.query); // warm-up: JIT, page cache, query plans
    const latencies: number[] = [];
    const results = [];
    for (let round = 0; round < Number(options.rounds); round++) {
      for (const q of queries) {
        const { ms, page } = await run(q.query);
        latencies.push(ms);
        if (round === 0) {
          const codes = page.hits.map((h) => h.node.code);
          results.push({
            ...q,
            rank: firstAcceptedRank(q.accepted, codes),
            top: page.hits.slice(0, 3).map((h) => `${h.node.code} ${(h.node.display ?? '').slice(0, 50)}`),
          });
        }
      }
    }
    const figures = recallFigures(results.map((r) => r.rank));
    const byKind = new Map<string, Array<number | null>>();
    for (const r of results) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r.rank]);
    const latency = { p50Ms: Number(percentile(latencies, 50).toFixed(2)), p99Ms: Number(percentile(latencies, 99).toFixed(2)), samples: latencies.length };
    const result = {
      date: new Date().toISOString(),
      machine: machineDescription(),
      ...figures,
      latency,
      importSeconds,
      byKind: Object.fromEntries([...byKind].map(([kind, ranks]) => [kind, recallFigures(ranks)])),
      goals: GOALS,
      misses: results.filter((r) => r.rank === null || r.rank > 10).map((r) => ({ query: r.query, accepted: r.accepted.join(' '), top: r.top })),
      notFirst: results.filter((r) => r.rank !== null && r.rank > 1 && r.rank <= 10).map((r) => ({ query: r.query, rank: r.rank, top: r.top })),
    };
    const table = new Table({ head: ['measure', 'value', 'goal'], style: { head: [], border: [] } });
    table.push(
      ['queries', figures.queries, ''],
      ['hit@1', figures.hitAt1, `>= ${GOALS.hitAt1}`],
      ['hit@5', figures.hitAt5, ''],
      ['hit@10', figures.hitAt10, `>= ${GOALS.hitAt10}`],
      ['MRR', figures.mrr, ''],
      ['latency p50 (uncached, 1 connection)', `${latency.p50Ms} ms`, `< ${GOALS.p50Ms} ms`],
      ['latency p99', `${latency.p99Ms} ms`, ''],
    );
    const kinds = new Table({ head: ['kind', 'queries', 'hit@1', 'hit@5', 'hit@10', 'MRR'], style: { head: [], border: [] } });
    for (const [kind, f] of Object.entries(result.byKind)) kinds.push([kind, f.queries, f.hitAt1, f.hitAt5, f.hitAt10, f.mrr]);
    console.log(table.toString());
    console.log(kinds.toString());
    for (const m of result.misses) console.log(`miss: ${JSON.stringify(m.query)} (accepts ${m.accepted}); top: ${m.top.join(' | ')}`);
    console.log(`${result.machine}; ${latency.samples} timed searches; written to ${writeBenchResult('search', result)}`);
  } finally {
    await driver.close();
    if (!options.keepRunning) await stopEmbeddedNeo4j(home);
  }
}

runBench(main);
