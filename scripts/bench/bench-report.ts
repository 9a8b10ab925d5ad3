import type { ContenderId } from './mix';

export interface ContenderFigures {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
  meanResponseBytes: number;
}

export interface QueryReport {
  name: string;
  title: string;
  samples: number;
  generatedNote: string;
  contenders: Record<ContenderId, ContenderFigures>;
}

export interface BenchReport {
  date: string;
  commit: string;
  machine: string;
  settings: { connections: number; slotSeconds: number; rounds: number; warmupSeconds: number };
  rssMb: Record<ContenderId, { start: number; peak: number; end: number }>;
  queries: QueryReport[];
}

/** The targets, each checked against one run. */
export const TARGETS = {
  throughputOverGenerated: 2,
  p99OverGenerated: 0.5,
  p50OverFloor: 1.5,
  p50OverFloorQueries: ['lookup', 'justifiedBy'],
  serviceRssMb: 300,
  /** Issue 15: validateClaim with every edit family, p50 over plain validateClaim's, same contender, same run. */
  claimEditsOverPlain: 1.5,
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : Number.NaN);
const fixed = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

export interface TargetCheck {
  target: string;
  /** The figure for the service as shipped (a), and without its cache (a0). */
  reached: string;
  reachedUncached: string;
  met: boolean;
  metUncached: boolean;
}

export function checkTargets(report: BenchReport): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const plain = report.queries.find((q) => q.name === 'validateClaim');
  for (const q of report.queries) {
    const { service: a, uncached: a0, generated: b, floor: c } = q.contenders;
    if (q.name === 'validateClaimEdits') {
      // The service's alone: measured against its own validateClaim, not against (b) or (c).
      if (plain) {
        const of = (id: 'service' | 'uncached') => ratio(q.contenders[id].p50Ms, plain.contenders[id].p50Ms);
        checks.push({
          target: `${q.name}: p50 over validateClaim's ≤ ${TARGETS.claimEditsOverPlain}`,
          reached: fixed(of('service')),
          reachedUncached: fixed(of('uncached')),
          met: of('service') <= TARGETS.claimEditsOverPlain,
          metUncached: of('uncached') <= TARGETS.claimEditsOverPlain,
        });
      }
      continue;
    }
    const add = (target: string, of: (x: ContenderFigures) => number, ok: (value: number) => boolean) => {
      const [value, value0] = [of(a), of(a0)];
      checks.push({ target: `${q.name}: ${target}`, reached: fixed(value), reachedUncached: fixed(value0), met: ok(value), metUncached: ok(value0) });
    };
    add(
      `throughput a/b ≥ ${TARGETS.throughputOverGenerated}`,
      (x) => ratio(x.rps, b.rps),
      (v) => v >= TARGETS.throughputOverGenerated,
    );
    add(
      `p99 a/b ≤ ${TARGETS.p99OverGenerated}`,
      (x) => ratio(x.p99Ms, b.p99Ms),
      (v) => v <= TARGETS.p99OverGenerated,
    );
    if (TARGETS.p50OverFloorQueries.includes(q.name))
      add(
        `p50 a/c ≤ ${TARGETS.p50OverFloor}`,
        (x) => ratio(x.p50Ms, c.p50Ms),
        (v) => v <= TARGETS.p50OverFloor,
      );
  }
  const { service, uncached } = report.rssMb;
  checks.push({
    target: `service RSS under load < ${TARGETS.serviceRssMb} MB`,
    reached: `${service.peak} MB peak`,
    reachedUncached: `${uncached.peak} MB peak`,
    met: service.peak < TARGETS.serviceRssMb,
    metUncached: uncached.peak < TARGETS.serviceRssMb,
  });
  return checks;
}

