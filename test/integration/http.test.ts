import http from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logger } from '../../src/common/logger';
import { createSchema } from '../../src/schema';
import { startService, type RunningService } from '../../src/server';
import { createHarness, type Harness } from '../support/harness';

let h: Harness;
let service: RunningService;
beforeAll(async () => {
  h = await createHarness();
  const databaseReady = () =>
    h.driver.getServerInfo().then(
      () => true,
      () => false,
    );
  service = await startService(
    { schema: await createSchema(), executor: h.executor, logger: logger.child({}, { level: 'silent' }), databaseReady },
    '127.0.0.1',
    0,
  );
});
afterAll(async () => {
  await service.stop();
  await h.close();
});

async function post(body: unknown) {
  const response = await fetch(service.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> } };
}

describe('the HTTP service', () => {
  it('serves GraphQL over HTTP at /graphql', async () => {
    const { status, body } = await post({ query: '{ code(code: "99213") { code systemId } }' });
    expect(status).toBe(200);
    expect(body).toEqual({ data: { code: { code: '99213', systemId: 'CPT' } } });
  });

  it('answers a query that does not parse with GRAPHQL_PARSE_FAILED', async () => {
    const { status, body } = await post({ query: '{ code(code: ' });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers a query for an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const { body } = await post({ query: '{ nothing }' });
    expect(body.errors?.[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('counts requests, latency, round trips and errors by code at /metrics, in Prometheus format', async () => {
    await post({ query: 'query Lookup { code(code: "E11.9") { code parent { code } } }', operationName: 'Lookup' });
    await post({ query: 'query Lookup { code(code: "E11.9") { code parent { code } } }', operationName: 'Lookup' });
    await post({ query: 'query Bad { code(code: "not a code!") { code } }', operationName: 'Bad' });
    const response = await fetch(service.url.replace('/graphql', '/metrics'));
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('codeset_graphql_requests_total{operation="Lookup",outcome="success"} 2');
    expect(text).toContain('codeset_graphql_requests_total{operation="Bad",outcome="error"} 1');
    expect(text).toContain('codeset_graphql_errors_total{code="BAD_USER_INPUT"} 1');
    // Two statements per Lookup (the code, then its parent): both requests fall in the le="2" bucket.
    expect(text).toContain('codeset_cypher_round_trips_bucket{le="2",operation="Lookup"} 2');
    expect(text).toMatch(/codeset_graphql_request_duration_seconds_count\{operation="Lookup"\} 2/);
    expect(text).toMatch(/codeset_process_resident_memory_bytes \d+/);
  });

  it('reports liveness, and readiness while Neo4j answers', async () => {
    expect((await fetch(service.url.replace('/graphql', '/health/live'))).status).toBe(200);
    const ready = await fetch(service.url.replace('/graphql', '/health/ready'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });

  it('reports not ready, with 503, when Neo4j does not answer', async () => {
    const down = await startService(
      { schema: await createSchema(), executor: h.executor, logger: logger.child({}, { level: 'silent' }), databaseReady: async () => false },
      '127.0.0.1',
      0,
    );
    try {
      const response = await fetch(down.url.replace('/graphql', '/health/ready'));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', neo4j: 'down' });
    } finally {
      await down.stop();
    }
  });
});

describe('HTTP that clients expect (issue 18)', () => {
  /** A raw request (fetch would decode the body and hide the encoding). */
  function raw(pathAndQuery: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
    const url = new URL(pathAndQuery, service.url);
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(init.body);
    });
  }
  const INTROSPECTION = JSON.stringify({ query: '{ __schema { types { name fields { name } } } }' });

  it('compresses a GraphQL answer with gzip or Brotli, whichever the client accepts, and the body decodes to the same JSON', async () => {
    const plain = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: INTROSPECTION });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip' }, body: INTROSPECTION });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.body).toString()).toBe(plain.body.toString());
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
    const br = await raw('/graphql', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': 'br' }, body: INTROSPECTION });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(plain.body.toString());
  });

  it('serves the CSV export compressed, with CORS that lets a page on another origin read X-Total-Count', async () => {
    const res = await raw('/export/justified-by.csv?code=80061&system=CPT&status=COVERED,DENIED,NOT_MEDICALLY_NECESSARY', {
      headers: { origin: 'https://app.example', 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(String(res.headers['access-control-expose-headers']).split(',')).toEqual(['X-Total-Count', 'Content-Disposition']);
    expect(Number(res.headers['x-total-count'])).toBeGreaterThan(0);
    expect(res.headers['content-encoding']).toBe('gzip');
    const lines = zlib.gunzipSync(res.body).toString().trim().split(/\r?\n/);
    expect(lines.length - 1).toBe(Number(res.headers['x-total-count']));
  });

  it('lets a browser keep a preflight answer for 10 minutes (Access-Control-Max-Age)', async () => {
    const res = await raw('/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers['access-control-max-age']).toBe('600');
  });
});
