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
