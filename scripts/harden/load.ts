import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { PROJECT_ROOT } from '../../src/config';
import { canonicalCode } from '../../src/common/code-format';
import { readSample } from '../../src/import/sample-source';

/**
 * npm run harden:load: the service (npm start's entry, its own process, the sample graph on the
 * embedded Neo4j) under a fixed request rate from autocannon on loopback for 60 s. The rate is 80% of
 * the lookup throughput in BENCHMARKS.json (queries[name=lookup].contenders.service.rps) when that
 * file exists, else 200 requests/s; --rate overrides. Reports errors (connection errors, timeouts,
 * non-2xx, GraphQL errors) and the server's RSS at start and end.
 */
const DEFAULT_RATE = 200;
const options = new Command()
  .option('--rate <n>', 'requests per second (default: 80% of BENCHMARKS.json lookup rps, else 200)')
  .option('--duration <s>', 'seconds of load', '60')
  .option('--connections <n>', 'concurrent connections', '16')
  .option('--port <port>', 'HTTP port of the service this script starts', process.env.PORT ?? '4200')
  .option('--bolt-port <port>', 'Bolt port of its embedded Neo4j', process.env.NEO4J_BOLT_PORT ?? '7887')
  .option('--neo4j-home <dir>', 'store of its embedded Neo4j', process.env.NEO4J_HOME ?? '.data/neo4j-dev')
  .parse()
  .opts<{ rate?: string; duration: string; connections: string; port: string; boltPort: string; neo4jHome: string }>();

function benchmarkRate(): { rate: number; source: string } {
  const file = path.join(PROJECT_ROOT, 'BENCHMARKS.json');
  if (existsSync(file)) {
    const bench = JSON.parse(readFileSync(file, 'utf8')) as { queries?: Array<{ name: string; contenders?: Record<string, { rps?: number }> }> };
    const rps = bench.queries?.find((q) => q.name === 'lookup')?.contenders?.service?.rps;
    if (typeof rps === 'number' && rps > 0) return { rate: Math.max(1, Math.floor(rps * 0.8)), source: `80% of ${rps} rps (BENCHMARKS.json lookup)` };
  }
  return { rate: DEFAULT_RATE, source: `default ${DEFAULT_RATE} rps (no BENCHMARKS.json lookup figure)` };
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.replace(/\D+/g, '')) / 1024);
}

async function waitForReady(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the service did not become ready at ${url} within ${timeoutMs} ms`);
}

async function main(): Promise<void> {
  const { rate, source } = options.rate ? { rate: Number(options.rate), source: '--rate' } : benchmarkRate();
  const duration = Number(options.duration);
  const logDir = path.join(PROJECT_ROOT, '.data', 'harden');
  mkdirSync(logDir, { recursive: true });
  const log = openSync(path.join(logDir, 'load-server.log'), 'w');
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      PORT: options.port,
      NEO4J_BOLT_PORT: options.boltPort,
      NEO4J_HOME: options.neo4jHome,
      HOST: '127.0.0.1',
      CODESET_ANON_RATE_LIMIT: process.env.CODESET_ANON_RATE_LIMIT ?? '0',
    },
    stdio: ['ignore', log, log],
  });
  const base = `http://127.0.0.1:${options.port}`;
  try {
    await waitForReady(`${base}/health/ready`, 180_000);
    const sample = readSample();
    const codes = sample.codeFiles.flatMap((f) => f.codes.map((c) => canonicalCode(f.release.system, c.code))).slice(0, 40);
    const requests = codes.map((code) => ({
      method: 'POST' as const,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ code(code: "${code}") { code display billable parent { code } } }` }),
    }));
    // Warm up (JIT, Cypher plans, connection pool), then measure.
    await autocannon({ url: base, requests, duration: 5, connections: Number(options.connections), overallRate: rate });
    const rssStart = rssMb(server.pid!);
    const trace: number[] = [rssStart];
    const timer = setInterval(() => trace.push(rssMb(server.pid!)), 10_000);
    let graphqlErrors = 0;
    const result = await autocannon({
      url: base,
      requests,
      duration,
      connections: Number(options.connections),
      overallRate: rate,
      timeout: 10,
      verifyBody: (body) => {
        const ok = body !== undefined && !String(body).includes('"errors"');
        if (!ok) graphqlErrors++;
        return ok;
      },
    });
    clearInterval(timer);
    const rssEnd = rssMb(server.pid!);
    trace.push(rssEnd);
    const report = {
      date: new Date().toISOString(),
      command: `npm run harden:load${options.rate ? ` -- --rate ${rate}` : ''}`,
      rate,
      rateSource: source,
      seconds: duration,
      requests: result.requests.total,
      achievedRps: Math.round(result.requests.average),
      latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors,
      rssMb: { start: rssStart, end: rssEnd, trace },
    };
    console.log(JSON.stringify(report, null, 2));
    if (report.errors + report.timeouts + report.non2xx + report.graphqlErrors > 0) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
