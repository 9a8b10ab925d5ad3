import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CacheListener, ReleaseCache } from '../cache/release-cache';

/** The service's Prometheus metrics, in their own registry (one per running service). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'codeset_' });
  const perOperation = (name: string, help: string, buckets: number[]) =>
    new Histogram({ name, help, labelNames: ['operation'] as const, buckets, registers: [registry] });
  return {
    registry,
    requests: new Counter({
      name: 'codeset_graphql_requests_total',
      help: 'GraphQL requests by operation name and outcome (success, error)',
      labelNames: ['operation', 'outcome'] as const,
      registers: [registry],
    }),
    duration: perOperation(
      'codeset_graphql_request_duration_seconds',
      'GraphQL request latency by operation name, from parsing to the response',
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    ),
    roundTrips: perOperation('codeset_cypher_round_trips', 'Cypher round trips per GraphQL request, by operation name', [0, 1, 2, 3, 4, 6, 8, 12, 16, 32, 64]),
    databaseSeconds: perOperation(
      'codeset_cypher_seconds_per_request',
      'Time spent in Neo4j per GraphQL request (sum of its round trips), by operation name',
      [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    ),
    errors: new Counter({
      name: 'codeset_graphql_errors_total',
      help: 'GraphQL errors by extensions.code',
      labelNames: ['code'] as const,
      registers: [registry],
    }),
    cacheLookups: new Counter({
      name: 'codeset_cache_lookups_total',
      help: 'Answer cache lookups by statement and result (hit, miss)',
      labelNames: ['statement', 'result'] as const,
      registers: [registry],
    }),
    refusals: new Counter({
      name: 'codeset_refused_requests_total',
      help: 'Requests refused before any resolver ran, by the limit that refused them (its variable, or batch)',
      labelNames: ['limit'] as const,
      registers: [registry],
    }),
    cacheInvalidations: new Counter({
      name: 'codeset_cache_invalidations_total',
      help: 'Times the answer cache was cleared (an import or a curation changed the graph)',
      registers: [registry],
    }),
  };
}

/** Feeds the cache's hits, misses and clears into the metrics. The namespace's parameters (after @) are not a label. */
export function cacheMetrics(metrics: Metrics): CacheListener {
  const statement = (namespace: string) => namespace.split('@')[0];
  return {
    hit: (namespace) => metrics.cacheLookups.inc({ statement: statement(namespace), result: 'hit' }),
    miss: (namespace) => metrics.cacheLookups.inc({ statement: statement(namespace), result: 'miss' }),
    invalidated: () => metrics.cacheInvalidations.inc(),
  };
}

/** The cache's size as gauges, read when /metrics is scraped. */
export function registerCacheGauges(metrics: Metrics, cache: ReleaseCache): void {
  new Gauge({
    name: 'codeset_cache_entries',
    help: 'Answers held in the cache',
    registers: [metrics.registry],
    collect() {
      this.set(cache.stats().entries);
    },
  });
  new Gauge({
    name: 'codeset_cache_bytes',
    help: 'Estimated bytes held by the cache',
    registers: [metrics.registry],
    collect() {
      this.set(cache.stats().bytes);
    },
  });
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The longest the event loop was blocked, sampled every 10 ms by perf_hooks.monitorEventLoopDelay:
 * since the service started (codeset_event_loop_delay_max_seconds, never reset, start-up included)
 * and since the previous scrape of /metrics (codeset_event_loop_delay_recent_max_seconds, like the
 * default nodejs_eventloop_lag_* gauges, which also cover one scrape interval). The hostile runs
 * scrape once before they start and once after, and report the second figure.
 */
export function watchEventLoop(metrics: Metrics): { disable: () => void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const recent = monitorEventLoopDelay({ resolution: 10 });
  recent.enable();
  const seconds = (nanos: number) => (Number.isFinite(nanos) ? nanos / 1e9 : 0);
  new Gauge({
    name: 'codeset_event_loop_delay_max_seconds',
    help: 'Longest event-loop delay seen since the service started',
    registers: [metrics.registry],
    collect() {
      this.set(seconds(histogram.max));
    },
  });
  new Gauge({
    name: 'codeset_event_loop_delay_recent_max_seconds',
    help: 'Longest event-loop delay seen since the previous scrape of /metrics',
    registers: [metrics.registry],
    collect() {
      this.set(seconds(recent.max));
      recent.reset();
    },
  });
  new Gauge({
    name: 'codeset_event_loop_delay_p99_seconds',
    help: '99th percentile of the event-loop delay since the service started',
    registers: [metrics.registry],
    collect() {
      this.set(seconds(histogram.percentile(99)));
    },
  });
  return {
    disable: () => {
      histogram.disable();
      recent.disable();
    },
  };
}