/** BENCHMARKS.md: the table with the ratios, the targets, the method and what (b) can and cannot say. */
export function renderMarkdown(report: BenchReport): string {
  const s = report.settings;
  const lines: string[] = [];
  lines.push('# Benchmarks', '');
  lines.push('Written by `npm run bench` (scripts/bench/bench.ts); rerun it to reproduce. Do not edit by hand.', '');
  lines.push(`Run: ${report.date}, commit ${report.commit}, ${report.machine}.`, '');
  lines.push(
    'Contenders, side by side over the same Neo4j 5.26 (embedded, full official data), each its own Node process on loopback:',
    '- **a**: this service as shipped (`node dist/src/index.js`, NODE_ENV=production): repeated questions are answered from its bounded answer cache;',
    '- **a0**: the same service with `CODESET_CACHE_MB=0`: every answer comes from Neo4j, which is what a cache miss costs;',
    '- **b**: [@neo4j/graphql](https://www.npmjs.com/package/@neo4j/graphql) 7 with type definitions that mirror the graph (scripts/bench/contenders/generated-api.graphql), on the same Apollo Server and Express;',
    "- **c**: the floor, the service's own Cypher through neo4j-driver from a bare `node:http` handler (scripts/bench/contenders/floor.ts), no cache.",
    '',
    `Load: [autocannon](https://www.npmjs.com/package/autocannon), ${s.connections} connections, slots of ${s.slotSeconds} s, ${s.rounds} measured slots per contender and query, contenders interleaved (the order rotates each round), after one pass over every sample and a ${s.warmupSeconds} s warm-up slot each. Each connection cycles through the query's samples, so after the first pass every answer (a) gives is a cache hit. Latency percentiles are over every response of the measured slots; req/s is responses per second of slot time.`,
    '',
  );
  lines.push(
    '| query | samples | a req/s | a0 req/s | b req/s | c req/s | **a/b req/s** | **a0/b req/s** | a p50 ms | a0 p50 ms | b p50 ms | c p50 ms | **a/c p50** | **a0/c p50** | a p99 ms | a0 p99 ms | b p99 ms | **a/b p99** | **a0/b p99** |',
  );
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const q of report.queries) {
    const { service: a, uncached: a0, generated: b, floor: c } = q.contenders;
    lines.push(
      `| ${q.title} | ${q.samples} | ${a.rps} | ${a0.rps} | ${b.rps} | ${c.rps} | **${fixed(ratio(a.rps, b.rps))}** | **${fixed(ratio(a0.rps, b.rps))}** | ${a.p50Ms} | ${a0.p50Ms} | ${b.p50Ms} | ${c.p50Ms} | **${fixed(ratio(a.p50Ms, c.p50Ms))}** | **${fixed(ratio(a0.p50Ms, c.p50Ms))}** | ${a.p99Ms} | ${a0.p99Ms} | ${b.p99Ms} | **${fixed(ratio(a.p99Ms, b.p99Ms))}** | **${fixed(ratio(a0.p99Ms, b.p99Ms))}** |`,
    );
  }
  const failures = report.queries.flatMap((q) =>
    Object.entries(q.contenders)
      .filter(([, f]) => f.failures > 0)
      .map(([id, f]) => `${q.name} ${id}: ${f.failures}`),
  );
  lines.push('', `Failed responses during the measured slots: ${failures.length ? failures.join(', ') : 'none'}.`, '');
  lines.push('Resident memory (MB) of each process, at start, peak under load, and at the end:', '');
  lines.push('| | start | peak | end |', '|---|---:|---:|---:|');
  for (const [id, r] of Object.entries(report.rssMb)) lines.push(`| ${id} | ${r.start} | ${r.peak} | ${r.end} |`);
  lines.push('', '## Targets', '', 'Checked for the service as shipped (a) and, to show what a cache miss costs, without its cache (a0).', '');
  lines.push('| target | a | | a0 | |', '|---|---:|---|---:|---|');
  for (const c of checkTargets(report)) lines.push(`| ${c.target} | ${c.reached} | ${mark(c.met)} | ${c.reachedUncached} | ${mark(c.metUncached)} |`);
  lines.push('', '## What (b) answers for each query', '');
  for (const q of report.queries)
    lines.push(
      `- **${q.title}**: ${q.generatedNote}. Mean response: a ${q.contenders.service.meanResponseBytes} B, b ${q.contenders.generated.meanResponseBytes} B.`,
    );
  lines.push('');
  return `${lines.join('\n')}\n`;
}
