import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context';
import type { Metrics } from './metrics';

/** Operation names come from clients: only well-formed ones, and at most this many distinct, become labels. */
const MAX_OPERATIONS = 100;

/** The metrics label for a client's operation name: the name, "anonymous", or "other" past the cap. */
export function operationLabel(name: string | null | undefined, seen: Set<string>): string {
  if (!name) return 'anonymous';
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATIONS) return 'other';
  seen.add(name);
  return name;
}

/**
 * Counts each request's Cypher round trips and database time (from the context's counter), records
 * them with the latency and the errors by code in the metrics, and, with `debug`, returns them in
 * the response's `extensions.roundTrips`.
 */
export function requestMetricsPlugin(metrics: Metrics | null, options: { debug: boolean }): ApolloServerPlugin<Context> {
  const seen = new Set<string>();
  return {
    async requestDidStart() {
      const began = performance.now();
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          const counter = contextValue.roundTrips;
          if (response.body.kind === 'single') {
            const errors = response.body.singleResult.errors ?? [];
            if (metrics) {
              const operation = operationLabel(operationName, seen);
              metrics.requests.inc({ operation, outcome: errors.length > 0 ? 'error' : 'success' });
              metrics.duration.observe({ operation }, (performance.now() - began) / 1000);
              metrics.roundTrips.observe({ operation }, counter.count);
              metrics.databaseSeconds.observe({ operation }, counter.millis / 1000);
              for (const error of errors) metrics.errors.inc({ code: typeof error.extensions?.code === 'string' ? error.extensions.code : 'UNKNOWN' });
            }
            if (options.debug) response.body.singleResult.extensions = { ...response.body.singleResult.extensions, roundTrips: counter.toJSON() };
          }
        },
      };
    },
  };
}
