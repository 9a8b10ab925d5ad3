import { spawn } from 'node:child_process';
import path from 'node:path';
import { Command } from 'commander';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../../src/config';
import { applySchema } from '../../src/neo4j/migrate';
import { startIsolatedNeo4j, type IsolatedNeo4j } from '../../test/support/isolated-neo4j';

/**
 * npm run harden:import-kill -- --runs 5: imports the official files (../shared/data) cleanly once,
 * then, --runs times, into an emptied store: starts the importer, kills it with SIGKILL after a
 * random delay, runs it again to the end, and compares the graph with the clean one: the same count
 * of nodes per label set and relationships per type, and no duplicate code, category, release or
 * policy, nor two identical relationships between the same two nodes.
 */
const options = new Command()
  .option('--runs <n>', 'interrupted imports', '5')
  .option('--dir <folder>', 'the official files', path.join(PROJECT_ROOT, '..', 'shared', 'data'))
  .option('--sample', 'use the bundled sample instead of the official files (seconds, not minutes)')
  .option('--seed <n>', 'seed of the random kill points', String(Date.now() % 100_000))
  .option('--bolt-port <port>', 'Bolt port of the Neo4j this script starts', process.env.HARDEN_BOLT_PORT ?? '7695')
  .parse()
  .opts<{ runs: string; dir: string; sample?: boolean; seed: string; boltPort: string }>();

/** A small deterministic generator (mulberry32), so a failing run can be replayed with --seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Fingerprint {
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  duplicateNodes: number;
  duplicateRelationships: number;
}

async function rows(driver: Driver, cypher: string): Promise<Array<Record<string, unknown>>> {
  const result = await driver.executeQuery(cypher, {}, { database: 'neo4j' });
  return result.records.map((r) => r.toObject());
}

async function fingerprint(driver: Driver): Promise<Fingerprint> {
  const byLabels = await rows(driver, "MATCH (n) WITH reduce(s = '', l IN labels(n) | s + ':' + l) AS labels RETURN labels, count(*) AS n ORDER BY labels");
  const byType = await rows(driver, 'MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type');
  const [dupNodes] = await rows(
    driver,
    `CALL () { MATCH (c:Code) WITH c.system AS s, c.code AS k, count(*) AS n WHERE n > 1 RETURN count(*) AS d
               UNION ALL MATCH (c:Category) WITH c.id AS k, count(*) AS n WHERE n > 1 RETURN count(*) AS d
               UNION ALL MATCH (r:Release) WITH r.id AS k, count(*) AS n WHERE n > 1 RETURN count(*) AS d
               UNION ALL MATCH (p:Policy) WITH p.id AS k, count(*) AS n WHERE n > 1 RETURN count(*) AS d }
     RETURN sum(d) AS d`,
  );
  const [dupRels] = await rows(
    driver,
    'MATCH (a)-[r]->(b) WITH elementId(a) AS a, elementId(b) AS b, type(r) AS t, properties(r) AS p, count(*) AS n WHERE n > 1 RETURN count(*) AS d',
  );
  return {
    nodes: Object.fromEntries(byLabels.map((r) => [String(r.labels), Number(r.n)])),
    relationships: Object.fromEntries(byType.map((r) => [String(r.type), Number(r.n)])),
    duplicateNodes: Number(dupNodes?.d ?? 0),
    duplicateRelationships: Number(dupRels?.d ?? 0),
  };
}

function importArgs(): string[] {
  return ['--import', 'tsx', 'scripts/import.ts', ...(options.sample ? ['--sample'] : ['--dir', options.dir])];
}

/** Runs the importer as its own process; kills it with SIGKILL after `killAfterMs` when given. */
function runImporter(neo: IsolatedNeo4j, killAfterMs?: number): Promise<{ millis: number; killed: boolean; output: string }> {
  const began = Date.now();
  const child = spawn(process.execPath, importArgs(), {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: neo.target.uri, NEO4J_DATABASE: neo.target.database, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = killAfterMs === undefined ? null : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal === 'SIGKILL') resolve({ millis: Date.now() - began, killed: true, output });
      else if (code === 0) resolve({ millis: Date.now() - began, killed: false, output });
      else reject(new Error(`the importer failed (exit ${code}):\n${output.slice(-3000)}`));
    });
  });
}

async function freshStore(previous: IsolatedNeo4j | null): Promise<IsolatedNeo4j> {
  if (previous) await previous.close();
  const neo = await startIsolatedNeo4j({
    connectTimeoutMs: 10_000,
    queryTimeoutMs: 600_000,
    home: path.join(PROJECT_ROOT, '.data', 'neo4j-harden-import'),
    boltPort: Number(options.boltPort),
  });
  await applySchema(neo.executor);
  return neo;
}

async function main(): Promise<void> {
  const runs = Number(options.runs);
  const next = random(Number(options.seed));
  let neo = await freshStore(null);
  try {
    const clean = await runImporter(neo);
    const reference = await fingerprint(neo.driver);
    console.log(
      `clean import: ${(clean.millis / 1000).toFixed(1)} s, ${Object.values(reference.nodes).reduce((a, b) => a + b, 0)} nodes, ${Object.values(reference.relationships).reduce((a, b) => a + b, 0)} relationships, duplicates ${reference.duplicateNodes}/${reference.duplicateRelationships}`,
    );
    const results: Array<{ run: number; killAfterMs: number; killed: boolean; rerunSeconds: number; identical: boolean; duplicates: number }> = [];
    // How long an import from empty takes now (the machine's load changes): the latest full run.
    let fullMs = clean.millis;
    for (let run = 1, attempts = 0; run <= runs && attempts < runs * 3; attempts++) {
      neo = await freshStore(neo);
      // Anywhere from start-up to just before the end of an import from empty.
      const killAfterMs = Math.round(500 + next() * Math.max(1_000, fullMs * 0.9 - 500));
      const partial = await runImporter(neo, killAfterMs);
      if (!partial.killed) {
        fullMs = partial.millis;
        console.log(`(the import finished in ${(partial.millis / 1000).toFixed(1)} s, before the kill at ${(killAfterMs / 1000).toFixed(1)} s: drawn again)`);
        continue;
      }
      const rerun = await runImporter(neo);
      const after = await fingerprint(neo.driver);
      const identical = JSON.stringify(after) === JSON.stringify(reference);
      results.push({
        run,
        killAfterMs,
        killed: partial.killed,
        rerunSeconds: Math.round(rerun.millis / 100) / 10,
        identical,
        duplicates: after.duplicateNodes + after.duplicateRelationships,
      });
      console.log(
        `run ${run}: SIGKILL after ${(killAfterMs / 1000).toFixed(1)} s, rerun ${(rerun.millis / 1000).toFixed(1)} s, ${identical ? 'identical to the clean import' : `DIFFERS: ${JSON.stringify(after)}`}`,
      );
      run++;
    }
    const summary = {
      date: new Date().toISOString(),
      command: `npm run harden:import-kill -- --runs ${runs} --seed ${options.seed}${options.sample ? ' --sample' : ''}`,
      data: options.sample ? 'bundled sample' : options.dir,
      cleanImportSeconds: Math.round(clean.millis / 100) / 10,
      reference,
      runs: results,
      killed: results.filter((r) => r.killed).length,
      converged: results.filter((r) => r.identical).length,
    };
    console.log(JSON.stringify(summary, null, 2));
    if (summary.killed !== runs || summary.converged !== runs || results.some((r) => r.duplicates > 0)) process.exitCode = 1;
  } finally {
    await neo.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
