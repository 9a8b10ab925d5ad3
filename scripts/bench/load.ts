/**
 * One load slot of `npm run bench`: autocannon against one contender, a fixed number of
 * connections for a fixed duration, each connection cycling through the query's samples. Every
 * response time is kept, so slots of the same contender and query combine exactly.
 */
import autocannon from 'autocannon';
import type { BenchRequest } from './mix';

export interface SlotResult {
  requests: number;
  seconds: number;
  /** Responses that were not a 2xx, or whose GraphQL body carried `errors`, plus socket errors and timeouts. */
  failures: number;
  firstFailure: string | null;
  latenciesMs: number[];
}

export interface SlotOptions {
  origin: string;
  requests: BenchRequest[];
  connections: number;
  seconds: number;
  /** GraphQL contenders answer 200 with `errors` for a failed query: count those as failures. */
  graphql: boolean;
}

export function runSlot(options: SlotOptions): Promise<SlotResult> {
  const latenciesMs: number[] = [];
  let next = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const fail = (why: string) => {
    failures += 1;
    firstFailure ??= why;
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.origin,
        connections: options.connections,
        duration: options.seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest(request) {
              const sample = options.requests[next++ % options.requests.length];
              return { ...request, path: sample.path, body: sample.body };
            },
            onResponse(status, body) {
              if (status < 200 || status > 299) fail(`HTTP ${status}: ${body.slice(0, 300)}`);
              else if (options.graphql && body.includes('"errors":')) fail(body.slice(0, 300));
            },
          },
        ],
      },
      (error, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        failures += result.errors + result.timeouts;
        if (result.errors + result.timeouts > 0) firstFailure ??= `${result.errors} socket errors, ${result.timeouts} timeouts`;
        resolve({ requests: latenciesMs.length, seconds: options.seconds, failures, firstFailure, latenciesMs });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, millis: number) => {
      latenciesMs.push(millis);
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
